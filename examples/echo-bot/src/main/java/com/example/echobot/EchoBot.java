package com.example.echobot;

import slnet.ChatReceived;
import slnet.ChatSourceType;
import slnet.Client;
import slnet.network.Subscription;

/**
 * Says back what other avatars say near it: "echo: " and their words.
 */
public final class EchoBot implements AutoCloseable {
    private final Client client;
    private final Subscription listening;

    /**
     * Starts echoing.
     *
     * @param client a connected client
     */
    public EchoBot(Client client) {
        this.client = client;
        this.listening = client.events().subscribe(event -> {
            if (event instanceof ChatReceived chat && chat.message().sourceType() == ChatSourceType.AGENT
                    && !chat.message().sourceId().equals(client.agentId().orElse(null))
                    && !chat.message().text().isEmpty()) {
                client.chat().say("echo: " + chat.message().text());
            }
        });
    }

    /** Stops echoing; the client stays connected. */
    @Override
    public void close() {
        listening.close();
    }
}
