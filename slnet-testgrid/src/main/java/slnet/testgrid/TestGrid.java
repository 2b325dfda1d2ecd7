package slnet.testgrid;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import slnet.circuit.CircuitConfig;
import slnet.testgrid.sim.AgentSession;
import slnet.testgrid.sim.Simulator;
import slnet.testgrid.sim.SimulatorListener;
import slnet.time.Scheduler;

/**
 * A whole grid on loopback, for tests: a {@link LoginServer} and one {@link Simulator} it sends
 * viewers to. The simulator admits exactly the circuit codes the login server issued.
 *
 * <pre>{@code
 * try (TestGrid grid = TestGrid.builder().account("Alice", "Tester", "secret").regionName("Testville").start()) {
 *     URI login = grid.loginUri();
 *     ...
 *     grid.simulator().awaitAgentInRegion(grid.account("Alice", "Tester").agentId(), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Owns both servers; {@link #close()} stops them, leaves no thread or socket behind
 * and is idempotent.
 */
public final class TestGrid implements AutoCloseable {
    private final LoginServer loginServer;
    private final Simulator simulator;
    private final List<TestAccount> accounts;

    private TestGrid(LoginServer loginServer, Simulator simulator, List<TestAccount> accounts) {
        this.loginServer = loginServer;
        this.simulator = simulator;
        this.accounts = accounts;
    }

    /** @return a builder for a grid with one region, "Test Region" at (256000, 256000), and no accounts */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the login endpoint viewers post {@code login_to_simulator} to */
    public URI loginUri() {
        return loginServer.loginUri();
    }

    /** @return the login server, for its fault switches and records */
    public LoginServer loginServer() {
        return loginServer;
    }

    /** @return the region's simulator, for its test controls */
    public Simulator simulator() {
        return simulator;
    }

    /** @return the accounts the builder was given */
    public List<TestAccount> accounts() {
        return accounts;
    }

    /**
     * Finds an account the grid was built with.
     *
     * @param firstName first name
     * @param lastName  last name
     * @return the account, with its agent id
     * @throws IllegalArgumentException if there is none by that name
     */
    public TestAccount account(String firstName, String lastName) {
        return accounts.stream()
                .filter(a -> a.firstName().equalsIgnoreCase(firstName) && a.lastName().equalsIgnoreCase(lastName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account " + firstName + " " + lastName));
    }

    /** Stops the login server and the simulator; idempotent. */
    @Override
    public void close() {
        try {
            loginServer.close();
        } finally {
            simulator.close();
        }
    }

    @Override
    public String toString() {
        return "TestGrid[login " + loginUri() + ", " + simulator + "]";
    }

    private static Optional<AgentSession> toAgentSession(Optional<IssuedSession> issued) {
        return issued.map(s -> new AgentSession(s.agentId(), s.sessionId(), s.circuitCode(),
                s.account().firstName(), s.account().lastName()));
    }

    /** Configures and starts a {@link TestGrid}; validated in {@link #start()}; not thread-safe. */
    public static final class Builder {
        private final List<TestAccount> accounts = new ArrayList<>();
        private String regionName = "Test Region";
        private int cornerX = 1000 * 256;
        private int cornerY = 1000 * 256;
        private CircuitConfig circuitConfig = CircuitConfig.defaults();
        private Scheduler scheduler;
        private SimulatorListener listener = SimulatorListener.NONE;
        private URI seedCapability;
        private boolean logoutReplyEnabled = true;

        private Builder() {
        }

        /**
         * Adds an account with a random agent id.
         *
         * @param firstName first name
         * @param lastName  last name
         * @param password  plain-text password
         * @return this
         */
        public Builder account(String firstName, String lastName, String password) {
            return account(TestAccount.of(firstName, lastName, password));
        }

        /** @param v an account the login server accepts @return this */
        public Builder account(TestAccount v) {
            accounts.add(Objects.requireNonNull(v, "account"));
            return this;
        }

        /** @param v the region's name @return this */
        public Builder regionName(String v) {
            regionName = Objects.requireNonNull(v, "regionName");
            return this;
        }

        /**
         * @param x global x of the region's corner, meters (a multiple of 256)
         * @param y global y of the region's corner, meters (a multiple of 256)
         * @return this
         */
        public Builder regionCorner(int x, int y) {
            cornerX = x;
            cornerY = y;
            return this;
        }

        /** @param v the simulator's circuit settings, e.g. short timeouts for tests @return this */
        public Builder circuitConfig(CircuitConfig v) {
            circuitConfig = Objects.requireNonNull(v, "circuitConfig");
            return this;
        }

        /** @param v the simulator's timer, not owned by the grid (default: the simulator's own thread) @return this */
        public Builder scheduler(Scheduler v) {
            scheduler = Objects.requireNonNull(v, "scheduler");
            return this;
        }

        /** @param v who hears agents come and go (the hook for capability services) @return this */
        public Builder simulatorListener(SimulatorListener v) {
            listener = Objects.requireNonNull(v, "simulatorListener");
            return this;
        }

        /** @param v the seed capability the login server hands out @return this */
        public Builder seedCapability(URI v) {
            seedCapability = Objects.requireNonNull(v, "seedCapability");
            return this;
        }

        /** @param v whether the simulator answers {@code LogoutRequest} at first (default true) @return this */
        public Builder logoutReplyEnabled(boolean v) {
            logoutReplyEnabled = v;
            return this;
        }

        /**
         * Starts the simulator, then the login server pointing at it.
         *
         * @return the running grid; close it
         * @throws IOException if a socket cannot be bound
         * @throws IllegalArgumentException if the region settings are invalid
         */
        public TestGrid start() throws IOException {
            // The simulator must exist first (the login server advertises its port), but it validates
            // circuit codes against the login server: hence the late-bound reference.
            AtomicReference<LoginServer> login = new AtomicReference<>();
            Simulator.Builder sim = Simulator.builder().regionName(regionName).regionCorner(cornerX, cornerY)
                    .circuitConfig(circuitConfig).listener(listener).logoutReplyEnabled(logoutReplyEnabled)
                    .sessionValidator(code -> {
                        LoginServer server = login.get();
                        return server == null ? Optional.empty() : toAgentSession(server.sessionFor(code));
                    });
            if (scheduler != null) {
                sim.scheduler(scheduler);
            }
            Simulator simulator = sim.start();
            try {
                LoginServer.Builder lb = LoginServer.builder().simulator(simulator.address()).regionName(regionName)
                        .regionCorner(cornerX, cornerY);
                accounts.forEach(lb::account);
                if (seedCapability != null) {
                    lb.seedCapability(seedCapability);
                }
                login.set(lb.start());
                return new TestGrid(login.get(), simulator, List.copyOf(accounts));
            } catch (IOException | RuntimeException e) {
                simulator.close();
                throw e;
            }
        }
    }
}
