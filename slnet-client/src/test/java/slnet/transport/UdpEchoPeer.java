package slnet.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** A plain UDP peer on loopback that sends every datagram back to whoever sent it. */
final class UdpEchoPeer implements AutoCloseable {

    private final DatagramChannel channel;
    private final Thread thread;

    UdpEchoPeer() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofPlatform().name("slnet-test-echo").daemon(true).start(this::echo);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void echo() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                var from = channel.receive(buffer);
                channel.send(buffer.flip(), from);
            }
        } catch (IOException closed) {
            // closed by close(): done
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        ScriptedSocks5Proxy.joinUninterruptibly(thread);
    }
}
