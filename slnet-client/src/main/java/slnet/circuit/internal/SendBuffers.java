package slnet.circuit.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Datagram-sized arrays that circuits borrow for the length of one send. A circuit needs its buffer
 * only while it encodes and hands a datagram to the transport, so a fleet of thousands of circuits
 * shares a handful instead of keeping one each (1.2 KB a circuit at the viewer's MTU). A borrowed
 * array may be longer than asked for: callers bound their writes by their own MTU.
 */
final class SendBuffers {
    private static final AtomicReferenceArray<byte[]> POOL = new AtomicReferenceArray<>(32);

    private SendBuffers() {
    }

    /**
     * Takes an array of at least {@code length} bytes (possibly more); give it back when the send is over.
     *
     * @param length the bytes needed
     * @return a pooled array, or a new one
     */
    static byte[] borrow(int length) {
        for (int i = 0; i < POOL.length(); i++) {
            byte[] pooled = POOL.getAndSet(i, null);
            if (pooled != null) {
                if (pooled.length >= length) {
                    return pooled;
                }
                POOL.compareAndSet(i, null, pooled); // too short for this caller: leave it for others
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
        for (int i = 0; i < POOL.length(); i++) {
            if (POOL.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }
}
