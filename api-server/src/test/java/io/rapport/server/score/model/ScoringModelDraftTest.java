package io.rapport.server.score.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import io.rapport.server.common.web.EntityTags;
import io.rapport.server.score.engine.ScoringModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModelDraftTest {

    @Test
    void toModel_convertsDaysAndKeepsTheWeights() {
        ScoringModel model = new ScoringModelDraft(Map.of("referral_sent", 40.0), null, 14, 3.5, 30, 20, 40, 80, 2)
                .toModel(7);

        assertThat(model.version()).isEqualTo(7);
        assertThat(model.halfLife()).isEqualTo(Duration.ofDays(14));
        assertThat(model.shortHalfLife()).isEqualTo(Duration.ofHours(84));
        assertThat(model.weightOf("referral_sent")).isEqualTo(40.0);
        assertThat(model.weightOf("app_opened")).isZero();
        // no cap given: the default one, app opens once a day
        assertThat(model.dailyCap()).containsExactly("app_opened");
        assertThat(new ScoringModelDraft(Map.of(), List.of(), 14, 3.5, 30, 20, 40, 80, 2).toModel(1).dailyCap())
                .containsExactly("app_opened");
        assertThat(new ScoringModelDraft(Map.of(), List.of("app_opened", "profile_viewed"), 14, 3.5, 30, 20, 40, 80, 2)
                .toModel(1).dailyCap()).containsExactlyInAnyOrder("app_opened", "profile_viewed");
    }

    @Test
    void toModel_namesEveryOffendingField() {
        ScoringModelDraft draft = new ScoringModelDraft(Map.of("nope", 1.0, "app_opened", -1.0),
                Arrays.asList("nope", null), 0, 5, 0, 50, 40, 101, 60);

        assertThatThrownBy(() -> draft.toModel(2)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                        "weights.nope", "weights.app_opened", "dailyCap[0]", "dailyCap[1]", "halfLifeDays", "shortHalfLifeDays", "k", "warmingAt",
                        "hysteresis"));
    }

    @Test
    void modelETags_roundTrip_andAreReadLikeEveryOtherVersionTag() {
        assertThat(EntityTags.requiredVersion(EntityTags.ofVersion(12))).isEqualTo(12);
        assertThatThrownBy(() -> EntityTags.requiredVersion(null)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(428));
        // If-Match compares strongly (RFC 9110 13.1.1): a weak or unreadable tag can never match.
        assertThatThrownBy(() -> EntityTags.requiredVersion("W/\"3\"")).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> EntityTags.requiredVersion("\"x\"")).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status()).isEqualTo(412));
    }
}
