package io.rapport.server.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModelDraftTest {

    @Test
    void toModel_convertsDaysAndKeepsTheWeights() {
        ScoringModel model = new ScoringModelDraft(Map.of("referral_sent", 40.0), 14, 3.5, 30, 20, 40, 80, 2).toModel(7);

        assertThat(model.version()).isEqualTo(7);
        assertThat(model.halfLife()).isEqualTo(Duration.ofDays(14));
        assertThat(model.shortHalfLife()).isEqualTo(Duration.ofHours(84));
        assertThat(model.weightOf("referral_sent")).isEqualTo(40.0);
        assertThat(model.weightOf("app_opened")).isZero();
    }

    @Test
    void toModel_namesEveryOffendingField() {
        ScoringModelDraft draft = new ScoringModelDraft(Map.of("nope", 1.0, "app_opened", -1.0), 0, 5, 0, 50, 40, 101, 60);

        assertThatThrownBy(() -> draft.toModel(2)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                        "weights.nope", "weights.app_opened", "halfLifeDays", "shortHalfLifeDays", "k", "warmingAt",
                        "hysteresis"));
    }

    @Test
    void eTags_roundTripAndRefuseWhatTheyDidNotIssue() {
        assertThat(ETags.version(ETags.of(12))).isEqualTo(12);
        assertThat(ETags.version("W/\"3\"")).isEqualTo(3);
        assertThatThrownBy(() -> ETags.version(null)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.version("\"x\"")).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(422));
    }
}
