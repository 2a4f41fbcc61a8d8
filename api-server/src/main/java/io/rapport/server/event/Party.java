package io.rapport.server.event;

import java.util.UUID;

/** An officer or partner ({@code kind}) as event resolution needs it. */
public record Party(String kind, UUID id, String externalId, boolean active) {
    static final String OFFICER = "officer";
    static final String PARTNER = "partner";

}
