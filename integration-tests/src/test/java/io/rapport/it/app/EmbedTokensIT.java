package io.rapport.it.app;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.EmbedToken;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.ScoredPartner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbedTokensIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    /** An officer with one partner in use, and another officer of the same org with a partner of their own. */
    private record World(TestOrg org, Officer officer, Partner partner, UUID relationshipId, Officer other,
                         UUID otherRelationshipId) {
        RapportClient embed() {
            return SERVER.client(org.client().embeds().createToken(officer.getId()).getToken());
        }
    }

    private static World world() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Officer other = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        Partner otherPartner = aPartner().create(org.client());
        org.client().events().send(List.of(
                anEvent(CLOCK.instant()).type("content_viewed").pair(officer, partner).input(),
                anEvent(CLOCK.instant()).type("content_viewed").pair(other, otherPartner).input()));
        UUID mine = org.client().scores().rankedPartners(officer.getId(), null, null, null, null, null, null)
                .getItems().get(0).getRelationshipId();
        UUID theirs = org.client().scores().rankedPartners(other.getId(), null, null, null, null, null, null)
                .getItems().get(0).getRelationshipId();
        return new World(org, officer, partner, mine, other, theirs);
    }

    private static void assertProblem(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RapportApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void createToken_lastsFifteenMinutesByDefault_andPointsAtTheScoreCard() {
        World w = world();

        EmbedToken token = w.org().client().embeds().createToken(w.officer().getId());

        assertThat(token.getExpiresAt().toInstant()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(15)));
        assertThat(token.getToken()).startsWith("ret_");
        assertThat(token.getPath()).isEqualTo("/embed/officer?org=" + w.org().orgId() + "#token=" + token.getToken());
    }

    @Test
    void createToken_refusesMoreThanTwelveHours_andAnotherOrgsOfficer() {
        World w = world();

        assertThat(w.org().client().embeds().createToken(w.officer().getId(), Duration.ofHours(12)).getExpiresAt()
                .toInstant()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(12)));
        assertProblem(() -> w.org().client().embeds().createToken(w.officer().getId(), Duration.ofHours(13)),
                422, "validation_failed");
        assertProblem(() -> SERVER.newOrg().client().embeds().createToken(w.officer().getId()), 422, "validation_failed");
    }

    @Test
    void token_readsItsOfficersRankedPartners_scoreAndHistory_andOfficerCard() {
        World w = world();
        RapportClient embed = w.embed();

        List<ScoredPartner> ranked = embed.scores().rankedPartners(w.officer().getId(), null, null, null, null, null, null)
                .getItems();

        assertThat(ranked).extracting(ScoredPartner::getRelationshipId).containsExactly(w.relationshipId());
        assertThat(embed.scores().forRelationship(w.relationshipId()).getScore()).isPositive();
        assertThat(embed.scores().history(w.relationshipId(), 90).getDays()).isNotEmpty();
        assertThat(embed.officers().get(w.officer().getId()).getDisplayName()).isEqualTo(w.officer().getDisplayName());
    }

    @Test
    void token_neverReachesAnotherOfficer_andNothingBeyondItsOperations() {
        World w = world();
        RapportClient embed = w.embed();

        assertProblem(() -> embed.scores().rankedPartners(w.other().getId(), null, null, null, null, null, null), 404, "not_found");
        assertProblem(() -> embed.scores().forRelationship(w.otherRelationshipId()), 404, "not_found");
        assertProblem(() -> embed.scores().history(w.otherRelationshipId(), 90), 404, "not_found");
        assertProblem(() -> embed.officers().get(w.other().getId()), 404, "not_found");
        assertProblem(() -> embed.partners().get(w.partner().getId()), 403, "missing_scope");
        assertProblem(() -> embed.scores().changes(null, null), 403, "missing_scope");
    }

    @Test
    void token_sendsOnlyItsOfficersTouches() {
        World w = world();
        RapportClient embed = w.embed();

        EventBatchResult result = embed.events().send(List.of(
                anEvent(CLOCK.instant()).type("note_sent").partnerId(w.partner().getId()).input(),
                anEvent(CLOCK.instant()).type("meeting_logged").property("kind", "coffee").partnerId(w.partner().getId()).input(),
                anEvent(CLOCK.instant()).type("referral_sent").partnerId(w.partner().getId()).input()));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getRejected()).extracting(EventRejection::getCode).containsExactly("event_type_not_allowed");
        assertThat(w.org().client().events().allForRelationship(w.relationshipId(), "note_sent", null, null)).hasSize(1);
        assertProblem(() -> embed.events().send(List.of(anEvent(CLOCK.instant()).type("note_sent")
                .pair(w.other(), w.partner()).input())), 403, "embed_officer_mismatch");
    }

    @Test
    void expiredOrForgedToken_isRefusedWithItsOwnCode() {
        World w = world();
        String token = w.org().client().embeds().createToken(w.officer().getId()).getToken();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertProblem(() -> SERVER.client(forged).scores().forRelationship(w.relationshipId()), 401, "invalid_credentials");
        CLOCK.advance(Duration.ofMinutes(15));
        try {
            assertProblem(() -> SERVER.client(token).scores().forRelationship(w.relationshipId()), 401, "embed_token_expired");
        } finally {
            CLOCK.advance(Duration.ofMinutes(-15));
        }
    }

    @Test
    void scoreCardPage_mayBeFramedOnlyByTheOrganizationsOrigins() throws Exception {
        World w = world();
        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create(SERVER.baseUrl() + "/embed/officer?org=" + w.org().orgId());

        String before = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Content-Security-Policy").orElseThrow();
        w.org().client().embeds().setFrameAncestors(List.of("https://crm.example.com", "https://*.lender.example"));
        String after = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(before).endsWith("frame-ancestors 'self'");
        assertThat(after).endsWith("frame-ancestors 'self' https://crm.example.com https://*.lender.example");
        assertThat(w.org().client().embeds().frameAncestors())
                .containsExactly("https://crm.example.com", "https://*.lender.example");
        assertProblem(() -> w.org().client().embeds().setFrameAncestors(List.of("https://ok.example", "javascript:alert(1)")),
                422, "validation_failed");
    }
}
