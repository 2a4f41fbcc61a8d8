package io.rapport.server.score;

import io.rapport.server.common.problem.BadRequestException;
import io.rapport.server.common.problem.FieldProblem;
import java.util.List;

/** The change feed's position: `cursor`, or `after`, its older name kept for existing pollers. */
final class FeedCursor {
    private FeedCursor() {
    }

    static String of(String cursor, String after) {
        if (cursor != null && after != null && !cursor.equals(after)) {
            throw new BadRequestException("conflicting_parameters", "Give the feed position as cursor or as after, not both",
                    List.of(new FieldProblem("after", "conflicts with cursor")));
        }
        return cursor != null ? cursor : after;
    }
}
