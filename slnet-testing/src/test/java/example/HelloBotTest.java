package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import slnet.Client;
import slnet.network.EventStream;
import slnet.network.NetworkEvent;
import slnet.testgrid.TestAccount;
import slnet.testgrid.sim.Simulator;
import slnet.testing.junit.SlnetTestGrid;

@SlnetTestGrid(accounts = "Hello Bot")                    // a grid on loopback for this class
class HelloBotTest {

    /** The bot under test: says hello when asked. */
    record HelloBot(Client client) {
        void greet() {
            client.chat().say("Hello, world!");
        }
    }

    @Test
    void saysHello(Client client, TestAccount bot, Simulator simulator) throws Exception {
        new HelloBot(client).greet();                      // client: connected as Hello Bot
        simulator.awaitMessage(bot.agentId(), "ChatFromViewer", Duration.ofSeconds(10));
        assertThat(simulator.receivedMessages(bot.agentId())).contains("ChatFromViewer");
    }

    @Test
    void hearsItWasKicked(Client client, TestAccount bot, Simulator simulator) throws Exception {
        try (EventStream events = client.events().events()) {
            simulator.kick(bot.agentId(), "maintenance");   // a fault switch of the grid
            NetworkEvent.Disconnected gone = events.awaitEvent(NetworkEvent.Disconnected.class, Duration.ofSeconds(10));
            assertThat(gone.reason()).contains("maintenance");
        }
    }
}                                                          // grid and clients closed; nothing left running
