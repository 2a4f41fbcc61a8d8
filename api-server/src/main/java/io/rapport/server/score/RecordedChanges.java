package io.rapport.server.score;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one scoring transaction recorded: the organization's feed entries {@code firstSeq..lastSeq} (none
 * when {@code lastSeq < firstSeq}) and the relationships an event has just made ready for a meeting
 * (DESIGN §4 rule 5's condition, sent once per stay at stage technoship).
 */
public record RecordedChanges(long firstSeq, long lastSeq, List<ReadyForMeeting> readyForMeeting, Instant at) {

    public RecordedChanges {
        readyForMeeting = List.copyOf(readyForMeeting);
    }

    public boolean hasFeedEntries() {
        return lastSeq >= firstSeq;
    }

    /** A partner an event made engaged or hot, never met, and reaching for the officer. */
    public record ReadyForMeeting(UUID relationshipId, UUID officerId, UUID partnerId, String tier, String stage,
                                 int score, String cause) {
    }
}
