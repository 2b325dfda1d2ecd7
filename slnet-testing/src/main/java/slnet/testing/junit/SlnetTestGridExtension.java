package slnet.testing.junit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.SearchOption;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;

/**
 * The JUnit 5 extension behind {@link SlnetTestGrid}: starts an embedded {@link TestGrid}, injects what
 * a test or lifecycle method asks for by parameter type, and checks that nothing is left running.
 *
 * <h2>What can be injected</h2>
 * <table>
 * <caption>parameter types</caption>
 * <tr><th>type</th><th>what</th></tr>
 * <tr><td>{@link TestGrid}</td><td>the grid: every fault switch ({@code loginServer().setFault},
 *     {@code simulator().kick}, {@code killAbruptly}, {@code capabilities(...).failNextPolls}) and every
 *     record ({@code simulator().receivedMessages}, {@code awaitMessage}, {@code loginServer().receivedLogins})</td></tr>
 * <tr><td>{@link Simulator}</td><td>the start region's simulator, or {@link InRegion @InRegion("Name")}'s</td></tr>
 * <tr><td>{@link URI}</td><td>the login URI</td></tr>
 * <tr><td>{@link Grid}</td><td>{@code Grid.custom(loginUri)}</td></tr>
 * <tr><td>{@link TestAccount}</td><td>the connect account, or {@link AsAccount @AsAccount("First Last")}'s (with its agent id)</td></tr>
 * <tr><td>{@link LoginCredentials}</td><td>that account's credentials for this grid, for a bot that logs in by itself</td></tr>
 * <tr><td>{@link Client}</td><td>a client already connected as that account; closed (logged out) after the
 *     method's scope: the test, or the class for a {@code @BeforeAll} parameter</td></tr>
 * </table>
 *
 * <h2>Lifecycle</h2>
 * {@link SlnetTestGrid.Lifecycle#PER_CLASS} starts the grid before {@code @BeforeAll} methods and stops it
 * after {@code @AfterAll} ones; {@link SlnetTestGrid.Lifecycle#PER_TEST} starts a fresh grid before
 * each test's {@code @BeforeEach} methods and stops it after its {@code @AfterEach} ones. Injected
 * clients are closed first, then the grid; then, unless {@code failOnLeaks = false}, the scope fails if
 * a thread started within it (named {@code slnet...}, or non-daemon) is still alive after a grace
 * period, or a port of the grid is still bound. The check assumes that test classes using it do not run
 * in parallel in one JVM; turn it off for those that do.
 *
 * <h2>Programmatic registration</h2>
 * Where an annotation cannot say enough (a circuit configuration for the simulators, short event-queue
 * holds, a client configuration), register an instance in a {@code static} field:
 * <pre>{@code
 * @RegisterExtension
 * static SlnetTestGridExtension grid = SlnetTestGridExtension.builder()
 *         .accounts("Alice Tester").configureGrid(b -> b.pollHold(Duration.ofSeconds(2))).build();
 * }</pre>
 * and reach the running grid with {@link #grid()}.
 *
 * <p>Thread-safety: JUnit calls the callbacks; {@link #grid()} may be called from any thread.
 */
public final class SlnetTestGridExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SlnetTestGridExtension.class);
    private static final String SCOPE = "scope";
    private static final String CLIENTS = "clients:";

    /** Settings of a registered instance; null for one made by {@code @ExtendWith} (the annotation says). */
    private final GridSettings programmatic;
    private volatile GridScope latest;

    /** For {@link SlnetTestGrid} (through {@code @ExtendWith}): settings come from the annotation. */
    public SlnetTestGridExtension() {
        this(null);
    }

    private SlnetTestGridExtension(GridSettings programmatic) {
        this.programmatic = programmatic;
    }

    /**
     * Returns a builder for an extension to register with {@code @RegisterExtension} in a static field.
     *
     * @return a builder for an extension to register with {@code @RegisterExtension} in a static field
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the grid running for the current class or test.
     *
     * @return the grid running for the current class or test
     * @throws IllegalStateException if none is running
     */
    public TestGrid grid() {
        GridScope scope = latest;
        if (scope == null || scope.closed) {
            throw new IllegalStateException("no test grid is running (is the extension registered in a static field?)");
        }
        return scope.grid;
    }

    // ---------------------------------------------------------------- callbacks

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        GridSettings settings = classSettings(context).orElse(null);
        // A @Nested class runs in its enclosing class's grid.
        if (settings != null && settings.lifecycle() == SlnetTestGrid.Lifecycle.PER_CLASS && scope(context) == null) {
            context.getStore(NAMESPACE).put(SCOPE, start(settings));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Optional<SlnetTestGrid> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, SlnetTestGrid.class));
        GridSettings settings = onMethod.map(GridSettings::of).orElse(null);
        if (settings == null) {
            settings = classSettings(context)
                    .filter(s -> s.lifecycle() == SlnetTestGrid.Lifecycle.PER_TEST).orElse(null);
        }
        if (settings != null) {
            context.getStore(NAMESPACE).put(SCOPE, start(settings));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        end(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        end(context);
    }

    // ---------------------------------------------------------------- parameters

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestGrid.class || type == Simulator.class || type == URI.class || type == Grid.class
                || type == TestAccount.class || type == LoginCredentials.class || type == Client.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        GridScope scope = scope(context);
        if (scope == null) {
            throw new ParameterResolutionException("no test grid is running for " + context.getDisplayName()
                    + " (a @BeforeAll parameter needs lifecycle PER_CLASS)");
        }
        Class<?> type = parameter.getParameter().getType();
        TestGrid grid = scope.grid;
        if (type == TestGrid.class) {
            return grid;
        } else if (type == URI.class) {
            return grid.loginUri();
        } else if (type == Grid.class) {
            return Grid.custom(grid.loginUri());
        } else if (type == Simulator.class) {
            return parameter.findAnnotation(InRegion.class).map(r -> simulator(grid, r.value()))
                    .orElseGet(grid::simulator);
        }
        TestAccount account = parameter.findAnnotation(AsAccount.class)
                .map(a -> scope.settings.account(a.value())).orElse(scope.settings.connectAs());
        LoginCredentials credentials = LoginCredentials.of(account.firstName(), account.lastName(), account.password())
                .withGrid(Grid.custom(grid.loginUri()));
        if (type == TestAccount.class) {
            return account;
        } else if (type == LoginCredentials.class) {
            return credentials;
        }
        return connect(scope, credentials, context);
    }

    private static Simulator simulator(TestGrid grid, String region) {
        try {
            return grid.simulator(region);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("no region \"" + region + "\" on the grid; its regions are "
                    + grid.simulators().stream().map(s -> s.region().name()).toList());
        }
    }

    private Client connect(GridScope scope, LoginCredentials credentials, ExtensionContext context) {
        Client client = Client.create(scope.settings.clientConfig().get());
        clientsOf(context).add(client);
        try {
            client.connect(credentials);
            return client;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParameterResolutionException("interrupted while connecting " + credentials.firstName()
                    + " " + credentials.lastName(), e);
        } catch (Exception e) {
            throw new ParameterResolutionException("could not connect " + credentials.firstName() + " "
                    + credentials.lastName() + " to the test grid: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- scopes

    /** A running grid, what was injected from it at its own level, and what was alive before it. */
    private static final class GridScope {
        final GridSettings settings;
        final TestGrid grid;
        final Leftovers leftovers;
        final List<InetSocketAddress> udp;
        final List<InetSocketAddress> tcp;
        volatile boolean closed;

        GridScope(GridSettings settings, TestGrid grid, Leftovers leftovers) {
            this.settings = settings;
            this.grid = grid;
            this.leftovers = leftovers;
            this.udp = grid.simulators().stream().map(Simulator::address).toList();
            List<InetSocketAddress> listening = new ArrayList<>();
            listening.add(tcpAddress(grid.loginUri()));
            grid.capsServer().ifPresent(caps -> listening.add(tcpAddress(caps.baseUri())));
            this.tcp = List.copyOf(listening);
        }

        private static InetSocketAddress tcpAddress(URI uri) {
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        }
    }

    private GridScope start(GridSettings settings) throws IOException {
        Leftovers leftovers = Leftovers.watchFromNow();
        GridScope scope = new GridScope(settings, settings.start(), leftovers);
        latest = scope;
        return scope;
    }

    /** Closes the clients injected at this context's level, then its own grid, then checks for leftovers. */
    private void end(ExtensionContext context) throws Exception {
        Throwable failure = null;
        @SuppressWarnings("unchecked")
        List<Client> clients = (List<Client>) context.getStore(NAMESPACE).remove(CLIENTS + context.getUniqueId(),
                List.class);
        if (clients != null) {
            for (Client client : clients.reversed()) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    failure = add(failure, e);
                }
            }
        }
        GridScope scope = context.getStore(NAMESPACE).remove(SCOPE, GridScope.class);
        if (scope != null) {
            try {
                scope.closed = true;
                scope.grid.close();
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
            if (scope.settings.failOnLeaks()) {
                List<String> left = scope.leftovers.await(scope.udp, scope.tcp);
                if (!left.isEmpty()) {
                    failure = add(failure, new AssertionError("the test grid left " + left.size()
                            + " thing(s) running: " + String.join(", ", left)));
                }
            }
        }
        if (failure instanceof Exception e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        }
    }

    private static Throwable add(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static List<Client> clientsOf(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<Client> clients = context.getStore(NAMESPACE).getOrComputeIfAbsent(CLIENTS + context.getUniqueId(),
                k -> Collections.synchronizedList(new ArrayList<>()), List.class);
        return clients;
    }

    /** The nearest scope: the test's own, else its class's (or an enclosing class's). */
    private static GridScope scope(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(SCOPE, GridScope.class);
    }

    private Optional<GridSettings> classSettings(ExtensionContext context) {
        if (programmatic != null) {
            return Optional.of(programmatic);
        }
        return context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, SlnetTestGrid.class,
                        SearchOption.INCLUDE_ENCLOSING_CLASSES))
                .map(GridSettings::of);
    }

    // ---------------------------------------------------------------- builder

    /** Configures a {@link SlnetTestGridExtension} for {@code @RegisterExtension}; validated in {@link #build()}. */
    public static final class Builder {
        private String[] accounts = {"Test User"};
        private String password = SlnetTestGrid.DEFAULT_PASSWORD;
        private String[] regions = {};
        private String connectAs = "";
        private boolean capabilities = true;
        private SlnetTestGrid.Lifecycle lifecycle = SlnetTestGrid.Lifecycle.PER_CLASS;
        private boolean failOnLeaks = true;
        private Consumer<TestGrid.Builder> gridCustomizer = b -> { };
        private Supplier<ClientConfig> clientConfig = ClientConfig::defaults;

        private Builder() {
        }

        /**
         * Sets accounts, each {@code "First Last"} (see {@link SlnetTestGrid#accounts()}).
         *
         * @param v accounts, each {@code "First Last"} (see {@link SlnetTestGrid#accounts()})
         * @return this
         */
        public Builder accounts(String... v) {
            accounts = v.clone();
            return this;
        }

        /**
         * Sets every account's password.
         *
         * @param v every account's password
         * @return this
         */
        public Builder password(String v) {
            password = Objects.requireNonNull(v, "password");
            return this;
        }

        /**
         * Sets regions, each {@code "Name"} or {@code "Name@x,y"} (see {@link SlnetTestGrid#regions()}).
         *
         * @param v regions, each {@code "Name"} or {@code "Name@x,y"} (see {@link SlnetTestGrid#regions()})
         * @return this
         */
        public Builder regions(String... v) {
            regions = v.clone();
            return this;
        }

        /**
         * Sets the account an injected client connects as (default: the first).
         *
         * @param v the account an injected client connects as (default: the first)
         * @return this
         */
        public Builder connectAs(String v) {
            connectAs = Objects.requireNonNull(v, "connectAs");
            return this;
        }

        /**
         * Sets whether to serve capabilities and event queues (default true).
         *
         * @param v whether to serve capabilities and event queues (default true)
         * @return this
         */
        public Builder capabilities(boolean v) {
            capabilities = v;
            return this;
        }

        /**
         * Sets when the grid starts and stops (default per class).
         *
         * @param v when the grid starts and stops (default per class)
         * @return this
         */
        public Builder lifecycle(SlnetTestGrid.Lifecycle v) {
            lifecycle = Objects.requireNonNull(v, "lifecycle");
            return this;
        }

        /**
         * Sets whether leftover threads or ports fail the scope (default true).
         *
         * @param v whether leftover threads or ports fail the scope (default true)
         * @return this
         */
        public Builder failOnLeaks(boolean v) {
            failOnLeaks = v;
            return this;
        }

        /**
         * Sets adjusts the grid's builder after the accounts and regions are set, before it starts (circuit configuration, poll hold, start or home region, a simulator listener...).
         *
         * @param v adjusts the grid's builder after the accounts and regions are set, before it starts
         *          (circuit configuration, poll hold, start or home region, a simulator listener...)
         * @return this
         */
        public Builder configureGrid(Consumer<TestGrid.Builder> v) {
            gridCustomizer = Objects.requireNonNull(v, "configureGrid");
            return this;
        }

        /**
         * Sets makes the configuration of each injected client (default {@link ClientConfig#defaults()}).
         *
         * @param v makes the configuration of each injected client (default {@link ClientConfig#defaults()})
         * @return this
         */
        public Builder clientConfig(Supplier<ClientConfig> v) {
            clientConfig = Objects.requireNonNull(v, "clientConfig");
            return this;
        }

        /**
         * Returns the extension.
         *
         * @return the extension
         * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException if an account or region
         *         is malformed, an account named twice, or the connect account unknown
         */
        public SlnetTestGridExtension build() {
            return new SlnetTestGridExtension(GridSettings.parse(accounts, password, regions, connectAs, capabilities,
                    lifecycle, failOnLeaks, gridCustomizer, clientConfig));
        }
    }

    @Override
    public String toString() {
        return "SlnetTestGridExtension[" + (programmatic == null ? "from @SlnetTestGrid" : programmatic) + "]";
    }
}
