package io.rapport.it.events;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Relationship;
import io.rapport.sdk.model.UsageEvent;
import io.rapport.sdk.model.UsageEventInput;
import io.rapport.sdk.model.UsageEventPage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimelineIT {
    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(new MutableClock(NOW));

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @Test
    void timeline_isNewestFirst_andPagesThroughEveryEventOnce() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        List<UsageEventInput> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two events share each instant: the event id breaks the tie, so pages neither skip nor repeat.
            events.add(anEvent(hoursAgo(i / 2)).pair(officer, partner).input());
        }
        org.client().events().send(events);
        UUID relationshipId = org.client().relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            UsageEventPage page = org.client().events().listForRelationship(relationshipId, 3, cursor, null, null, null);
            page.getItems().forEach(e -> seen.add(e.getEventId()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        List<UUID> expected = events.stream()
                .sorted(Comparator.comparing((UsageEventInput e) -> e.getOccurredAt().toInstant())
                        // PostgreSQL orders uuids bytewise, as their hex text sorts (Java's compareTo is signed).
                        .thenComparing(e -> e.getEventId().toString()).reversed())
                .map(UsageEventInput::getEventId).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void timeline_filtersByTypeAndTimeRange() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        UsageEventInput old = anEvent(hoursAgo(48)).type("content_viewed").pair(officer, partner).input();
        UsageEventInput edge = anEvent(hoursAgo(24)).type("content_viewed").pair(officer, partner).input();
        UsageEventInput recent = anEvent(hoursAgo(1)).type("content_viewed").pair(officer, partner).input();
        UsageEventInput referral = anEvent(hoursAgo(2)).type("referral_sent").pair(officer, partner).input();
        org.client().events().send(List.of(old, edge, recent, referral));
        UUID relationshipId = org.client().relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();

        assertThat(org.client().events().allForRelationship(relationshipId, "referral_sent", null, null))
                .extracting(UsageEvent::getEventId).containsExactly(referral.getEventId());
        assertThat(org.client().events().allForRelationship(relationshipId, "content_viewed", utc(hoursAgo(24)), utc(hoursAgo(1))))
                .extracting(UsageEvent::getEventId).containsExactly(edge.getEventId());
        assertThat(org.client().events().allForRelationship(relationshipId, null, utc(hoursAgo(3)), null))
                .extracting(UsageEvent::getEventId).containsExactly(recent.getEventId(), referral.getEventId());
    }

    @Test
    void partnerTimeline_spansEveryOfficer() {
        TestOrg org = SERVER.newOrg();
        Officer first = anOfficer().create(org.client());
        Officer second = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        Partner other = aPartner().create(org.client());
        UsageEventInput a = anEvent(hoursAgo(3)).pair(first, partner).input();
        UsageEventInput b = anEvent(hoursAgo(2)).pair(second, partner).input();
        UsageEventInput c = anEvent(hoursAgo(1)).pair(first, other).input();
        org.client().events().send(List.of(a, b, c));

        assertThat(org.client().events().allForPartner(partner.getId(), null, null, null))
                .extracting(UsageEvent::getEventId, UsageEvent::getOfficerId)
                .containsExactly(tuple(b.getEventId(), second.getId()),
                        tuple(a.getEventId(), first.getId()));
        assertThat(org.client().relationships().all(null, partner.getId())).extracting(Relationship::getOfficerId)
                .containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(org.client().relationships().all(first.getId(), null)).extracting(Relationship::getPartnerId)
                .containsExactlyInAnyOrder(partner.getId(), other.getId());
    }

    @Test
    void anotherOrganizationsRelationshipOrPartner_isNotFound() {
        TestOrg theirs = SERVER.newOrg();
        Officer officer = anOfficer().create(theirs.client());
        Partner partner = aPartner().create(theirs.client());
        theirs.client().events().send(List.of(anEvent(hoursAgo(1)).pair(officer, partner).input()));
        UUID relationshipId = theirs.client().relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();
        RapportClient mine = SERVER.newOrg().client();

        assertThatThrownBy(() -> mine.events().listForRelationship(relationshipId, null, null, null, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.events().listForPartner(partner.getId(), null, null, null, null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.relationships().get(relationshipId)).isInstanceOf(NotFoundException.class);
        assertThat(mine.relationships().find(officer.getId(), partner.getId())).isEmpty();
        assertThat(theirs.client().events().allForRelationship(relationshipId, null, null, null)).hasSize(1);
    }

    @Test
    void malformedTimeFilter_answers400WithTheParameterNamed() throws Exception {
        TestOrg org = SERVER.newOrg();
        Partner partner = aPartner().create(org.client());

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                SERVER.baseUrl() + "/v1/partners/" + partner.getId() + "/events?from=yesterday"))
                        .header("Authorization", "Bearer " + org.apiKey()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid_parameter\"").contains("\"field\":\"from\"");
        // Readable but beyond what PostgreSQL's timestamptz holds: refused, not a server error.
        assertThatThrownBy(() -> org.client().events().listForPartner(partner.getId(), null, null, null,
                OffsetDateTime.parse("+99999-01-01T00:00:00Z"), null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("from")).isPresent());
        String farCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("99999999999999.0:" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> org.client().events().listForPartner(partner.getId(), 10, farCursor, null, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("cursor")).isPresent());
    }

    @Test
    void aCursorThisApiDidNotIssue_isRejected() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        org.client().events().send(List.of(anEvent(hoursAgo(1)).pair(officer, partner).input()));
        UUID relationshipId = org.client().relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();

        assertThatThrownBy(() -> org.client().events().listForRelationship(relationshipId, 10, "bm90LWEtY3Vyc29y", null, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("cursor")).isPresent());
    }
}
