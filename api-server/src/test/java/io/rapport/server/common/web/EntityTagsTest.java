package io.rapport.server.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.ApiProblemException;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void requiredVersion_readsTheQuotedVersion() {
        assertThat(EntityTags.requiredVersion("\"7\"")).isEqualTo(7);
        assertThat(EntityTags.requiredVersion(" \"12\" ")).isEqualTo(12);
    }

    @Test
    void requiredVersion_whenAbsent_isPreconditionRequired() {
        assertProblem(null, 428, "if_match_required");
        assertProblem(" ", 428, "if_match_required");
    }

    @Test
    void requiredVersion_whenNoVersionOfOurs_isPreconditionFailed() {
        assertProblem("*", 412, "version_mismatch");
        assertProblem("W/\"3\"", 412, "version_mismatch");
        assertProblem("3", 412, "version_mismatch");
        assertProblem("\"abc\"", 412, "version_mismatch");
    }

    @Test
    void noneMatchHits_comparesWeakly_acrossAList() {
        assertThat(EntityTags.noneMatchHits("\"a\", W/\"b\"", "\"b\"")).isTrue();
        assertThat(EntityTags.noneMatchHits("\"a\"", "\"a\"")).isTrue();
        assertThat(EntityTags.noneMatchHits("*", "\"a\"")).isTrue();
        assertThat(EntityTags.noneMatchHits("\"a\"", "\"b\"")).isFalse();
        assertThat(EntityTags.noneMatchHits(null, "\"b\"")).isFalse();
    }

    private static void assertProblem(String header, int status, String code) {
        assertThatThrownBy(() -> EntityTags.requiredVersion(header))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
