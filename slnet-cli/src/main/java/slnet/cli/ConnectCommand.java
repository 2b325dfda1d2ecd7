package slnet.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import slnet.protocol.types.Vector3;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.login.StartLocation;
import slnet.network.ConnectException;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.network.NetworkEvent;
import slnet.network.NetworkStatus;
import slnet.network.SessionSummary;

/**
 * {@code slnet connect}: logs in to any grid, enters the region, prints status changes, chat and
 * instant messages as lines (or JSON lines with {@code --json}, packets too with {@code --trace}),
 * says {@code --say} and sends the {@code --im} once connected, stays {@code --stay} seconds or until Ctrl-C, then logs out
 * cleanly. Exit 0 after a clean logout; 1 with the reason if the connection failed or was lost; 2
 * for bad input. The password comes from {@code SLNET_PASSWORD} or a terminal prompt, never from an
 * argument.
 */
@Command(name = "connect",
        footerHeading = "%nExamples:%n", footer = {"  slnet connect --login-uri http://127.0.0.1:9000/login --user \"Alice Demo\" --say Hello --stay 10", "  SLNET_PASSWORD=... slnet connect --user \"Alice Resident\" --teleport Ahern/128/128/30 --json", "  slnet connect --login-uri http://127.0.0.1:9000/login --user \"Bob Demo\" --goto 140,128,25 --sit Chair --stay 10"},
        description = "Log in, enter the region, print status and chat, optionally say something, then log out.")
public final class ConnectCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration DRAIN = Duration.ofSeconds(3);
    /** A grid's people search answers within a second or two; allow for a busy one. */
    private static final Duration IM_LOOKUP_TIMEOUT = Duration.ofSeconds(15);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--login-uri", paramLabel = "URI", description = "Login URI (default: Second Life main grid).")
    URI loginUri;

    @Option(names = "--user", required = true, paramLabel = "\"First Last\"",
            description = "Avatar name; a single word means the last name Resident.")
    String user;

    @Option(names = "--start", defaultValue = "last", paramLabel = "last|home|Region/x/y/z",
            description = "Start location (default: ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--say", paramLabel = "TEXT", description = "Say this in local chat once connected.")
    String say;

    @Option(names = "--im", arity = "2", paramLabel = "\"First Last\" TEXT", hideParamSyntax = true,
            description = "Once connected, send TEXT as an instant message to the avatar of that name "
                    + "(found by the grid's people search).")
    String[] im;

    @Option(names = "--group-say", arity = "2", paramLabel = "GROUP TEXT", hideParamSyntax = true,
            description = "Once connected, say TEXT in the chat of the group GROUP (its name or UUID); group "
                    + "messages and session invitations print as 'group_message' and 'session_invitation' lines.")
    String[] groupSay;

    @Option(names = "--evacuate-on-restart", paramLabel = "REGION",
            description = "When the region warns of a restart, wait it out in REGION and come back afterwards "
                    + "('restart', 'evacuated', 'returned' lines; 'evacuation_failed' if it could not).")
    String evacuateOnRestart;

    @Option(names = "--accept-lures", description = "Follow every teleport offer received while connected "
            + "(printed as 'lure' lines; the teleport as 'teleport' lines).")
    boolean acceptLures;

    @Option(names = "--touch", paramLabel = "OBJECT_NAME_OR_UUID",
            description = "Once connected (and teleported), touch this object, found in view by UUID or by name; "
                    + "a dialog it shows prints as a 'dialog' line, a permission request as a 'permissions' line "
                    + "(permissions are refused).")
    String touch;

    @Option(names = "--goto", paramLabel = "x,y,z",
            description = "Once connected (and teleported), walk to this point of the region (the autopilot, to "
                    + "within 1 m): an 'arrived' line with the position reached, or an 'error' line and exit code 1.")
    String goTo;

    @Option(names = "--goto-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long --goto may walk before it gives up (default: ${DEFAULT-VALUE}).")
    int goToTimeoutSeconds;

    @Option(names = "--sit", paramLabel = "OBJECT_NAME_OR_UUID",
            description = "Once connected (and after --goto), sit on this object, found in view by UUID or by name "
                    + "(a 'sat' line), or an 'error' line and exit code 1.")
    String sit;

    @Option(names = "--stay", paramLabel = "SECONDS",
            description = "Seconds to stay connected before logging out (default: until Ctrl-C).")
    Integer staySeconds;

    @Option(names = "--teleport", paramLabel = "Region/x/y/z",
            description = "Once connected, teleport there (x, y, z default to the region's middle).")
    String teleport;

    @Option(names = "--json", description = "One JSON object per line, with 'event' and 't_ms'.")
    boolean json;

    @Option(names = "--trace", description = "Also print every UDP packet in and out, and what lenient decoding "
            + "tolerated in received ones.")
    boolean trace;

    @Option(names = "--world", description = "Print avatars arriving and leaving (name, distance) and, once in a "
            + "region, one summary line per region seen: objects by type, avatars, the parcel's name.")
    boolean world;

    @Option(names = "--capture", paramLabel = "FILE",
            description = "Write every datagram in and out to FILE, one 'MessageName hex' line each (sent ones as "
                    + "'#out MessageName hex'); 'slnet packet decode --file FILE' reads it.")
    java.nio.file.Path capture;

    private final Function<String, String> environment;
    private final Supplier<Optional<Console>> console;
    private final boolean installSignalHook;

    /** Creates the command reading the real environment and console, logging out on Ctrl-C. */
    public ConnectCommand() {
        this(System::getenv, () -> Optional.ofNullable(System.console()), true);
    }

    /**
     * Creates the command with injected environment and console (for tests).
     *
     * @param environment looks up environment variables
     * @param console the terminal, if any
     * @param installSignalHook whether Ctrl-C (a JVM shutdown) logs out before the process ends
     */
    ConnectCommand(Function<String, String> environment, Supplier<Optional<Console>> console,
                   boolean installSignalHook) {
        this.environment = environment;
        this.console = console;
        this.installSignalHook = installSignalHook;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventLines lines = new EventLines(out, json, System.nanoTime());
        Optional<String[]> avatar = AvatarLogin.names(user);
        if (avatar.isEmpty()) {
            err.println("--user must be \"First Last\" or a single username");
            return 2;
        }
        String[] names = avatar.get();
        if (staySeconds != null && staySeconds < 0) {
            err.println("--stay must not be negative");
            return 2;
        }
        StartLocation startLocation;
        try {
            startLocation = LoginCommand.parseStart(start);
        } catch (IllegalArgumentException e) {
            err.println("--start: " + e.getMessage());
            return 2;
        }
        Destination destination = null;
        if (teleport != null) {
            try {
                destination = Destination.parse(teleport);
            } catch (IllegalArgumentException e) {
                err.println("--teleport: " + e.getMessage());
                return 2;
            }
        }
        if (goTo != null) {
            if (goToTimeoutSeconds < 1) {
                err.println("--goto-timeout must be at least 1 second");
                return 2;
            }
            try {
                parsePoint(goTo);
            } catch (IllegalArgumentException e) {
                err.println("--goto: " + e.getMessage());
                return 2;
            }
        }
        String[] imTo = null;
        if (im != null) {
            Optional<String[]> recipient = AvatarLogin.names(im[0]);
            if (im.length != 2) {
                err.println("--im may be given once");
                return 2;
            }
            if (recipient.isEmpty() || im[1].isEmpty()) {
                err.println("--im takes \"First Last\" (or a username) and a non-empty TEXT");
                return 2;
            }
            if (im[1].getBytes(java.nio.charset.StandardCharsets.UTF_8).length > slnet.InstantMessages.MAX_MESSAGE_BYTES) {
                err.println("--im: TEXT is longer than " + slnet.InstantMessages.MAX_MESSAGE_BYTES + " bytes");
                return 2;
            }
            imTo = recipient.get();
        }
        Optional<String> password = AvatarLogin.password(environment, console, names[0] + " " + names[1]);
        if (password.isEmpty()) {
            err.println("No password: set " + LoginCommand.PASSWORD_ENV + " or run in a terminal to be prompted.");
            return 2;
        }
        LoginCredentials credentials;
        try {
            credentials = LoginCredentials.builder().firstName(names[0])
                    .lastName(names[1]).password(password.get())
                    .grid(loginUri == null ? Grid.SECOND_LIFE : Grid.custom(loginUri)).startLocation(startLocation)
                    .build();
        } catch (IllegalArgumentException e) {
            err.println("Invalid input: " + e.getMessage());
            return 2;
        }
        NetworkConfig.Builder network = NetworkConfig.builder().logoutOnShutdown(false);
        if (trace) {
            network.packetTap(lines::packet);
        }
        CaptureWriter captureWriter = null;
        if (capture != null) {
            try {
                captureWriter = CaptureWriter.open(capture, "slnet connect", loginUri);
            } catch (java.io.IOException e) {
                err.println("--capture: cannot write " + capture + ": " + e.getMessage());
                return 2;
            }
        }
        network.datagramTap(bothTaps(captureWriter, trace ? new ToleratedTrace(lines) : null));
        Progress progress = new Progress(json ? Optional.empty() : console.get(), err);
        Client client;
        try {
            client = Client.create(ClientConfig.builder().network(network.build())
                    .restartPolicy(evacuateOnRestart == null ? slnet.RestartPolicy.stay()
                            : slnet.RestartPolicy.evacuateTo(evacuateOnRestart, new Vector3(128, 128, 25)))
                    .build());
        } catch (RuntimeException e) {
            if (captureWriter != null) {
                captureWriter.finish();
            }
            throw e;
        }
        Session session = new Session(client, lines, progress, destination, imTo);
        session.world = world ? new WorldLines(client, lines) : null;
        Thread hook = installSignalHook ? session.installHook() : null;
        try {
            return session.run(credentials);
        } finally {
            // Before finished: on Ctrl-C the JVM halts once the hook stops waiting for it.
            client.close();
            if (captureWriter != null) {
                String problem = captureWriter.finish();
                if (problem != null) {
                    err.println("--capture: " + problem);
                    err.flush();
                }
            }
            session.finished.countDown();
            if (hook != null && !session.interrupted.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down: the hook is running and waits for us
                }
            }
        }
    }

    /** @return a tap calling both, in order */
    /** @return a tap calling both in order, either alone when the other is null, or null for none */
    private static slnet.network.DatagramTap bothTaps(slnet.network.DatagramTap first,
            slnet.network.DatagramTap second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return (outbound, simulator, datagram, offset, length) -> {
            first.onDatagram(outbound, simulator, datagram, offset, length);
            second.onDatagram(outbound, simulator, datagram, offset, length);
        };
    }

    /** One run: connect, say, stay, log out; events are pulled and printed on the calling thread. */
    private final class Session {
        final Client client;
        final EventLines lines;
        final Progress progress;
        final EventStream events;
        final AtomicBoolean interrupted = new AtomicBoolean();
        final CountDownLatch finished = new CountDownLatch(1);
        final Destination destination;
        final String[] imTo;
        String disconnectReason;
        /** What {@code --world} shows, or null. */
        WorldLines world;

        Session(Client client, EventLines lines, Progress progress, Destination destination, String[] imTo) {
            this.destination = destination;
            this.imTo = imTo;
            this.client = client;
            this.lines = lines;
            this.progress = progress;
            this.events = client.events().events(8192);
        }

        Thread installHook() {
            Thread hook = new Thread(() -> {
                interrupted.set(true);
                try {
                    finished.await(client.config().network().logoutTimeout().toMillis() + 3000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "slnet-connect-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        }

        int run(LoginCredentials credentials) throws InterruptedException {
            CompletableFuture<SessionSummary> connecting = client.connectAsync(credentials);
            while (!connecting.isDone() && !interrupted.get()) {
                pump(POLL);
            }
            pumpAvailable();
            progress.done();
            if (interrupted.get() && !connecting.isDone()) {
                client.disconnect();
                drainUntilDisconnected();
                return 1;
            }
            try {
                connecting.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String reason = cause instanceof ConnectException ce ? ce.getMessage() : String.valueOf(cause);
                drainUntilDisconnected();
                fail(reason);
                return 1;
            }
            if (world != null) {
                world.arrived();
            }
            if (say != null && !say.isEmpty()) {
                client.chat().say(say);
            }
            if (imTo != null && !sendIm()) {
                client.disconnect();
                drainUntilDisconnected();
                return 1;
            }
            if (destination != null) {
                CompletableFuture<?> moving = client.teleport(destination.region(), destination.position(),
                        new Vector3(1, 0, 0));
                while (!moving.isDone() && disconnectReason == null && !interrupted.get()) {
                    pump(POLL);
                }
                pumpAvailable();
                if (moving.isCompletedExceptionally() && disconnectReason == null) {
                    String reason = moving.handle((ok, failure) -> failure instanceof CompletionException c
                            && c.getCause() != null ? c.getCause().getMessage() : String.valueOf(failure)).join();
                    fail(reason);
                    client.disconnect();
                    drainUntilDisconnected();
                    return 1;
                }
            }
            if (touch != null && !touchObject()) {
                client.disconnect();
                drainUntilDisconnected();
                return 1;
            }
            if (groupSay != null && !sayInGroup()) {
                client.disconnect();
                drainUntilDisconnected();
                return 1;
            }
            if (goTo != null && !walk()) {
                client.disconnect();
                drainUntilDisconnected();
                return 1;
            }
            if (sit != null && !sitDown()) {
                client.disconnect();
                drainUntilDisconnected();
                return 1;
            }
            long deadline = staySeconds == null ? Long.MAX_VALUE
                    : System.nanoTime() + TimeUnit.SECONDS.toNanos(staySeconds);
            while (disconnectReason == null && !interrupted.get() && System.nanoTime() < deadline) {
                long left = Math.max(1, Math.min(POLL.toNanos(), deadline - System.nanoTime()));
                pump(Duration.ofNanos(left));
            }
            if (disconnectReason != null) {
                fail(disconnectReason);
                return 1;
            }
            if (world != null) {
                world.finish();
            }
            client.disconnect();
            drainUntilDisconnected();
            return 0;
        }

        /** Finds the recipient and sends; false (the reason shown) if that failed while still connected. */
        /** @return false if the object was not found (the failure is printed) */
        /**
         * Prints events while a lookup runs.
         *
         * @return false, the lookup cancelled, if the session ended or Ctrl-C came first
         */
        private boolean pumpUntilDone(CompletableFuture<?> pending) throws InterruptedException {
            while (!pending.isDone() && disconnectReason == null && !interrupted.get()) {
                pump(POLL);
            }
            pumpAvailable();
            if (!pending.isDone()) {
                pending.cancel(false);
                return false;
            }
            return true;
        }

        private boolean touchObject() throws InterruptedException {
            return awaitOption("--touch", ObjectSearch.find(client, touch, IM_LOOKUP_TIMEOUT), object -> {
                try {
                    client.scripts().touch(object);
                    lines.touched(object);
                } catch (IllegalStateException e) {
                    // the session ended meanwhile: the caller's loop ends it
                }
            });
        }

        /**
         * Prints events while an option's work runs, then hands its result on.
         *
         * @return false if it failed (printed as "OPTION: reason"); true if it succeeded, or the
         *     session ended or Ctrl-C came first (the caller's loop ends the session)
         */
        private <T> boolean awaitOption(String option, CompletableFuture<T> pending,
                                        java.util.function.Consumer<T> onDone) throws InterruptedException {
            if (!pumpUntilDone(pending)) {
                return true;
            }
            T result;
            try {
                result = pending.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                fail(option + ": " + cause.getMessage());
                return false;
            }
            onDone.accept(result);
            return true;
        }

        /** @return false if the agent has no such group (the failure is printed) */
        private boolean sayInGroup() throws InterruptedException {
            long deadline = System.nanoTime() + IM_LOOKUP_TIMEOUT.toNanos();
            java.util.Optional<slnet.GroupMembership> group = client.chatSessions().group(groupSay[0]);
            // The groups come a moment after arrival (AgentGroupDataUpdate).
            while (group.isEmpty() && client.chatSessions().groups().isEmpty() && System.nanoTime() < deadline
                    && disconnectReason == null && !interrupted.get()) {
                pump(POLL);
                group = client.chatSessions().group(groupSay[0]);
            }
            if (group.isEmpty()) {
                if (disconnectReason == null && !interrupted.get()) {
                    fail("--group-say: no group " + groupSay[0] + " (the agent's groups: "
                            + client.chatSessions().groups().stream().map(slnet.GroupMembership::name).toList() + ")");
                    return false;
                }
                return true;
            }
            if (!pumpUntilDone(client.chatSessions().join(group.get().id()))) {
                return true;
            }
            client.chatSessions().send(group.get().id(), groupSay[1]);
            lines.groupSaid(group.get(), groupSay[1]);
            return true;
        }

        /** @return false if the autopilot did not get there (the failure is printed) */
        private boolean walk() throws InterruptedException {
            return awaitOption("--goto", client.movement().moveTo(parsePoint(goTo),
                    slnet.Movement.DEFAULT_ARRIVAL_RADIUS, Duration.ofSeconds(goToTimeoutSeconds)), lines::arrived);
        }

        /** @return false if the object was not found or not sat on (the failure is printed) */
        private boolean sitDown() throws InterruptedException {
            return awaitOption("--sit", ObjectSearch.find(client, sit, IM_LOOKUP_TIMEOUT)
                    .thenCompose(object -> client.movement().sitOn(object.id())), seat -> { }); // "sat" prints from its event
        }

        private boolean sendIm() throws InterruptedException {
            String name = imTo[0] + " " + imTo[1];
            CompletableFuture<AvatarSearch.Avatar> finding = AvatarSearch.find(client, imTo[0], imTo[1], IM_LOOKUP_TIMEOUT);
            if (!pumpUntilDone(finding)) {
                return true; // disconnected or interrupted: the caller's loop ends the session
            }
            AvatarSearch.Avatar to;
            try {
                to = finding.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                fail("--im: " + (cause instanceof java.util.concurrent.TimeoutException
                        ? "no answer to the search for " + name + " within " + IM_LOOKUP_TIMEOUT.toSeconds() + " s"
                        : cause.getMessage()));
                return false;
            }
            try {
                client.ims().send(to.id(), im[1]);
            } catch (IllegalStateException e) {
                return true; // the session ended meanwhile
            }
            lines.imSent(to.name(), to.id(), im[1]);
            return true;
        }

        private void fail(String reason) {
            if (json) {
                lines.error(reason);
            } else {
                spec.commandLine().getErr().println("slnet connect: " + reason);
                spec.commandLine().getErr().flush();
            }
        }

        private void pump(Duration wait) throws InterruptedException {
            NetworkEvent event = events.poll(wait);
            while (event != null) {
                show(event);
                event = events.poll(Duration.ZERO);
            }
            if (world != null) {
                world.tick();
            }
        }

        private void pumpAvailable() throws InterruptedException {
            pump(Duration.ZERO);
        }

        private void drainUntilDisconnected() throws InterruptedException {
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (disconnectReason == null && System.nanoTime() < deadline) {
                pump(POLL);
            }
            pumpAvailable();
        }

        private void show(NetworkEvent event) {
            if (event instanceof NetworkEvent.StatusChanged s) {
                progress.status(s.to());
            }
            if (event instanceof NetworkEvent.Disconnected d) {
                disconnectReason = d.reason();
            }
            lines.event(event);
            if (world != null) {
                world.event(event);
            }
            if (acceptLures && event instanceof slnet.TeleportOffered offer) {
                lines.note("following the teleport offer of " + offer.fromName());
                client.lures().accept(offer).whenComplete((done, failure) -> {
                    if (failure != null) {
                        lines.error("--accept-lures: the teleport offered by " + offer.fromName() + " failed: "
                                + (failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage()));
                    }
                });
            }
        }
    }

    /** A point of the region as {@code x,y,z} in meters, for {@code --goto}. */
    static Vector3 parsePoint(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected x,y,z, got " + text);
        }
        float[] xyz = new float[3];
        for (int i = 0; i < 3; i++) {
            try {
                xyz[i] = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a coordinate: " + parts[i]);
            }
            if (!(xyz[i] >= 0 && xyz[i] <= (i == 2 ? 4096 : 256))) {
                throw new IllegalArgumentException("coordinate out of range: " + parts[i]);
            }
        }
        return new Vector3(xyz[0], xyz[1], xyz[2]);
    }

    /**
     * Where {@code --teleport} goes: {@code Region/x/y/z} as in SLURLs, the coordinates optional.
     *
     * @param region the region's name
     * @param position where in it
     */
    record Destination(String region, Vector3 position) {
        static Destination parse(String text) {
            String[] parts = text.split("/", -1);
            String region = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8).strip();
            if (region.isEmpty() || parts.length > 4) {
                throw new IllegalArgumentException("expected Region/x/y/z, got " + text);
            }
            float[] xyz = {128, 128, 25};
            for (int i = 1; i < parts.length; i++) {
                try {
                    xyz[i - 1] = Float.parseFloat(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a coordinate: " + parts[i]);
                }
                if (!(xyz[i - 1] >= 0 && xyz[i - 1] <= (i == 3 ? 4096 : 256))) {
                    throw new IllegalArgumentException("coordinate out of range: " + parts[i]);
                }
            }
            return new Destination(region, new Vector3(xyz[0], xyz[1], xyz[2]));
        }
    }

    /** The login stages as one rewritten line on a terminal's error stream; silent otherwise. */
    private static final class Progress {
        private final boolean terminal;
        private final PrintWriter err;
        private boolean shown;

        Progress(Optional<Console> console, PrintWriter err) {
            this.terminal = console.isPresent();
            this.err = err;
        }

        void status(NetworkStatus status) {
            if (!terminal) {
                return;
            }
            String stage = switch (status) {
                case AUTHENTICATING -> "logging in...";
                case CONNECTING -> "entering the region (UseCircuitCode, RegionHandshake, AgentMovementComplete)...";
                case CONNECTED -> "connected.";
                default -> null;
            };
            if (stage != null) {
                err.print("\r\u001b[2Kslnet connect: " + stage);
                err.flush();
                shown = true;
            }
        }

        void done() {
            if (shown) {
                err.println();
                err.flush();
                shown = false;
            }
        }
    }
}
