package io.rapport.server.score.read;

import io.rapport.server.score.write.ScoreRow;
import org.jdbi.v3.core.mapper.Nested;

/** A score row with the partner fields the ranked list shows. */
public record RankedScore(@Nested ScoreRow score, String partnerName, String partnerType) {
}
