package io.rapport.server.score.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.server.score.engine.ScoringModel;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoringModelsTest {
    private static final UUID ORG = UUID.fromString("01a21200-0000-7000-8000-000000000001");
    private static final UUID OTHER_ORG = UUID.fromString("01a21200-0000-7000-8000-000000000002");

    @Test
    void anEqualRow_reusesTheParsedModel() {
        ScoringModels models = new ScoringModels();
        ScoringModel first = models.parsed(ORG, row(2, "{\"app_opened\": 3.0}", 20.0));

        assertThat(models.parsed(ORG, row(2, "{\"app_opened\": 3.0}", 20.0))).isSameAs(first);
        assertThat(models.lastWeights(ORG)).isEqualTo("{\"app_opened\": 3.0}");
        assertThat(models.lastWeights(OTHER_ORG)).isNull();
    }

    @Test
    void aRowDifferingInAnyColumn_isParsedAgain_evenAtTheSameVersion() {
        ScoringModels models = new ScoringModels();
        models.parsed(ORG, row(2, "{\"app_opened\": 3.0}", 20.0));

        // the same version with other content: e.g. read inside a change that was then rolled back
        assertThat(models.parsed(ORG, row(2, "{\"app_opened\": 7.0}", 20.0)).weightOf("app_opened")).isEqualTo(7.0);
        assertThat(models.parsed(ORG, row(2, "{\"app_opened\": 7.0}", 40.0)).k()).isEqualTo(40.0);
        assertThat(models.parsed(ORG, row(3, "{\"app_opened\": 7.0}", 40.0)).version()).isEqualTo(3);
    }

    @Test
    void eachOrganization_keepsItsOwnModel() {
        ScoringModels models = new ScoringModels();
        models.parsed(ORG, row(2, "{\"app_opened\": 3.0}", 20.0));
        models.parsed(OTHER_ORG, row(2, "{\"app_opened\": 9.0}", 20.0));

        assertThat(models.parsed(ORG, row(2, "{\"app_opened\": 3.0}", 20.0)).weightOf("app_opened")).isEqualTo(3.0);
        assertThat(models.lastWeights(OTHER_ORG)).isEqualTo("{\"app_opened\": 9.0}");
    }

    private static StoredModel row(int version, String weights, double k) {
        return new StoredModel(version, weights, "[\"app_opened\"]", 21 * 86_400.0, 7 * 86_400.0, k, 25, 50, 75, 3);
    }
}
