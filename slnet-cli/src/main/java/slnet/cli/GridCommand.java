package slnet.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;

/**
 * {@code slnet grid}: serves the embedded test grid on loopback until interrupted, so that
 * {@code slnet login} and {@code slnet connect} (or any other client) can be tried offline.
 */
@Command(name = "grid",
        footerHeading = "%nExamples:%n", footer = {"  slnet grid", "  slnet grid --accounts 500"},
        description = "Serve the embedded test grid on loopback until Ctrl-C (for trying slnet connect offline).")
public final class GridCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--account", paramLabel = "First Last:password",
            description = "An account to accept (repeatable; default: \"Test User:password\").")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--accounts", paramLabel = "N",
            description = "Also accept N load-test accounts, \"Load Bot1\" to \"Load BotN\", password \"password\" "
                    + "(for slnet swarm).")
    int loadAccounts;

    @Option(names = "--spawn-scatter", paramLabel = "METERS",
            description = "Land logins at a random spot within METERS of the spawn point (default 0), so that "
                    + "chat by range reaches a few of a crowd, not all.")
    float spawnScatter;

    @Option(names = "--region", paramLabel = "Name@x,y",
            description = "A region at grid coordinates x,y (repeatable; default: Alpha@1000,1000 and Beta@1001,1000).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--old-simulator",
            description = "Send what OpenSimulator 0.9 sends: no empty trailing blocks, a stray byte after "
                    + "MapBlockReply (for trying how a client copes with older simulators).")
    boolean oldSimulator;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after this many seconds (default: until Ctrl-C).")
    Integer seconds;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TestGrid.Builder builder = TestGrid.builder();
        try {
            if (loadAccounts < 0) {
                throw new IllegalArgumentException("--accounts must not be negative");
            }
            builder.loadAccounts(loadAccounts).spawnScatter(spawnScatter);
            if (oldSimulator) {
                builder.quirks(slnet.testgrid.sim.SimulatorQuirks.OPENSIM_0_9);
            }
            for (String account : accounts.isEmpty() ? List.of("Test User:password") : accounts) {
                int colon = account.lastIndexOf(':');
                String[] names = (colon < 0 ? "" : account.substring(0, colon)).strip().split("\\s+");
                if (colon < 0 || names.length != 2) {
                    throw new IllegalArgumentException("--account must be \"First Last:password\", not " + account);
                }
                builder.account(names[0], names[1], account.substring(colon + 1));
            }
            for (String region : regions.isEmpty() ? List.of("Alpha@1000,1000", "Beta@1001,1000") : regions) {
                String[] parts = region.split("[@,]");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("--region must be Name@x,y, not " + region);
                }
                builder.region(parts[0], Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()));
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Thread hook = new Thread(stopped::countDown, "slnet-grid-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (TestGrid grid = builder.start()) {
            out.println("test grid up; login URI: " + grid.loginUri());
            for (Simulator simulator : grid.simulators()) {
                out.println("  region " + simulator.region().name() + " at " + simulator.address().getHostString()
                        + ":" + simulator.address().getPort());
            }
            for (var account : grid.accounts().subList(loadAccounts, grid.accounts().size())) {
                out.println("  account \"" + account.firstName() + " " + account.lastName() + "\"");
            }
            if (loadAccounts > 0) {
                out.println("  accounts \"" + String.format(TestGrid.LOAD_NAME_PATTERN, 1) + "\" to \""
                        + String.format(TestGrid.LOAD_NAME_PATTERN, loadAccounts) + "\", password \""
                        + TestGrid.LOAD_PASSWORD + "\"");
            }
            if (oldSimulator) {
                out.println("  simulators send as OpenSimulator 0.9 does (no empty trailing blocks, a stray byte "
                        + "after MapBlockReply)");
            }
            out.println("try: SLNET_PASSWORD=... ./slnet connect --login-uri " + grid.loginUri()
                    + " --user \"First Last\" --say hello --stay 5");
            out.flush();
            if (seconds == null) {
                stopped.await();
            } else {
                stopped.await(Duration.ofSeconds(Math.max(0, seconds)).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            out.println("test grid stopping");
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run
            }
        }
    }
}
