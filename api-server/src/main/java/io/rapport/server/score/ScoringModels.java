package io.rapport.server.score;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The scoring model an organization scores with. Every organization uses the DESIGN §4 defaults
 * until editable, versioned models land ({@code GET/PUT /v1/scoring-model}); callers already ask per
 * organization and inside their transaction so that change stays in this class.
 */
public class ScoringModels {
    private static final ScoringModel DEFAULTS = ScoringModel.defaults();

    public ScoringModel current(Handle handle, UUID orgId) {
        return DEFAULTS;
    }
}
