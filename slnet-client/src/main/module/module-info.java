/**
 * The client: login, circuits to simulators, capabilities and the event queue, the network manager,
 * handlers, the world model, and the {@code slnet.Client} facade on top. Packages named
 * {@code internal} are not exported.
 */
module io.github.slnet.client {
    requires transitive io.github.slnet.protocol;
    requires transitive java.net.http;
    requires java.xml;
    requires jdk.jfr;
    requires org.slf4j;

    exports slnet;
    exports slnet.caps;
    exports slnet.circuit;
    exports slnet.handler;
    exports slnet.login;
    exports slnet.login.xmlrpc;
    exports slnet.names;
    exports slnet.network;
    exports slnet.time;
    exports slnet.transport;
    exports slnet.world;
    // Flight-recorder events must be reachable by the recorder.
    exports slnet.internal.jfr to jdk.jfr;
}
