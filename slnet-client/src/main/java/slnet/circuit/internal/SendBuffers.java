package slnet.circuit.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Datagram-sized arrays that circuits borrow for the length of one send. A circuit needs its buffer
 * only while it encodes and hands a datagram to the transport, so a fleet of thousands of circuits
 * shares a handful instead of keeping one each (1.2 KB a circuit at the viewer's MTU). Arrays of
 * another size than the pool's are made and dropped.
 */
final class SendBuffers {
    private static final int SIZE = 1200;
    private static final AtomicReferenceArray<byte[]> POOL = new AtomicReferenceArray<>(32);

    private SendBuffers() {
    }

    /**
     * Takes an array of at least {@code length} bytes; give it back when the send is over.
     *
     * @param length the bytes needed
     * @return a pooled array, or a new one
     */
    static byte[] borrow(int length) {
        if (length == SIZE) {
            for (int i = 0; i < POOL.length(); i++) {
                byte[] pooled = POOL.getAndSet(i, null);
                if (pooled != null) {
                    return pooled;
                }
            }
        }
        return new byte[length];
    }

    /**
     * Returns an array; nobody may use it afterwards.
     *
     * @param buffer what {@link #borrow(int)} gave
     */
    static void giveBack(byte[] buffer) {
        if (buffer.length == SIZE) {
            for (int i = 0; i < POOL.length(); i++) {
                if (POOL.compareAndSet(i, null, buffer)) {
                    return;
                }
            }
        }
    }
}
