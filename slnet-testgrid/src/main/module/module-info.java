/**
 * The embedded test grid: a login server, capability and event-queue servers, and simulators on
 * loopback that speak the real wire format, with fault switches, for offline tests of bots.
 */
module io.github.slnet.testgrid {
    requires transitive io.github.slnet.client;
    requires java.xml;
    requires jdk.httpserver;
    requires org.slf4j;

    exports slnet.testgrid;
    exports slnet.testgrid.caps;
    exports slnet.testgrid.fault;
    exports slnet.testgrid.sim;
}
