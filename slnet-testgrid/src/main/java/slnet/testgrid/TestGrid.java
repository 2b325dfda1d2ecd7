package slnet.testgrid;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import slnet.circuit.CircuitConfig;
import slnet.testgrid.caps.CapsServer;
import slnet.testgrid.caps.CapsSession;
import slnet.testgrid.sim.AgentEventQueues;
import slnet.testgrid.sim.AgentSession;
import slnet.testgrid.sim.GridMap;
import slnet.testgrid.sim.Simulator;
import slnet.testgrid.sim.SimulatorListener;
import slnet.testgrid.sim.SimulatorQuirks;
import slnet.time.Scheduler;

/**
 * A whole grid on loopback, for tests: a {@link LoginServer}, one {@link Simulator} per region (each
 * on its own UDP port), and a {@link CapsServer} serving every agent's seed capability and event
 * queue on every region. Every simulator admits exactly the circuit codes the login server issued
 * (one code per session, valid on all regions, as in Second Life).
 *
 * <pre>{@code
 * try (TestGrid grid = TestGrid.builder().account("Alice", "Tester", "secret")
 *         .region("Alpha", 1000, 1000).region("Beta", 1001, 1000).start()) {
 *     URI login = grid.loginUri();                 // sends viewers to Alpha, with Alpha's seed
 *     ...
 *     grid.simulator("Beta").awaitChildAgent(grid.account("Alice", "Tester").agentId(), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#region} calls the grid has the single region of {@link Builder#regionName}
 * and {@link Builder#regionCorner}, as before. Regions one apart (edge or corner) are neighbours:
 * see {@link GridMap} for what that brings (EnableSimulator, EstablishAgentCommunication,
 * DisableSimulator), and {@link Simulator} for teleports and crossings.
 *
 * <p>Thread-safe. Owns all its servers; {@link #close()} stops them, leaves no thread or socket
 * behind and is idempotent.
 */
public final class TestGrid implements AutoCloseable {
    /** The password of the accounts {@link Builder#loadAccounts} adds. */
    public static final String LOAD_PASSWORD = "password";
    /** The names {@link Builder#loadAccounts} gives, for {@link String#format}: "Load Bot1", "Load Bot2"... */
    public static final String LOAD_NAME_PATTERN = "Load Bot%d";
    private final LoginServer loginServer;
    private final List<Simulator> simulators;
    private final Simulator start;
    private final GridMap grid;
    private final CapsServer capsServer;
    private final CapsEventQueues queues;
    private final List<TestAccount> accounts;

    private TestGrid(LoginServer loginServer, List<Simulator> simulators, Simulator start, GridMap grid,
            CapsServer capsServer, CapsEventQueues queues, List<TestAccount> accounts) {
        this.loginServer = loginServer;
        this.simulators = simulators;
        this.start = start;
        this.grid = grid;
        this.capsServer = capsServer;
        this.queues = queues;
        this.accounts = accounts;
    }

    /**
     * Returns a builder for a grid with one region, "Test Region" at (256000, 256000), capabilities on, and no accounts.
     *
     * @return a builder for a grid with one region, "Test Region" at (256000, 256000), capabilities
     *         on, and no accounts
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the login endpoint viewers post {@code login_to_simulator} to.
     *
     * @return the login endpoint viewers post {@code login_to_simulator} to
     */
    public URI loginUri() {
        return loginServer.loginUri();
    }

    /**
     * Returns the login server, for its fault switches and records.
     *
     * @return the login server, for its fault switches and records
     */
    public LoginServer loginServer() {
        return loginServer;
    }

    /**
     * Returns the start region's simulator (the only one of a single-region grid), for its test controls.
     *
     * @return the start region's simulator (the only one of a single-region grid), for its test controls
     */
    public Simulator simulator() {
        return start;
    }

    /**
     * Returns its simulator.
     *
     * @param regionName a region's name, case-insensitive
     * @return its simulator
     * @throws IllegalArgumentException if the grid has no such region
     */
    public Simulator simulator(String regionName) {
        return simulators.stream().filter(s -> s.region().name().equalsIgnoreCase(regionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no region " + regionName));
    }

    /**
     * Returns every region's simulator, in the order the builder named them.
     *
     * @return every region's simulator, in the order the builder named them
     */
    public List<Simulator> simulators() {
        return simulators;
    }

    /**
     * Returns the grid's map: regions, neighbours, and where each agent is a root agent.
     *
     * @return the grid's map: regions, neighbours, and where each agent is a root agent
     */
    public GridMap grid() {
        return grid;
    }

    /**
     * Returns the capability server, unless the grid was built without capabilities.
     *
     * @return the capability server, unless the grid was built without capabilities
     */
    public Optional<CapsServer> capsServer() {
        return Optional.ofNullable(capsServer);
    }

    /**
     * An agent's capabilities on a region, for the event queue's fault switches
     * ({@link CapsSession#failNextPolls}, {@link CapsSession#slowNextPolls},
     * {@link CapsSession#dropNextPolls}) and its request log.
     *
     * @param agentId    the agent
     * @param regionName the region
     * @return the session, if its seed was handed out or an event queued and the agent is still there
     */
    public Optional<CapsSession> capabilities(UUID agentId, String regionName) {
        return queues == null ? Optional.empty()
                : queues.session(agentId, simulator(regionName).region().handle());
    }

    /**
     * Opens an agent's capabilities on a region ahead of time, so a test can arm the event queue's
     * fault switches before a teleport or crossing hands out the seed: the seed handed out later is
     * this session's.
     *
     * @param agentId    the agent
     * @param regionName the region
     * @return the session
     * @throws IllegalStateException if the grid was built without capabilities
     */
    public CapsSession openCapabilities(UUID agentId, String regionName) {
        if (queues == null) {
            throw new IllegalStateException("the grid was built without capabilities");
        }
        return queues.open(Objects.requireNonNull(agentId, "agentId"), simulator(regionName).region());
    }

    /**
     * Stops the capability server at once, as a dying capability host: held polls are cut, every
     * later request is refused. UDP circuits are untouched.
     */
    public void killCapsServer() {
        if (capsServer != null) {
            capsServer.close();
        }
    }

    /**
     * Gives an agent a display name, as {@code GetDisplayNames} then answers (empty for the default,
     * the legacy name).
     *
     * @param agentId an account's or admitted agent's id
     * @param displayName the name
     */
    public void setDisplayName(java.util.UUID agentId, String displayName) {
        grid.setDisplayName(agentId, Objects.requireNonNull(displayName, "displayName"));
    }

    /**
     * Returns the accounts the builder was given.
     *
     * @return the accounts the builder was given
     */
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

    /** Stops the login server, the simulators and the capability server; idempotent. */
    @Override
    public void close() {
        try {
            loginServer.close();
        } finally {
            closeAll(simulators, capsServer);
        }
    }

    private static void closeAll(List<Simulator> simulators, CapsServer capsServer) {
        RuntimeException first = null;
        for (Simulator s : simulators) {
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (capsServer != null) {
            capsServer.close();
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "TestGrid[login " + loginUri() + ", " + simulators + "]";
    }

    private static Optional<AgentSession> toAgentSession(Optional<IssuedSession> issued) {
        return issued.map(TestGrid::toAgentSession);
    }

    private static AgentSession toAgentSession(IssuedSession s) {
        return new AgentSession(s.agentId(), s.sessionId(), s.circuitCode(), s.account().firstName(),
                s.account().lastName());
    }

    /**
     * A region of the grid, named at its grid coordinates (region units: corner = coordinate x 256).
     *
     * @param name  the region's name
     * @param gridX its x, in regions
     * @param gridY its y, in regions
     * @param quirks how its simulator departs from the template, or null for the grid's
     */
    private record RegionSpec(String name, int gridX, int gridY, SimulatorQuirks quirks) {
    }

    /** Configures and starts a {@link TestGrid}; validated in {@link #start()}; not thread-safe. */
    public static final class Builder {
        private final List<TestAccount> accounts = new ArrayList<>();
        private final List<RegionSpec> regions = new ArrayList<>();
        private String regionName = "Test Region";
        private int cornerX = 1000 * 256;
        private int cornerY = 1000 * 256;
        private String startRegion;
        private String homeRegion;
        private CircuitConfig circuitConfig = CircuitConfig.defaults();
        private Scheduler scheduler;
        private SimulatorListener listener = SimulatorListener.NONE;
        private URI seedCapability;
        private boolean logoutReplyEnabled = true;
        private boolean capabilities = true;
        private Duration pollHold = Duration.ofSeconds(20);
        private Duration departureGrace = Duration.ofSeconds(10);
        private int avatarViewLimit = Simulator.DEFAULT_AVATAR_VIEW_LIMIT;
        private SimulatorQuirks quirks = SimulatorQuirks.NONE;
        private float spawnScatter;
        private Duration coarseLocationInterval = Simulator.DEFAULT_COARSE_LOCATION_INTERVAL;

        private Builder() {
        }

        /**
         * Adds accounts for load tests: {@code Load Bot1} to {@code Load Bot<count>}, password
         * {@value TestGrid#LOAD_PASSWORD} (see {@link TestGrid#LOAD_NAME_PATTERN}).
         *
         * @param count how many, 0 or more
         * @return this
         */
        public Builder loadAccounts(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, not " + count);
            }
            for (int i = 1; i <= count; i++) {
                String[] name = String.format(java.util.Locale.ROOT, LOAD_NAME_PATTERN, i).split(" ");
                account(name[0], name[1], LOAD_PASSWORD);
            }
            return this;
        }

        /**
         * Makes every region's simulator depart from the template as others do, e.g.
         * {@link SimulatorQuirks#OPENSIM_0_9}: what an older simulator sends. A region added with
         * quirks of its own ({@link #region(String, int, int, SimulatorQuirks)}) keeps those.
         *
         * @param v the quirks
         * @return this
         */
        public Builder quirks(SimulatorQuirks v) {
            quirks = Objects.requireNonNull(v, "quirks");
            return this;
        }

        /**
         * Sets see {@link Simulator.Builder#avatarViewLimit}, for every region.
         *
         * @param v see {@link Simulator.Builder#avatarViewLimit}, for every region
         * @return this
         */
        public Builder avatarViewLimit(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("avatarViewLimit must not be negative, not " + v);
            }
            avatarViewLimit = v;
            return this;
        }

        /**
         * Sets see {@link Simulator.Builder#spawnScatter}, for every region.
         *
         * @param meters see {@link Simulator.Builder#spawnScatter}, for every region
         * @return this
         */
        public Builder spawnScatter(float meters) {
            if (!(meters >= 0 && meters <= 256)) {
                throw new IllegalArgumentException("spawnScatter must be 0..256 m, not " + meters);
            }
            spawnScatter = meters;
            return this;
        }

        /**
         * Sets see {@link Simulator.Builder#coarseLocationInterval}, for every region.
         *
         * @param v see {@link Simulator.Builder#coarseLocationInterval}, for every region
         * @return this
         */
        public Builder coarseLocationInterval(Duration v) {
            coarseLocationInterval = Objects.requireNonNull(v, "coarseLocationInterval");
            return this;
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

        /**
         * Sets an account the login server accepts.
         *
         * @param v an account the login server accepts
         * @return this
         */
        public Builder account(TestAccount v) {
            accounts.add(Objects.requireNonNull(v, "account"));
            return this;
        }

        /**
         * Adds a region with a simulator of its own. Once any is added, {@link #regionName} and
         * {@link #regionCorner} are ignored; the first region added is the start region unless
         * {@link #startRegion} says otherwise.
         *
         * @param name  the region's name, unique on the grid
         * @param gridX its x in region units (its corner is at {@code gridX * 256} meters)
         * @param gridY its y in region units
         * @return this
         */
        public Builder region(String name, int gridX, int gridY) {
            regions.add(new RegionSpec(Objects.requireNonNull(name, "name"), gridX, gridY, null));
            return this;
        }

        /**
         * Adds a region whose simulator departs from the template in its own way, whatever
         * {@link #quirks} says for the rest: a grid of mixed simulator ages, as real grids are.
         *
         * @param name   the region's name, unique on the grid
         * @param gridX  its x in region units
         * @param gridY  its y in region units
         * @param quirks how its simulator departs from the template, e.g. {@link SimulatorQuirks#OPENSIM_0_9}
         * @return this
         * @see #region(String, int, int)
         */
        public Builder region(String name, int gridX, int gridY, SimulatorQuirks quirks) {
            regions.add(new RegionSpec(Objects.requireNonNull(name, "name"), gridX, gridY,
                    Objects.requireNonNull(quirks, "quirks")));
            return this;
        }

        /**
         * Sets the name of the region logins go to (default: the first).
         *
         * @param v the name of the region logins go to (default: the first)
         * @return this
         */
        public Builder startRegion(String v) {
            startRegion = Objects.requireNonNull(v, "startRegion");
            return this;
        }

        /**
         * Sets the name of the region "teleport home" goes to (default: the start region).
         *
         * @param v the name of the region "teleport home" goes to (default: the start region)
         * @return this
         */
        public Builder homeRegion(String v) {
            homeRegion = Objects.requireNonNull(v, "homeRegion");
            return this;
        }

        /**
         * Sets the single region's name (when no {@link #region} is added).
         *
         * @param v the single region's name (when no {@link #region} is added)
         * @return this
         */
        public Builder regionName(String v) {
            regionName = Objects.requireNonNull(v, "regionName");
            return this;
        }

        /**
         * Sets global x of the single region's corner, meters (a multiple of 256).
         *
         * @param x global x of the single region's corner, meters (a multiple of 256)
         * @param y global y of the single region's corner, meters (a multiple of 256)
         * @return this
         */
        public Builder regionCorner(int x, int y) {
            cornerX = x;
            cornerY = y;
            return this;
        }

        /**
         * Sets the simulators' circuit settings, e.g. short timeouts for tests.
         *
         * @param v the simulators' circuit settings, e.g. short timeouts for tests
         * @return this
         */
        public Builder circuitConfig(CircuitConfig v) {
            circuitConfig = Objects.requireNonNull(v, "circuitConfig");
            return this;
        }

        /**
         * Sets the simulators' timer, not owned by the grid (default: each simulator's own thread).
         *
         * @param v the simulators' timer, not owned by the grid (default: each simulator's own thread)
         * @return this
         */
        public Builder scheduler(Scheduler v) {
            scheduler = Objects.requireNonNull(v, "scheduler");
            return this;
        }

        /**
         * Sets who hears agents come and go, on every region.
         *
         * @param v who hears agents come and go, on every region
         * @return this
         */
        public Builder simulatorListener(SimulatorListener v) {
            listener = Objects.requireNonNull(v, "simulatorListener");
            return this;
        }

        /**
         * Sets a fixed seed capability the login server hands out instead of the real one.
         *
         * @param v a fixed seed capability the login server hands out instead of the real one
         * @return this
         */
        public Builder seedCapability(URI v) {
            seedCapability = Objects.requireNonNull(v, "seedCapability");
            return this;
        }

        /**
         * Sets whether the simulators answer {@code LogoutRequest} at first (default true).
         *
         * @param v whether the simulators answer {@code LogoutRequest} at first (default true)
         * @return this
         */
        public Builder logoutReplyEnabled(boolean v) {
            logoutReplyEnabled = v;
            return this;
        }

        /**
         * Sets whether to serve seed capabilities and event queues (default true); without them the simulators send what the template allows over UDP ({@code TeleportFailed}), and nothing the template blacklists there ({@code EnableSimulator}, {@code TeleportFinish}, {@code CrossedRegion}), as a grid without caps would.
         *
         * @param v whether to serve seed capabilities and event queues (default true); without them
         *          the simulators send what the template allows over UDP ({@code TeleportFailed}),
         *          and nothing the template blacklists there ({@code EnableSimulator},
         *          {@code TeleportFinish}, {@code CrossedRegion}), as a grid without caps would
         * @return this
         */
        public Builder capabilities(boolean v) {
            capabilities = v;
            return this;
        }

        /**
         * Sets how long an event-queue poll is held before a 502 (default 20 s).
         *
         * @param v how long an event-queue poll is held before a 502 (default 20 s)
         * @return this
         */
        public Builder pollHold(Duration v) {
            pollHold = Objects.requireNonNull(v, "pollHold");
            return this;
        }

        /**
         * Sets how long a region keeps an agent that teleported away and is not a neighbour of its new region, if the arrival is not seen sooner (default 10 s).
         *
         * @param v how long a region keeps an agent that teleported away and is not a neighbour of
         *          its new region, if the arrival is not seen sooner (default 10 s)
         * @return this
         */
        public Builder departureGrace(Duration v) {
            departureGrace = Objects.requireNonNull(v, "departureGrace");
            return this;
        }

        /**
         * Starts the capability server, the simulators, then the login server pointing at the start
         * region.
         *
         * @return the running grid; close it
         * @throws IOException if a socket cannot be bound
         * @throws IllegalArgumentException if the regions are invalid (bad corner, same place or
         *         name twice, unknown start or home region)
         */
        public TestGrid start() throws IOException {
            List<RegionSpec> specs = regions.isEmpty()
                    ? List.of(new RegionSpec(regionName, Math.floorDiv(cornerX, 256), Math.floorDiv(cornerY, 256), null))
                    : List.copyOf(regions);
            if (regions.isEmpty() && (cornerX % 256 != 0 || cornerY % 256 != 0 || cornerX < 0 || cornerY < 0)) {
                throw new IllegalArgumentException("region corner must be non-negative multiples of 256, not ("
                        + cornerX + ", " + cornerY + ")");
            }
            RegionSpec first = specs.get(0);
            RegionSpec startSpec = startRegion == null ? first : find(specs, startRegion, "start");
            RegionSpec homeSpec = homeRegion == null ? startSpec : find(specs, homeRegion, "home");
            for (int i = 0; i < specs.size(); i++) {
                for (int j = i + 1; j < specs.size(); j++) {
                    if (specs.get(i).name().equalsIgnoreCase(specs.get(j).name())) {
                        throw new IllegalArgumentException("two regions named " + specs.get(i).name());
                    }
                }
            }
            if (departureGrace.isNegative() || departureGrace.isZero() || pollHold.isNegative() || pollHold.isZero()) {
                throw new IllegalArgumentException("pollHold and departureGrace must be positive");
            }
            // The simulators must exist first (the login server advertises the start region's port),
            // but they validate circuit codes against the login server: hence the late-bound reference.
            AtomicReference<LoginServer> login = new AtomicReference<>();
            AtomicReference<GridMap> names = new AtomicReference<>();
            CapsServer caps = capabilities ? CapsServer.builder().pollHold(pollHold)
                    .people(id -> Optional.ofNullable(names.get()).flatMap(g -> g.person(id))
                            .map(p -> new CapsServer.Person(p.firstName(), p.lastName(), p.displayName())))
                    .chatSessions((agent, body) -> Optional.ofNullable(names.get())
                            .flatMap(g -> g.chatSessionRequest(agent, body)))
                    .start() : null;
            CapsEventQueues queues = caps == null ? null : new CapsEventQueues(caps);
            GridMap grid = new GridMap(queues == null ? AgentEventQueues.NONE : queues);
            for (TestAccount account : accounts) {
                grid.addPerson(account.agentId(), account.firstName(), account.lastName());
            }
            names.set(grid);
            List<Simulator> simulators = new ArrayList<>();
            try {
                Simulator start = null;
                for (RegionSpec spec : specs) {
                    Simulator.Builder sim = Simulator.builder().regionName(spec.name())
                            .regionCorner(spec.gridX() * 256, spec.gridY() * 256)
                            .circuitConfig(circuitConfig).listener(listener).logoutReplyEnabled(logoutReplyEnabled)
                            .grid(grid).departureGrace(departureGrace)
                            .avatarViewLimit(avatarViewLimit).spawnScatter(spawnScatter)
                            .quirks(spec.quirks() == null ? quirks : spec.quirks())
                            .coarseLocationInterval(coarseLocationInterval)
                            .sessionValidator(code -> {
                                LoginServer server = login.get();
                                return server == null ? Optional.empty() : toAgentSession(server.sessionFor(code));
                            });
                    if (scheduler != null) {
                        sim.scheduler(scheduler);
                    }
                    Simulator simulator = sim.start();
                    simulators.add(simulator);
                    if (spec == startSpec) {
                        start = simulator;
                    }
                    if (spec == homeSpec) {
                        grid.setHome(simulator.region().handle());
                    }
                }
                Simulator startSim = Objects.requireNonNull(start);
                LoginServer.Builder lb = LoginServer.builder().simulator(startSim.address())
                        .regionName(startSim.region().name())
                        .regionCorner(startSim.region().cornerX(), startSim.region().cornerY())
                        .homeRegionCorner(homeSpec.gridX() * 256, homeSpec.gridY() * 256);
                accounts.forEach(lb::account);
                lb.friendsOf(grid::friendsOf);
                if (seedCapability != null) {
                    lb.seedCapability(seedCapability);
                } else if (queues != null) {
                    lb.seedCapabilityFor(s -> queues.seedCapability(toAgentSession(s), startSim.region()).orElseThrow());
                }
                login.set(lb.start());
                return new TestGrid(login.get(), List.copyOf(simulators), startSim, grid, caps, queues,
                        List.copyOf(accounts));
            } catch (IOException | RuntimeException e) {
                closeAll(simulators, caps);
                throw e;
            }
        }

        private static RegionSpec find(List<RegionSpec> specs, String name, String role) {
            return specs.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no region " + name + " for the " + role + " region"));
        }
    }
}
