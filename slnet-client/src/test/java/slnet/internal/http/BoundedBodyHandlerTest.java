package slnet.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedBodyHandlerTest {

    private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (k, v) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static final class RecordingSubscription implements Flow.Subscription {
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    @Test
    void collectsBodiesWithinTheBound() throws Exception {
        HttpResponse.BodySubscriber<byte[]> s = new BoundedBodyHandler(8).apply(info(Map.of()));
        s.onSubscribe(new RecordingSubscription());
        s.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4, 5})));
        s.onNext(List.of(ByteBuffer.wrap(new byte[] {6, 7, 8})));
        s.onComplete();
        assertThat(s.getBody().toCompletableFuture().get()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void streamedBodyPastTheBoundIsCancelled() {
        HttpResponse.BodySubscriber<byte[]> s = new BoundedBodyHandler(8).apply(info(Map.of()));
        RecordingSubscription sub = new RecordingSubscription();
        s.onSubscribe(sub);
        s.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        s.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        assertThat(sub.cancelled).isTrue();
        assertThatThrownBy(() -> s.getBody().toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BoundedBodyHandler.BodyTooLargeException.class);
    }

    @Test
    void declaredLengthPastTheBoundFailsBeforeReading() {
        HttpResponse.BodySubscriber<byte[]> s = new BoundedBodyHandler(8)
                .apply(info(Map.of("Content-Length", List.of("1000000000"))));
        RecordingSubscription sub = new RecordingSubscription();
        s.onSubscribe(sub);
        assertThat(sub.cancelled).isTrue();
        assertThatThrownBy(() -> s.getBody().toCompletableFuture().get())
                .hasCauseInstanceOf(BoundedBodyHandler.BodyTooLargeException.class);
    }
}
