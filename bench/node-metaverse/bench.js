'use strict';
// Usage: npm install && node bench.js [--quick] [--json]   (from bench/node-metaverse)
// Times node-metaverse's own packet encode/decode on the exact datagrams slnet's JMH benchmarks use
// (datagrams.json, written by slnet.bench.ComparisonDatagrams). Reports the median ns per datagram
// over many timed batches, after a warm-up, so V8 has optimised the code as in a long-running bot.
const fs = require('fs');
const path = require('path');
const lib = path.join(path.dirname(require.resolve('@caspertech/node-metaverse/package.json')), 'dist/lib');
const { Packet } = require(path.join(lib, 'classes/Packet'));
const { Zerocoder } = require(path.join(lib, 'classes/Zerocoder'));
const { PacketFlags } = require(path.join(lib, 'enums/PacketFlags'));

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, process.argv.slice(2).find((a) => !a.startsWith('--')) || 'datagrams.json'), 'utf8'));
const quick = process.argv.includes('--quick');
const WARMUP_MS = quick ? 200 : 2000;
const ROUNDS = quick ? 5 : 41;
const ROUND_MS = quick ? 20 : 100;
const noop = () => {};
let sink = 0;

function decode(buf) {
    const packet = new Packet();
    packet.readFromBuffer(buf, 0, noop, noop);
    return packet;
}

function encode(message, flags, sequence) {
    // What node-metaverse's Circuit does to send a message.
    const packet = new Packet();
    packet.message = message;
    packet.packetFlags = flags;
    packet.sequenceNumber = sequence;
    const buf = Buffer.allocUnsafe(packet.getSize());
    return packet.writeToBuffer(buf, 0);
}

/** Runs fn in batches; returns the median ns per call. */
function time(fn) {
    let batch = 1;
    // Grow the batch until one takes ~1 ms, then warm up.
    for (;;) {
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < batch; i++) sink += fn();
        if (Number(process.hrtime.bigint() - t0) > 1e6) break;
        batch *= 2;
    }
    const warmEnd = Date.now() + WARMUP_MS;
    while (Date.now() < warmEnd) for (let i = 0; i < batch; i++) sink += fn();
    const samples = [];
    for (let r = 0; r < ROUNDS; r++) {
        const roundEnd = Date.now() + ROUND_MS;
        let calls = 0;
        const t0 = process.hrtime.bigint();
        do {
            for (let i = 0; i < batch; i++) sink += fn();
            calls += batch;
        } while (Date.now() < roundEnd);
        samples.push(Number(process.hrtime.bigint() - t0) / calls);
    }
    samples.sort((a, b) => a - b);
    return samples[samples.length >> 1];
}

const rows = [];
for (const [name, hex] of Object.entries(fixtures.datagrams)) {
    const bytes = Buffer.from(hex, 'hex');
    const decoded = decode(bytes);
    const flags = decoded.packetFlags & PacketFlags.Reliable;
    const sequence = decoded.sequenceNumber;
    const reencoded = encode(decoded.message, flags, sequence);
    if (!reencoded.equals(bytes)) {
        console.error(`note: ${name}: node-metaverse encodes ${reencoded.length} bytes, slnet ${bytes.length}`);
    }
    const encodeNs = time(() => encode(decoded.message, flags, sequence).length);
    const decodeNs = time(() => decode(bytes).sequenceNumber);
    rows.push({ name, bytes: bytes.length, encodeNs, decodeNs });
}

// Zero-decoding: the 1200 zerocoded bytes behind a 6-byte header, as Packet.readFromBuffer calls it.
const zeroCoded = Buffer.from(fixtures.zeroCoded, 'hex');
const datagram = Buffer.concat([Buffer.from([0x80, 0, 0, 0, 1, 0]), zeroCoded]);
const zeroNs = time(() => Zerocoder.Decode(datagram, 6, datagram.length - 1, 0).length);
const zeroOut = Zerocoder.Decode(datagram, 6, datagram.length - 1, 0).length - 6;

if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, rows, zeroDecode: { inputBytes: zeroCoded.length, outputBytes: zeroOut, ns: zeroNs } }));
    process.exit(0);
}
console.log(`node ${process.version}, @caspertech/node-metaverse ${require('@caspertech/node-metaverse/package.json').version}`);
console.log('| datagram | bytes | encode ns | decode ns |');
console.log('|---|---:|---:|---:|');
for (const r of rows) {
    console.log(`| ${r.name} | ${r.bytes} | ${r.encodeNs.toFixed(0)} | ${r.decodeNs.toFixed(0)} |`);
}
console.log(`| zero-decode ${zeroCoded.length} B -> ${zeroOut} B | ${zeroCoded.length} | | ${zeroNs.toFixed(0)} (${(zeroCoded.length * 1000 / zeroNs).toFixed(0)} MB/s) |`);
if (sink === 0.5) console.log(sink);
