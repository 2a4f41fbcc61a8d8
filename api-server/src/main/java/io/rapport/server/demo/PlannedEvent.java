package io.rapport.server.demo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One usage event the demo will send: for which link, what, when, about which content. */
record PlannedEvent(int link, UUID eventId, String type, Instant occurredAt, ContentRef content,
                    Map<String, Object> properties) {

    /** The demo's content items, by role: the event names the one created for that role. */
    enum ContentRef { MARKET_REPORT, FIRST_TIME_BUYER_GUIDE, PAYMENT_CALCULATOR }
}
