package io.rapport.server.demo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a demo run created: the organization, its people, the credentials to explore it, and the
 * instant the replay ended at (the scores in the report are read then), and the paths of the first
 * partner's install link and the first officer's score card (a 12-hour embed token).
 */
public record DemoData(long seed, Instant now, UUID orgId, String orgName, List<Person> officers,
                       List<Person> partners, String apiKey, String installToken, int eventsSent, int eventsStored,
                       String installLinkPath, String scoreCardPath) {

    /** An officer or a partner: id, display name, and for a partner its type. */
    public record Person(UUID id, String name, String type) {
    }
}
