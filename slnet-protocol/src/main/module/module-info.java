/**
 * The Second Life message protocol: the messages of the template as immutable records, packet
 * framing and zerocoding, and LLSD. Pure: it knows no sockets, threads or HTTP.
 */
module io.github.slnet.protocol {
    requires java.xml;

    exports slnet.protocol;
    exports slnet.protocol.llsd;
    exports slnet.protocol.messages;
    exports slnet.protocol.types;
    exports slnet.protocol.internal to io.github.slnet.client;
}
