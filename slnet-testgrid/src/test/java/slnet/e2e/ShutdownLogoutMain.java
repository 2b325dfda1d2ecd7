package slnet.e2e;

import slnet.Client;
import slnet.login.Grid;
import slnet.login.LoginCredentials;

/**
 * Run in a child JVM by {@link ShutdownLogoutTest}: connects and then returns from {@code main}
 * without disconnecting, as a careless program would; the shutdown hook must log the agent out.
 */
public final class ShutdownLogoutMain {
    private ShutdownLogoutMain() {
    }

    /**
     * @param args login URI, first name, last name, password, and optionally {@code no-hook}
     * @throws Exception if the connect fails (the test then sees a non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        boolean hook = args.length < 5 || !args[4].equals("no-hook");
        Client client = Client.create(slnet.ClientConfig.builder()
                .network(slnet.network.NetworkConfig.builder().logoutOnShutdown(hook).build()).build());
        client.connect(LoginCredentials.of(args[1], args[2], args[3]).withGrid(Grid.custom(java.net.URI.create(args[0]))));
        System.out.println("connected");
        System.out.flush();
        // no disconnect and no close: the JVM exits and its shutdown hook must send LogoutRequest
        System.exit(0);
    }
}
