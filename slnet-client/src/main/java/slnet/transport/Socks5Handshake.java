package slnet.transport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import slnet.transport.Socks5Exception.Reason;

/**
 * The client side of RFC 1928 (method negotiation, UDP ASSOCIATE) and RFC 1929
 * (username/password) on a blocking TCP socket. Stateless; one call per association.
 */
final class Socks5Handshake {

    static final int VERSION = 5;
    static final int METHOD_NONE = 0x00;
    static final int METHOD_USERNAME = 0x02;
    static final int NO_ACCEPTABLE_METHODS = 0xFF;
    static final int AUTH_VERSION = 1;
    static final int CMD_UDP_ASSOCIATE = 3;
    static final int ATYP_IPV4 = 1;
    static final int ATYP_DOMAIN = 3;
    static final int ATYP_IPV6 = 4;

    /** The proxy's TCP connection (kept open: the association lives as long as it) and relay. */
    record Association(Socket control, InetSocketAddress relay) { }

    private Socks5Handshake() { }

    /**
     * Connects to the proxy and asks for a UDP association for datagrams from {@code udpLocal}.
     *
     * @param udpLocal the local UDP socket's address; a wildcard address is replaced by the
     *                 address the TCP connection leaves from, which is what the proxy will see
     */
    static Association associate(Socks5Config config, InetSocketAddress udpLocal) throws IOException {
        InetSocketAddress proxy = config.proxy();
        if (proxy.isUnresolved()) {
            proxy = new InetSocketAddress(proxy.getHostString(), proxy.getPort());
            if (proxy.isUnresolved()) {
                throw new Socks5Exception(Reason.PROXY_UNREACHABLE,
                        "cannot resolve proxy host " + proxy.getHostString(), -1, null);
            }
        }
        int timeoutMs = (int) config.connectTimeout().toMillis();
        Socket socket = new Socket();
        try {
            try {
                socket.connect(proxy, timeoutMs);
            } catch (IOException e) {
                throw new Socks5Exception(Reason.PROXY_UNREACHABLE,
                        "cannot connect to SOCKS5 proxy " + proxy + ": " + e.getMessage(), -1, e);
            }
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMs);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            negotiateMethod(config, in, out);
            InetAddress requestAddress = udpLocal.getAddress().isAnyLocalAddress()
                    ? socket.getLocalAddress() : udpLocal.getAddress();
            InetSocketAddress relay = requestUdpAssociate(
                    new InetSocketAddress(requestAddress, udpLocal.getPort()), in, out, proxy);
            // From now on the connection only signals the association's end; never time it out.
            socket.setSoTimeout(0);
            return new Association(socket, relay);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new Socks5Exception(Reason.TIMED_OUT,
                    "SOCKS5 proxy " + proxy + " did not answer within " + timeoutMs + " ms", -1, e);
        } catch (EOFException e) {
            closeQuietly(socket);
            throw new Socks5Exception(Reason.PROTOCOL_VIOLATION,
                    "SOCKS5 proxy " + proxy + " closed the connection during the handshake", -1, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static void negotiateMethod(Socks5Config config, DataInputStream in, OutputStream out)
            throws IOException {
        // With credentials, offer both: a proxy that needs none may pick "none".
        byte[] greeting = config.hasCredentials()
                ? new byte[] {VERSION, 2, METHOD_NONE, METHOD_USERNAME}
                : new byte[] {VERSION, 1, METHOD_NONE};
        out.write(greeting);
        out.flush();
        int version = in.readUnsignedByte();
        int method = in.readUnsignedByte();
        expectVersion(version, VERSION, "method selection");
        switch (method) {
            case METHOD_NONE -> { }
            case METHOD_USERNAME -> {
                if (!config.hasCredentials()) {
                    throw new Socks5Exception(Reason.PROTOCOL_VIOLATION,
                            "proxy chose username/password, which was not offered", -1, null);
                }
                authenticate(config, in, out);
            }
            case NO_ACCEPTABLE_METHODS -> throw new Socks5Exception(Reason.NO_ACCEPTABLE_METHOD,
                    config.hasCredentials()
                            ? "proxy accepts neither no authentication nor username/password"
                            : "proxy requires authentication; configure a username and password",
                    -1, null);
            default -> throw new Socks5Exception(Reason.PROTOCOL_VIOLATION,
                    "proxy chose method " + method + ", which was not offered", -1, null);
        }
    }

    private static void authenticate(Socks5Config config, DataInputStream in, OutputStream out)
            throws IOException {
        byte[] user = config.username().getBytes(StandardCharsets.UTF_8);
        byte[] pass = config.password().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[3 + user.length + pass.length];
        request[0] = AUTH_VERSION;
        request[1] = (byte) user.length;
        System.arraycopy(user, 0, request, 2, user.length);
        request[2 + user.length] = (byte) pass.length;
        System.arraycopy(pass, 0, request, 3 + user.length, pass.length);
        out.write(request);
        out.flush();
        java.util.Arrays.fill(request, (byte) 0);
        java.util.Arrays.fill(pass, (byte) 0);
        int version = in.readUnsignedByte();
        int status = in.readUnsignedByte();
        expectVersion(version, AUTH_VERSION, "username/password reply");
        if (status != 0) {
            throw new Socks5Exception(Reason.AUTHENTICATION_FAILED,
                    "proxy rejected the username/password (status " + status + ")", -1, null);
        }
    }

    private static InetSocketAddress requestUdpAssociate(InetSocketAddress from, DataInputStream in,
                                                         OutputStream out, InetSocketAddress proxy)
            throws IOException {
        byte[] address = Socks5UdpHeader.encode(from);
        byte[] request = new byte[3 + address.length];
        request[0] = VERSION;
        request[1] = CMD_UDP_ASSOCIATE;
        request[2] = 0;
        System.arraycopy(address, 0, request, 3, address.length);
        out.write(request);
        out.flush();
        int version = in.readUnsignedByte();
        int reply = in.readUnsignedByte();
        in.readUnsignedByte(); // RSV
        expectVersion(version, VERSION, "UDP ASSOCIATE reply");
        if (reply != 0) {
            throw new Socks5Exception(Reason.REQUEST_REJECTED,
                    "proxy refused UDP ASSOCIATE: " + describeReply(reply), reply, null);
        }
        InetAddress bound = readAddress(in);
        int port = in.readUnsignedShort();
        if (port == 0) {
            throw new Socks5Exception(Reason.PROTOCOL_VIOLATION, "proxy's relay port is 0", -1, null);
        }
        // A proxy may answer "any address" (0.0.0.0 or ::): the relay is then on the proxy's host.
        return new InetSocketAddress(bound.isAnyLocalAddress() ? proxy.getAddress() : bound, port);
    }

    private static InetAddress readAddress(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        switch (type) {
            case ATYP_IPV4 -> {
                byte[] ip = new byte[4];
                in.readFully(ip);
                return InetAddress.getByAddress(ip);
            }
            case ATYP_IPV6 -> {
                byte[] ip = new byte[16];
                in.readFully(ip);
                return InetAddress.getByAddress(ip);
            }
            case ATYP_DOMAIN -> {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                String host = new String(name, StandardCharsets.US_ASCII);
                try {
                    return InetAddress.getByName(host);
                } catch (UnknownHostException e) {
                    throw new Socks5Exception(Reason.PROTOCOL_VIOLATION,
                            "cannot resolve the relay host the proxy named: " + host, -1, e);
                }
            }
            default -> throw new Socks5Exception(Reason.PROTOCOL_VIOLATION,
                    "unknown address type " + type + " in proxy reply", -1, null);
        }
    }

    private static void expectVersion(int actual, int expected, String where) throws Socks5Exception {
        if (actual != expected) {
            throw new Socks5Exception(Reason.PROTOCOL_VIOLATION,
                    "version " + actual + " in " + where + ", expected " + expected, -1, null);
        }
    }

    static String describeReply(int reply) {
        return switch (reply) {
            case 1 -> "general SOCKS server failure (1)";
            case 2 -> "not allowed by ruleset (2)";
            case 3 -> "network unreachable (3)";
            case 4 -> "host unreachable (4)";
            case 5 -> "connection refused (5)";
            case 6 -> "TTL expired (6)";
            case 7 -> "command not supported (7)";
            case 8 -> "address type not supported (8)";
            default -> "reply code " + reply;
        };
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
