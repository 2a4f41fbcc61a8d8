package io.rapport.server.apikey;

import java.util.List;
import java.util.UUID;

/** What authentication needs to know about a presented key. */
public record KeyLookup(UUID keyId, List<String> scopes, String orgStatus, boolean expired) {
}
