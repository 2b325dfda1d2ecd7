package slnet.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import slnet.ChatReceived;
import slnet.Client;
import slnet.ClientConfig;
import slnet.login.Grid;
import slnet.login.LoginCredentials;
import slnet.network.ConnectException;
import slnet.network.EventStream;
import slnet.network.NetworkConfig;
import slnet.network.NetworkEvent;
import slnet.network.TeleportFinished;
import slnet.protocol.types.Vector3;
import slnet.network.SessionSummary;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/**
 * {@code slnet demo}: starts the embedded test grid on loopback (two regions, a few objects), logs
 * two bots in, shows each seeing the other (name and distance) and the objects and parcel around,
 * has them greet each other in local chat, teleports one bot to the other region and back home,
 * prints what each saw with timings, logs both out and exits 0 (1 if a greeting was not heard or a
 * teleport failed). Needs no account and no network beyond loopback.
 */
@Command(name = "demo",
        footerHeading = "%nExamples:%n", footer = {"  slnet demo", "  slnet demo --timeout 30"},
        description = "Run an in-process test grid, log two bots in, have them greet each other, log out.")
public final class DemoCommand implements Callable<Integer> {
    private static final String REGION = "Demoville";
    /** Far from Demoville, so the teleport opens a new circuit and closes the old one. */
    private static final String OTHER_REGION = "Farland";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "Seconds to wait for each step (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Creates the command; picocli calls this. */
    public DemoCommand() {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration wait = timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : WAIT;
        long startNs = System.nanoTime();
        // Throwaway passwords: the grid lives only as long as this command.
        TestAccount alice = TestAccount.of("Alice", "Demo", randomPassword());
        TestAccount bob = TestAccount.of("Bob", "Demo", randomPassword());
        NetworkConfig network = NetworkConfig.builder().logoutOnShutdown(false).build();
        try (TestGrid grid = TestGrid.builder().account(alice).account(bob).region(REGION, 1000, 1000)
                .region(OTHER_REGION, 1004, 1004).startRegion(REGION).homeRegion(REGION).start();
             Client aliceClient = Client.create(ClientConfig.builder().network(network).build());
             Client bobClient = Client.create(ClientConfig.builder().network(network).build())) {
            java.util.UUID club = grid.grid().createGroup("Demo Club", java.util.List.of(alice.agentId(), bob.agentId()));
            var objects = grid.simulator(REGION).objects();
            objects.addObject(slnet.testgrid.sim.SimObject.box(new Vector3(124, 128, 25)).withText("Welcome to " + REGION));
            objects.addObject(slnet.testgrid.sim.SimObject.cylinder(new Vector3(132, 124, 25)));
            objects.addObject(slnet.testgrid.sim.SimObject.tree(new Vector3(110, 140, 22)));
            Bot a = new Bot("Alice", aliceClient, out, startNs);
            Bot b = new Bot("Bob", bobClient, out, startNs);
            printLine(out, startNs, "grid", String.format(Locale.ROOT, "test grid up: login %s, region %s at %s", grid.loginUri(), REGION,
                    EventLines.address(grid.simulator(REGION).address())) + ", and region " + OTHER_REGION + " at "
                    + EventLines.address(grid.simulator(OTHER_REGION).address()));
            try {
                a.connect(credentials(grid, alice));
                b.connect(credentials(grid, bob));
            } catch (ConnectException e) {
                err.println("slnet demo: a bot could not connect: " + e.getMessage());
                return 1;
            }
            var spawn = grid.simulator(REGION).agent(bob.agentId()).orElseThrow().position();
            grid.simulator(REGION).moveAgent(bob.agentId(), new Vector3(spawn.x() + 3, spawn.y(), spawn.z()));
            // Bob stepped 3 m aside: each sees the other once that move reached it.
            boolean aliceSaw = a.awaitSeeing("Bob Demo", 2.5, 3, wait);
            boolean bobSaw = b.awaitSeeing("Alice Demo", 2.5, 3, wait);
            String hello = "Hello Bob, this is Alice!";
            String reply = "Hi Alice, Bob here. Nice region!";
            a.say("says: " + hello);
            aliceClient.chat().say(hello);
            boolean bobHeard = b.awaitChat("Alice Demo", hello, wait);
            b.say("says: " + reply);
            bobClient.chat().say(reply);
            boolean aliceHeard = a.awaitChat("Bob Demo", reply, wait);
            // A chair by Alice: Bob walks over to her (the autopilot, on the grid's walking physics) and sits.
            Vector3 alicePosition = grid.simulator(REGION).agent(alice.agentId()).orElseThrow().position();
            var chair = slnet.testgrid.sim.SimObject.box(new Vector3(alicePosition.x() + 1.5f, alicePosition.y() + 1.5f,
                    alicePosition.z()));
            objects.setSitTarget(objects.addObject(chair), new Vector3(0, 0, 0.5f));
            boolean bobSat = b.walkTo("Alice", new Vector3(alicePosition.x() + 1, alicePosition.y() + 1,
                    alicePosition.z()), wait) && b.sitOn("a chair beside her", chair.id(), wait);
            // Both joined their group's chat at login, without a word said there yet.
            String notice = "Meeting at the chair in five minutes!";
            boolean groupHeard = b.joined(club, wait) && a.joined(club, wait) && a.sayInGroup(club, notice)
                    && b.awaitGroupMessage("Demo Club", notice, wait);
            boolean travelled = a.teleport(OTHER_REGION, wait) && a.teleportHome(wait);
            a.logout();
            b.logout();
            if (!aliceSaw || !bobSaw) {
                err.println("slnet demo: a bot did not see the other");
                return 1;
            }
            if (!bobHeard || !aliceHeard) {
                err.println("slnet demo: a greeting was not heard");
                return 1;
            }
            if (!groupHeard) {
                err.println("slnet demo: the group message was not heard");
                return 1;
            }
            if (!bobSat) {
                err.println("slnet demo: Bob did not walk over and sit down");
                return 1;
            }
            if (!travelled) {
                err.println("slnet demo: a teleport failed");
                return 1;
            }
            printLine(out, startNs, "grid", "done: both bots saw and greeted each other, Bob walked to Alice and sat down, "
                    + "they chatted in their group, Alice teleported to " + OTHER_REGION + " and back, and both logged out");
            return 0;
        }
    }

    private static LoginCredentials credentials(TestGrid grid, TestAccount account) {
        return LoginCredentials.of(account.firstName(), account.lastName(), account.password())
                .withGrid(Grid.custom(grid.loginUri()));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** One bot: its client, its event stream and its lines. */
    /** Prints one timed line of the demo's transcript; bots print from several threads. */
    private static void printLine(PrintWriter out, long startNs, String who, String text) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%6d ms] %-5s %s%n", (System.nanoTime() - startNs) / 1_000_000, who, text);
            out.flush();
        }
    }

    private static final class Bot {
        private final String name;
        private final Client client;
        private final PrintWriter out;
        private final long startNs;
        private final EventStream events;

        Bot(String name, Client client, PrintWriter out, long startNs) {
            this.name = name;
            this.client = client;
            this.out = out;
            this.startNs = startNs;
            this.events = client.events().events(4096);
        }

        void say(String text) {
            printLine(out, startNs, name, text);
        }

        void connect(LoginCredentials credentials) throws ConnectException, InterruptedException {
            say("logging in...");
            SessionSummary session = client.connect(credentials);
            say("connected as " + session.agentName() + " in " + session.regionName()
                    + client.position().map(p -> String.format(Locale.ROOT, " at %.0f, %.0f, %.0f",
                            p.position().x(), p.position().y(), p.position().z())).orElse(""));
        }

        /**
         * Waits until this bot sees the other avatar (by name, at least that far away) and the
         * region's objects and parcel, then says so.
         */
        boolean awaitSeeing(String other, double atLeastMeters, int objects, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                var seen = client.avatars().all().stream()
                        .filter(a -> a.name().equals(other) && a.distance() >= atLeastMeters).findFirst();
                long handle = client.region().map(r -> r.handle()).orElse(0L);
                var prims = client.world().region(handle).map(r -> r.find(o -> !o.isAvatar())).orElse(java.util.List.of());
                var parcel = client.surroundings().parcel();
                if (seen.isPresent() && prims.size() >= objects && parcel.isPresent()) {
                    java.util.Map<String, Integer> byType = new java.util.TreeMap<>();
                    prims.forEach(o -> byType.merge(o.pcode().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
                    say(String.format(Locale.ROOT, "sees %s %.1f m away, and %d objects around (%s) on parcel \"%s\"",
                            other, seen.get().distance(), prims.size(), byType.entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", ")),
                            parcel.get().name()));
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    say("did not see " + other + " within " + wait.toSeconds() + " s");
                    return false;
                }
                events.poll(Duration.ofMillis(50)); // wakes on news; events before the chat are not needed
            }
        }

        /** Waits until the client's own join of a group's chat (begun at login) is through. */
        boolean joined(java.util.UUID group, Duration wait) throws InterruptedException {
            try {
                client.chatSessions().join(group).get(wait.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                say("could not join the group's chat: " + (e.getCause() != null ? e.getCause().getMessage() : e));
                return false;
            }
        }

        /** Says something in a group's chat. */
        boolean sayInGroup(java.util.UUID group, String text) {
            String name = client.chatSessions().groups().stream().filter(g -> g.id().equals(group))
                    .map(slnet.GroupMembership::name).findFirst().orElse(group.toString());
            say("says in group " + name + ": " + text);
            client.chatSessions().send(group, text);
            return true;
        }

        /** Waits for a message in a group's chat. */
        boolean awaitGroupMessage(String group, String text, Duration wait) throws InterruptedException {
            try {
                slnet.ChatSessionMessage heard = events.awaitEvent(slnet.ChatSessionMessage.class,
                        m -> m.sessionName().equals(group) && m.text().equals(text), wait);
                say("heard in group " + group + " from " + heard.fromName() + ": \"" + heard.text() + "\"");
                return true;
            } catch (TimeoutException e) {
                say("heard nothing in group " + group + " within " + wait.toSeconds() + " s");
                return false;
            }
        }

        /** Walks to a point near someone with the autopilot, and says where it arrived. */
        boolean walkTo(String who, Vector3 target, Duration wait) throws InterruptedException {
            Vector3 from = client.position().map(p -> p.position()).orElse(target);
            say(String.format(Locale.ROOT, "walks over to %s, %.1f m away...", who,
                    Math.hypot(target.x() - from.x(), target.y() - from.y())));
            try {
                Vector3 at = client.movement().moveTo(target).get(wait.toMillis(), TimeUnit.MILLISECONDS);
                say(String.format(Locale.ROOT, "arrived at %.1f, %.1f", at.x(), at.y()));
                return true;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                say("did not get there: " + (e.getCause() != null ? e.getCause().getMessage() : e));
                return false;
            }
        }

        /** Sits on an object and says so once the simulator seated the avatar. */
        boolean sitOn(String what, java.util.UUID object, Duration wait) throws InterruptedException {
            try {
                client.movement().sitOn(object).get(wait.toMillis(), TimeUnit.MILLISECONDS);
                say("sits down on " + what);
                return true;
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                say("could not sit: " + (e.getCause() != null ? e.getCause().getMessage() : e));
                return false;
            }
        }

        boolean awaitChat(String from, String text, Duration wait) throws InterruptedException {
            ChatReceived heard;
            try {
                heard = events.awaitEvent(ChatReceived.class,
                        c -> c.message().fromName().equals(from) && c.message().text().equals(text), wait);
            } catch (TimeoutException e) {
                say("did not hear " + from + " within " + wait.toSeconds() + " s");
                return false;
            }
            say("heard " + heard.message().fromName() + " (" + heard.message().type().name().toLowerCase(Locale.ROOT)
                    + "): \"" + heard.message().text() + "\"");
            return true;
        }

        boolean teleport(String region, Duration wait) throws InterruptedException {
            say("teleporting to " + region + "...");
            return arrived(client.teleport(region, new Vector3(128, 128, 25), new Vector3(1, 0, 0)), wait);
        }

        boolean teleportHome(Duration wait) throws InterruptedException {
            say("teleporting home...");
            return arrived(client.teleportHome(), wait);
        }

        private boolean arrived(java.util.concurrent.CompletableFuture<TeleportFinished> teleport, Duration wait)
                throws InterruptedException {
            try {
                TeleportFinished done = teleport.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                say(String.format(Locale.ROOT, "teleported to %s at %.0f, %.0f, %.0f (circuit %s)", done.regionName(),
                        done.position().x(), done.position().y(), done.position().z(),
                        EventLines.address(done.simulator())));
                return true;
            } catch (java.util.concurrent.ExecutionException e) {
                say("teleport failed: " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                say("teleport did not finish within " + wait.toSeconds() + " s");
            }
            return false;
        }

        void logout() throws InterruptedException {
            client.disconnect();
            try {
                say("disconnected: " + events.awaitEvent(NetworkEvent.Disconnected.class, Duration.ofSeconds(2)).reason());
            } catch (TimeoutException e) {
                say("logged out");
            }
        }
    }
}
