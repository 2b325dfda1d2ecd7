package slnet.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SOCKS5 UDP-ASSOCIATE proxy for one client, scriptable where a real server cannot be:
 * it can announce a 0.0.0.0 relay, reject the request, stay silent, answer garbage, cut the
 * control connection on demand, and inject raw datagrams. It records the headers it was sent.
 */
final class ScriptedSocks5Proxy implements AutoCloseable {

    /** What the proxy does during the handshake. */
    enum Behaviour { RELAY, ANNOUNCE_WILDCARD_RELAY, REJECT_NOT_ALLOWED, SILENT, NOT_SOCKS }

    private final Behaviour behaviour;
    private final String username;
    private final String password;
    private final ServerSocket server;
    private final DatagramChannel relay;
    private final Thread controlThread;
    private final Thread relayThread;
    private final CountDownLatch associated = new CountDownLatch(1);
    private volatile Socket control;
    private volatile InetSocketAddress client;
    final List<byte[]> headersFromClient = new CopyOnWriteArrayList<>();
    volatile InetSocketAddress requestedClientAddress;

    ScriptedSocks5Proxy(Behaviour behaviour) throws IOException {
        this(behaviour, null, null);
    }

    ScriptedSocks5Proxy(Behaviour behaviour, String username, String password) throws IOException {
        this.behaviour = behaviour;
        this.username = username;
        this.password = password;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = new ServerSocket(0, 1, loopback);
        relay = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
        controlThread = Thread.ofPlatform().name("slnet-test-socks5-control").daemon(true).start(this::serveControl);
        relayThread = Thread.ofPlatform().name("slnet-test-socks5-relay").daemon(true).start(this::serveRelay);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    InetSocketAddress relayAddress() throws IOException {
        return (InetSocketAddress) relay.getLocalAddress();
    }

    private void serveControl() {
        try {
            Socket socket = server.accept();
            control = socket;
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (behaviour == Behaviour.NOT_SOCKS) {
                out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                out.flush();
                return;
            }
            byte[] methods = new byte[in.readUnsignedByte() == 5 ? in.readUnsignedByte() : 0];
            in.readFully(methods);
            if (behaviour == Behaviour.SILENT) {
                return; // connection stays open, nothing is ever answered
            }
            if (username != null) {
                out.write(new byte[] {5, 2});
                in.readUnsignedByte();
                byte[] user = new byte[in.readUnsignedByte()];
                in.readFully(user);
                byte[] pass = new byte[in.readUnsignedByte()];
                in.readFully(pass);
                boolean ok = username.equals(new String(user)) && password.equals(new String(pass));
                out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
                if (!ok) {
                    socket.close();
                    return;
                }
            } else {
                out.write(new byte[] {5, 0});
            }
            byte[] request = new byte[4];
            in.readFully(request);
            byte[] address = new byte[request[3] == 1 ? 4 : 16];
            in.readFully(address);
            int port = in.readUnsignedShort();
            requestedClientAddress = new InetSocketAddress(InetAddress.getByAddress(address), port);
            if (behaviour == Behaviour.REJECT_NOT_ALLOWED) {
                out.write(new byte[] {5, 2, 0, 1, 0, 0, 0, 0, 0, 0});
                out.flush();
                return;
            }
            client = requestedClientAddress;
            int relayPort = relayAddress().getPort();
            byte[] bound = behaviour == Behaviour.ANNOUNCE_WILDCARD_RELAY
                    ? new byte[] {0, 0, 0, 0} : relayAddress().getAddress().getAddress();
            out.write(new byte[] {5, 0, 0, 1, bound[0], bound[1], bound[2], bound[3],
                    (byte) (relayPort >> 8), (byte) relayPort});
            out.flush();
            associated.countDown();
        } catch (IOException e) {
            // the test closed us
        }
    }

    private void serveRelay() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) relay.receive(buffer);
                buffer.flip();
                if (from.equals(client)) {
                    int addressLength = buffer.get(3) == 1 ? 4 : 16;
                    byte[] header = new byte[4 + addressLength + 2];
                    buffer.get(header);
                    headersFromClient.add(header);
                    byte[] address = Arrays.copyOfRange(header, 4, 4 + addressLength);
                    int port = ((header[header.length - 2] & 0xFF) << 8) | (header[header.length - 1] & 0xFF);
                    relay.send(buffer, new InetSocketAddress(InetAddress.getByAddress(address), port));
                } else if (client != null) {
                    byte[] ip = from.getAddress().getAddress();
                    ByteBuffer wrapped = ByteBuffer.allocate(10 + buffer.remaining())
                            .put(new byte[] {0, 0, 0, 1}).put(ip).putShort((short) from.getPort()).put(buffer).flip();
                    relay.send(wrapped, client);
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Waits until a client holds an association. */
    void awaitAssociation() throws InterruptedException {
        if (!associated.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("no UDP association within 5 s");
        }
    }

    /** Sends bytes to the client from the relay as they are, header and all. */
    void sendRawToClient(byte[] datagram) throws IOException {
        relay.send(ByteBuffer.wrap(datagram), client);
    }

    /** Ends the control connection, as a proxy restart or a NAT timeout would. */
    void cutControlConnection() throws IOException {
        control.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = control;
        if (socket != null) {
            socket.close();
        }
        relay.close();
        joinUninterruptibly(controlThread);
        joinUninterruptibly(relayThread);
    }

    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
