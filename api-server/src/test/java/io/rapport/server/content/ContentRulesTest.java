package io.rapport.server.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentRulesTest {
    private static final Instant T = Instant.parse("2026-11-25T08:00:00Z");

    private static ContentDraft draft(String kind, String url, String body, String parameters, Instant from, Instant to) {
        return new ContentDraft(kind, "Title", null, body, url, null, parameters, from, to, null, List.of());
    }

    @Test
    void validItemsOfEachShape_pass() {
        assertThatCode(() -> ContentRules.check(draft("article", null, "text", null, null, null))).doesNotThrowAnyException();
        assertThatCode(() -> ContentRules.check(draft("video", "https://v.example/1", null, null, T, T.plusSeconds(1))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ContentRules.check(draft("calculator", null, null, "{\"rate\":6.5}", null, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ContentRules.check(draft("checklist", null, null, null, null, null))).doesNotThrowAnyException();
    }

    @Test
    void linksMustBeAbsoluteHttp() {
        assertFields(draft("article", "javascript:alert(1)", "x", null, null, null), "url");
        assertFields(draft("article", "ftp://files.example/a", "x", null, null, null), "url");
        assertFields(draft("article", "https://", "x", null, null, null), "url");
        assertFields(new ContentDraft("article", "T", null, "x", null, "//cdn.example/a.png", null, null, null, null,
                List.of()), "imageUrl");
    }

    @Test
    void eachKindGetsWhatItNeeds() {
        assertFields(draft("article", null, null, null, null, null), "body");
        assertFields(draft("video", null, null, null, null, null), "url");
        assertFields(draft("cobranded_flyer", null, null, null, null, null), "url");
        assertFields(draft("calculator", null, null, null, null, null), "parameters");
        assertFields(draft("rate_update", null, null, "{\"a\":1}", null, null), "parameters");
    }

    @Test
    void parametersAreBounded_andTheWindowMustBeAWindow() {
        String big = "{\"notes\":\"" + "x".repeat(ContentRules.MAX_PARAMETERS_BYTES) + "\"}";
        assertFields(draft("calculator", null, null, big, null, null), "parameters");
        assertFields(draft("article", null, "x", null, T, T), "expireAt");
        assertFields(draft("article", null, "x", null, T, T.minusSeconds(1)), "expireAt");
    }

    private static void assertFields(ContentDraft draft, String... fields) {
        assertThatThrownBy(() -> ContentRules.check(draft))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly(fields));
    }
}
