package slnet.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import slnet.caps.CapabilityUris;
import slnet.network.ConnectException;
import slnet.network.NetworkConfig;
import slnet.network.NetworkManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import slnet.login.AuthenticationService;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.LoginEvent;
import slnet.login.LoginException;
import slnet.login.LoginProtocol;
import slnet.login.MfaTokenProvider;
import slnet.login.SessionInfo;
import slnet.login.StartLocation;

/**
 * {@code slnet login}: logs in to a grid, prints the session summary without secrets, enters the
 * region over a circuit and logs out cleanly, so that no ghost agent lingers on the grid.
 * {@code --auth-only} stops after the login service answered. The password comes from
 * {@code SLNET_PASSWORD} or a terminal prompt, never from the command line, where other users
 * could read it.
 */
@Command(name = "login",
        footerHeading = "%nExamples:%n", footer = {"  SLNET_PASSWORD=... slnet login --user \"Alice Resident\"", "  slnet login --grid-info http://127.0.0.1:9000 --user \"Alice Demo\" --auth-only"},
        description = "Log in, print the session summary, enter the region and log out cleanly.")
public final class LoginCommand implements Callable<Integer> {

    /** Environment variable holding the password. */
    public static final String PASSWORD_ENV = "SLNET_PASSWORD";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--login-uri", description = "Login URI (default: Second Life main grid).")
    URI loginUri;

    @Option(names = "--grid-info", paramLabel = "BASE_URI",
            description = "Discover the login URI from an OpenSimulator grid's get_grid_info.")
    URI gridInfoUri;

    @Option(names = "--user", required = true, paramLabel = "\"First Last\"",
            description = "Avatar name; a single word means the last name Resident.")
    String user;

    @Option(names = "--start", defaultValue = "last", paramLabel = "last|home|Region/x/y/z",
            description = "Start location (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--llsd", description = "Send the login as LLSD instead of XML-RPC.")
    boolean llsd;

    @Option(names = "--agree-to-tos", description = "Accept the terms of service if the grid asks.")
    boolean agreeToTos;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Seconds to wait for each reply (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Print login progress.")
    boolean verbose;

    @Option(names = "--auth-only",
            description = "Only authenticate: open no circuit (the grid expires the session itself).")
    boolean authOnly;

    private final Function<String, String> environment;
    private final Supplier<Optional<Console>> console;

    /** Creates the command reading the real environment and console. */
    public LoginCommand() {
        this(System::getenv, () -> Optional.ofNullable(System.console()));
    }

    /**
     * Creates the command with injected environment and console (for tests).
     *
     * @param environment looks up environment variables
     * @param console     the terminal, if any
     */
    LoginCommand(Function<String, String> environment, Supplier<Optional<Console>> console) {
        this.environment = environment;
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String[]> names = AvatarLogin.names(user);
        if (names.isEmpty()) {
            err.println("--user must be \"First Last\" or a single username");
            return 2;
        }
        String first = names.get()[0];
        String last = names.get()[1];
        Optional<String> password = AvatarLogin.password(environment, console, first + " " + last);
        if (password.isEmpty()) {
            err.println("No password: set " + PASSWORD_ENV + " or run in a terminal to be prompted.");
            return 2;
        }
        StartLocation startLocation;
        try {
            startLocation = parseStart(start);
        } catch (IllegalArgumentException e) {
            err.println("--start: " + e.getMessage());
            return 2;
        }
        try (AuthenticationService auth = AuthenticationService.builder()
                .requestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .listener(verbose ? event -> err.println("login: " + describe(event)) : e -> { })
                .mfaTokenProvider(mfaPrompt())
                .build()) {
            Grid grid = Grid.SECOND_LIFE;
            if (gridInfoUri != null) {
                grid = auth.fetchGridInfo(gridInfoUri).toGrid();
            } else if (loginUri != null) {
                grid = Grid.custom(loginUri);
            }
            LoginCredentials credentials = LoginCredentials.builder()
                    .firstName(first).lastName(last).password(password.get())
                    .grid(grid).startLocation(startLocation).agreeToTos(agreeToTos)
                    .protocol(llsd ? LoginProtocol.LLSD : LoginProtocol.XML_RPC)
                    .build();
            if (authOnly) {
                printSummary(out, grid, auth.login(credentials));
                out.println("Authenticated only: no circuit was opened, and the grid will expire this session.");
                return 0;
            }
            return connectAndLogOut(out, err, auth, grid, credentials);
        } catch (LoginException e) {
            err.println("Login failed: " + e.failure()
                    + (e.serverMessage().isEmpty() ? "" : " - " + e.serverMessage()));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("Invalid input: " + e.getMessage());
            return 2;
        }
    }

    private int connectAndLogOut(PrintWriter out, PrintWriter err, AuthenticationService auth, Grid grid,
                                 LoginCredentials credentials) {
        NetworkConfig config = NetworkConfig.builder().authenticationService(auth)
                .handshakeStepTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .build();
        try (NetworkManager manager = new NetworkManager(config)) {
            manager.connect(credentials);
            printSummary(out, grid, manager.session().orElseThrow());
            out.println("Entered the region over " + manager.primaryCircuit().map(LoginCommand::address).orElse("?")
                    + "; logging out.");
            out.flush();
            manager.disconnect();
            out.println("Logged out.");
            return 0;
        } catch (ConnectException e) {
            if (e.loginFailure().isPresent() && e.getCause() instanceof LoginException login) {
                err.println("Login failed: " + login.failure()
                        + (login.serverMessage().isEmpty() ? "" : " - " + login.serverMessage()));
            } else {
                err.println("Could not enter the region (" + e.step() + "): " + e.getMessage());
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return 1;
        }
    }

    private static String address(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private MfaTokenProvider mfaPrompt() {
        return message -> console.get().map(c -> c.readLine("%s%nMFA token: ", message))
                .map(String::strip).filter(t -> !t.isEmpty());
    }

    static StartLocation parseStart(String text) {
        return switch (text) {
            case "last" -> StartLocation.LAST;
            case "home" -> StartLocation.HOME;
            default -> {
                String[] parts = text.split("/");
                if (parts.length != 4) {
                    throw new IllegalArgumentException("expected last, home or Region/x/y/z");
                }
                try {
                    yield StartLocation.region(parts[0], Double.parseDouble(parts[1]),
                            Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("coordinates must be numbers");
                }
            }
        };
    }

    private static String describe(LoginEvent event) {
        return switch (event) {
            case LoginEvent.LoginStarted e -> "started " + e.protocol() + " login at " + e.loginUri();
            case LoginEvent.RequestSent e -> "request " + e.attempt() + " sent to " + e.loginUri();
            case LoginEvent.Redirected e -> "redirected to " + e.nextUri() + " after " + e.delay().toSeconds() + "s";
            case LoginEvent.MfaRequested e -> "MFA token requested";
            case LoginEvent.LoginSucceeded e -> "succeeded in " + e.elapsed().toMillis() + " ms";
            case LoginEvent.LoginFailed e -> e.failure() + " after " + e.elapsed().toMillis() + " ms";
        };
    }

    private static void printSummary(PrintWriter out, Grid grid, SessionInfo s) {
        out.println("Logged in to " + grid.name() + " as " + s.firstName() + " " + s.lastName()
                + " (agent " + s.agentId() + ")");
        out.println("  simulator      " + s.simulator().getHostString() + ":" + s.simulator().getPort()
                + " (circuit code " + Integer.toUnsignedString(s.circuitCode()) + ")");
        out.println("  region         " + s.regionX() + "," + s.regionY()
                + " (handle " + Long.toUnsignedString(s.regionHandle()) + ")");
        // a capability URL grants access to whoever holds it: shown redacted
        out.println("  seed cap       " + s.seedCapability().map(CapabilityUris::redact).orElse("none"));
        out.println("  start          " + s.startLocation());
        out.println("  access         " + s.agentAccess() + " (max " + s.agentAccessMax() + ")");
        out.println("  inventory      " + s.inventorySkeleton().size() + " folders, "
                + s.buddyList().size() + " friends");
        if (!s.message().isEmpty()) {
            out.println("  message        " + s.message());
        }
        if (s.mfaHash().isPresent()) {
            out.println("  mfa            the grid issued a device hash (not shown)");
        }
        out.flush();
    }
}
