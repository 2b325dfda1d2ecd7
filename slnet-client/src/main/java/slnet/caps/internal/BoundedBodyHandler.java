package slnet.caps.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into bytes, failing with {@link TooLargeException} as soon as it is
 * longer than a limit (by its Content-Length or by what has arrived), and cancelling the rest, so
 * a hostile server cannot make the client buffer an unbounded body.
 */
public final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    /** The body passed the limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("response body longer than " + limit + " bytes");
        }
    }

    private final int maxBytes;

    /** @param maxBytes the most body bytes accepted */
    public BoundedBodyHandler(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            return new Subscriber(maxBytes, true);
        }
        return new Subscriber(maxBytes, false);
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int maxBytes;
        private final boolean failAtOnce;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Subscriber(int maxBytes, boolean failAtOnce) {
            this.maxBytes = maxBytes;
            this.failAtOnce = failAtOnce;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (failAtOnce) {
                s.cancel();
                result.completeExceptionally(new TooLargeException(maxBytes));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if ((long) out.size() + b.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException(maxBytes));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
