package slnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import slnet.Client;
import slnet.ClientConfig;
import slnet.caps.CapabilityClient;
import slnet.caps.CapabilityNames;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.CapabilitiesGranted;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.network.RegionServices;
import slnet.testgrid.TestGrid;

/**
 * Login, seed capability and event queue through an HTTP proxy chosen with a {@link ProxySelector}:
 * a forwarding proxy in this test relays every request and records it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpProxyTest {

    /** A plain-HTTP forward proxy: requests arrive with absolute URIs and are relayed as they are. */
    static final class ForwardProxy implements AutoCloseable {
        final List<String> relayed = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final HttpClient upstream = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

        ForwardProxy() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::relay);
            server.start();
        }

        InetSocketAddress address() {
            return server.getAddress();
        }

        private void relay(HttpExchange exchange) throws IOException {
            URI target = exchange.getRequestURI();
            relayed.add(exchange.getRequestMethod() + " " + target.getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(25))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            try {
                HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                byte[] answer = response.body();
                exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            upstream.close();
        }
    }

    @Test
    void loginSeedAndEventQueueGoThroughTheProxy() throws Exception {
        try (TestGrid grid = TestGrid.builder().account("Proxy", "User", "pw").start();
             ForwardProxy proxy = new ForwardProxy();
             HttpClient proxied = HttpClient.newBuilder().proxy(ProxySelector.of(proxy.address())).build();
             AuthenticationService auth = AuthenticationService.builder().httpClient(proxied).build()) {
            NetworkConfig network = NetworkConfig.builder().authenticationService(auth)
                    .regionServices(RegionServices.capabilities(CapabilityNames.VIEWER_DEFAULTS, b -> { },
                            () -> CapabilityClient.builder().httpClient(proxied).build()))
                    .logoutOnShutdown(false).build();
            try (Client client = Client.create(ClientConfig.builder().network(network).build());
                 EventStream events = client.events().events()) {
                client.connect(LoginCredentials.of("Proxy", "User", "pw").withGrid(Grid.custom(grid.loginUri())));
                events.awaitEvent(CapabilitiesGranted.class, Duration.ofSeconds(10));
                client.disconnect();
            }
            assertThat(proxy.relayed).anyMatch(r -> r.startsWith("POST ") && r.endsWith("/login"));
            assertThat(proxy.relayed).anyMatch(r -> r.startsWith("POST /seed/"));
            // the event queue is one of the capabilities the seed granted (paths /cap/<uuid>)
            assertThat(proxy.relayed).anyMatch(r -> r.startsWith("POST /cap/"));
        }
    }
}
