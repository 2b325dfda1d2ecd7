package slnet.bench.circuit;

/**
 * One sender-to-receiver path over loopback under test: the benchmark thread calls
 * {@link #sendOne()} in a loop, the receive side counts what arrives. Owns its sockets and threads.
 */
interface LoopbackPair extends AutoCloseable {

    /**
     * Sends one packet (for a reliable pair, first waits for room in the window).
     *
     * @throws Exception if sending failed, which ends the benchmark
     */
    void sendOne() throws Exception;

    /** @return packets handed to the sink on the receiving side so far */
    long delivered();

    /** @return packets the receiving side acked so far (0 where nothing is acked) */
    long acked();

    /** @return reliable sends that failed (queue full, resends exhausted, closed); 0 where none are reliable */
    default long failed() {
        return 0;
    }

    /** @return reliable packets sent again because their ack was late; 0 where none are reliable */
    default long resent() {
        return 0;
    }

    /** @return the name of the thread that receives and delivers on the receiving side */
    String receiveThreadName();

    /** @return the size of one datagram on the wire, without appended acks */
    int datagramBytes();

    @Override
    void close() throws Exception;
}
