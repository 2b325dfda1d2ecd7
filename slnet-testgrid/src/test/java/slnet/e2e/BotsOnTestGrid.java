package slnet.e2e;

import static slnet.e2e.E2e.ALICE;
import static slnet.e2e.E2e.BOB;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import slnet.Client;
import slnet.network.EventStream;
import slnet.testgrid.TestGrid;
import slnet.testgrid.sim.Simulator;

/**
 * The setup many end-to-end tests share: {@link E2e#grid()} with Alice connected (and Bob too when
 * {@link #withBob()} says so), their event streams open from before they connected; all closed
 * after each test.
 */
abstract class BotsOnTestGrid {
    TestGrid grid;
    Simulator sim;
    Client alice;
    EventStream events;
    Client bob;
    EventStream bobEvents;

    /** @return true to log Bob in after Alice */
    boolean withBob() {
        return false;
    }

    @BeforeEach
    void connectBots() throws Exception {
        grid = E2e.grid();
        sim = grid.simulator();
        alice = E2e.client();
        events = alice.events().events();
        alice.connect(E2e.credentials(grid, ALICE));
        if (withBob()) {
            bob = E2e.client();
            bobEvents = bob.events().events();
            bob.connect(E2e.credentials(grid, BOB));
        }
    }

    @AfterEach
    void closeBots() {
        alice.close();
        if (bob != null) {
            bob.close();
        }
        grid.close();
    }
}
