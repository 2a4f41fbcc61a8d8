package com.example.crm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rapport.sdk.WebhookVerificationException;
import io.rapport.sdk.Webhooks;
import io.rapport.sdk.model.WebhookEvent;
import io.rapport.sdk.model.WebhookEventData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A CRM endpoint receiving Rapport's webhooks: verify the signature on the raw body, then act on the typed
 * event. Answer 2xx quickly (Rapport retries anything else for about a day); events of a type this SDK does
 * not know yet are acknowledged and skipped.
 */
public final class WebhookReceiver {
    private final String secret;

    WebhookReceiver(String secret) {
        this.secret = secret;
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8099), 0);
        server.createContext("/hooks/rapport", new WebhookReceiver(System.getenv("RAPPORT_WEBHOOK_SECRET"))::handle);
        server.start();
    }

    void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            WebhookEvent event = Webhooks.constructEvent(secret, exchange.getRequestHeaders(), body);
            apply(event);
            status = 204;
        } catch (WebhookVerificationException forged) {
            status = 400;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void apply(WebhookEvent event) {
        WebhookEventData data = event.getData();
        switch (event.getType()) {
            case SCORE_TIER_CHANGED -> System.out.println(data.getPartnerId() + " is now " + data.getTo());
            case RELATIONSHIP_READY_FOR_MEETING -> System.out.println("Suggest a coffee with " + data.getPartnerId());
            case REFERRAL_RECEIVED -> System.out.println("Referral from " + data.getPartnerId() + ": " + data.getProperties());
            default -> { } // a stage change, or a type newer than this SDK: acknowledged, nothing to do
        }
    }
}
