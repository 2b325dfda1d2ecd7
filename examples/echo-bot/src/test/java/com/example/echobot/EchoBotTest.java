package com.example.echobot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import slnet.ChatReceived;
import slnet.Client;
import slnet.network.EventStream;
import slnet.testing.junit.AsAccount;
import slnet.testing.junit.SlnetTestGrid;

@SlnetTestGrid(accounts = {"Echo Bot", "Visitor Tester"}, connectAs = "Echo Bot")
class EchoBotTest {

    @Test
    void echoesWhatAVisitorSays(Client bot, @AsAccount("Visitor Tester") Client visitor) throws Exception {
        try (EchoBot echo = new EchoBot(bot); EventStream heard = visitor.events().events()) {
            visitor.chat().say("hello there");
            ChatReceived reply = heard.awaitEvent(ChatReceived.class,
                    e -> e.message().text().startsWith("echo: "), Duration.ofSeconds(20));
            assertEquals("echo: hello there", reply.message().text());
        }
    }
}
