package io.rapport.it.events;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.EventBatch;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Relationship;
import io.rapport.sdk.model.UsageEvent;
import io.rapport.sdk.model.UsageEventInput;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventsIT {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    private record Pair(TestOrg org, Officer officer, Partner partner) {
        RapportClient client() {
            return org.client();
        }

        UUID relationshipId() {
            return client().relationships().find(officer.getId(), partner.getId()).orElseThrow().getId();
        }

        List<UsageEvent> timeline() {
            return client().events().allForRelationship(relationshipId(), null, null, null).toList();
        }
    }

    private static Pair newPair() {
        TestOrg org = SERVER.newOrg();
        return new Pair(org, anOfficer().externalId("lo-" + UUID.randomUUID()).create(org.client()),
                aPartner().externalId("p-" + UUID.randomUUID()).create(org.client()));
    }

    /** Plain HTTP: the SDK would fill in the missing eventId and occurredAt this batch must carry to the server. */
    private static EventBatchResult sendAsGiven(Pair pair, List<UsageEventInput> batch) throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        HttpResponse<String> response = new RawHttp(SERVER.baseUrl(), pair.org().apiKey())
                .postJson("/v1/events", json.writeValueAsString(new EventBatch().events(batch)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), EventBatchResult.class);
    }

    private static Instant now() {
        return CLOCK.instant();
    }

    @Test
    void send_storesEvents_createsTheRelationship_andTheTimelineShowsThem() {
        Pair pair = newPair();
        assertThat(pair.client().relationships().find(pair.officer().getId(), pair.partner().getId())).isEmpty();
        UsageEventInput opened = anEvent(now().minusSeconds(60)).pair(pair.officer(), pair.partner()).input();
        UsageEventInput shared = anEvent(now().minusSeconds(30)).type("content_shared").pair(pair.officer(), pair.partner())
                .property("channel", "sms").property("count", 3).property("first", true).input();

        EventBatchResult result = pair.client().events().send(List.of(opened, shared));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getDuplicates()).isZero();
        assertThat(result.getRejected()).isEmpty();
        Relationship relationship = pair.client().relationships().find(pair.officer().getId(), pair.partner().getId())
                .orElseThrow();
        assertThat(pair.client().relationships().get(relationship.getId())).isEqualTo(relationship);
        List<UsageEvent> timeline = pair.timeline();
        assertThat(timeline).extracting(UsageEvent::getEventId).containsExactly(shared.getEventId(), opened.getEventId());
        UsageEvent first = timeline.get(0);
        assertThat(first.getType()).isEqualTo("content_shared");
        assertThat(first.getOccurredAt().toInstant()).isEqualTo(now().minusSeconds(30));
        assertThat(first.getReceivedAt().toInstant()).isEqualTo(now());
        assertThat(first.getRelationshipId()).isEqualTo(relationship.getId());
        assertThat(first.getOfficerId()).isEqualTo(pair.officer().getId());
        assertThat(first.getPartnerId()).isEqualTo(pair.partner().getId());
        assertThat(first.getProperties()).containsEntry("channel", "sms").containsEntry("count", 3).containsEntry("first", true);
        assertThat(timeline.get(1).getProperties()).isNullOrEmpty();
    }

    @Test
    void send_byExternalIds_resolvesTheSameRelationship() {
        Pair pair = newPair();
        pair.client().events().send(List.of(anEvent(now()).pair(pair.officer(), pair.partner()).input()));

        EventBatchResult result = pair.client().events().send(List.of(anEvent(now())
                .officerExternalId(pair.officer().getExternalId()).partnerExternalId(pair.partner().getExternalId()).input()));

        assertThat(result.getAccepted()).isEqualTo(1);
        assertThat(pair.client().relationships().all(pair.officer().getId(), null)).hasSize(1);
        assertThat(pair.timeline()).hasSize(2);
    }

    @Test
    void send_aBatchMixingKnownAndNewPairs_createsOnlyTheNewRelationships_andFilesEachEventUnderItsOwn() {
        Pair pair = newPair();
        Officer officer = pair.officer();
        // Quotes, backslashes, braces, commas and the word NULL: all must survive being sent as array elements.
        Partner second = aPartner().externalId("NULL \"p\" \\ {a,b} " + UUID.randomUUID()).create(pair.client());
        Partner third = aPartner().create(pair.client());
        pair.client().events().send(List.of(anEvent(now()).pair(officer, pair.partner()).input()));
        UUID known = pair.relationshipId();
        UsageEventInput knownByIds = anEvent(now()).pair(officer, pair.partner()).input();
        UsageEventInput knownByExternalIds = anEvent(now()).officerExternalId(officer.getExternalId())
                .partnerExternalId(pair.partner().getExternalId()).input();
        UsageEventInput secondByExternalId = anEvent(now()).officerId(officer.getId())
                .partnerExternalId(second.getExternalId()).input();
        UsageEventInput third1 = anEvent(now()).pair(officer, third).input();
        UsageEventInput third2 = anEvent(now()).officerExternalId(officer.getExternalId()).partnerId(third.getId()).input();

        EventBatchResult result = pair.client().events().send(
                List.of(knownByIds, secondByExternalId, third1, knownByExternalIds, third2));

        assertThat(result.getAccepted()).isEqualTo(5);
        assertThat(pair.client().relationships().all(officer.getId(), null)).extracting(Relationship::getPartnerId)
                .containsExactlyInAnyOrder(pair.partner().getId(), second.getId(), third.getId());
        assertThat(pair.relationshipId()).isEqualTo(known);
        assertThat(pair.timeline()).extracting(UsageEvent::getEventId)
                .contains(knownByIds.getEventId(), knownByExternalIds.getEventId()).hasSize(3);
        UUID secondId = pair.client().relationships().find(officer.getId(), second.getId()).orElseThrow().getId();
        UUID thirdId = pair.client().relationships().find(officer.getId(), third.getId()).orElseThrow().getId();
        assertThat(pair.client().events().allForRelationship(secondId, null, null, null).toList())
                .extracting(UsageEvent::getEventId, UsageEvent::getPartnerId)
                .containsExactly(tuple(secondByExternalId.getEventId(), second.getId()));
        assertThat(pair.client().events().allForRelationship(thirdId, null, null, null).toList())
                .extracting(UsageEvent::getEventId).containsExactlyInAnyOrder(third1.getEventId(), third2.getEventId());
    }

    @Test
    void ingest_whenEventIdRepeatsWithinABatch_storesItOnce_andReportsTheRepeatAsDuplicate() {
        Pair pair = newPair();
        UsageEventInput event = anEvent(now()).pair(pair.officer(), pair.partner()).input();
        UsageEventInput other = anEvent(now()).pair(pair.officer(), pair.partner()).input();

        EventBatchResult result = pair.client().events().send(List.of(event, other, event));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getDuplicates()).isEqualTo(1);
        assertThat(pair.timeline()).extracting(UsageEvent::getEventId)
                .containsExactlyInAnyOrder(event.getEventId(), other.getEventId());
    }

    @Test
    void ingest_aMixedBatch_namesExactlyTheDuplicates_andTheStoredIds() {
        Pair pair = newPair();
        UsageEventInput stored = anEvent(now().minusSeconds(10)).pair(pair.officer(), pair.partner()).input();
        UsageEventInput alsoStored = anEvent(now().minusSeconds(9)).pair(pair.officer(), pair.partner()).input();
        pair.client().events().send(List.of(stored, alsoStored));
        UsageEventInput fresh = anEvent(now()).pair(pair.officer(), pair.partner()).input();
        UsageEventInput refused = anEvent(now()).type("no_such_type").pair(pair.officer(), pair.partner()).input();
        UsageEventInput other = anEvent(now()).pair(pair.officer(), pair.partner()).input();

        EventBatchResult result = pair.client().events().send(List.of(stored, fresh, refused, alsoStored, other, fresh));

        assertThat(result.getAcceptedEventIds()).containsExactly(fresh.getEventId(), other.getEventId());
        assertThat(result.getDuplicateEventIds())
                .containsExactly(stored.getEventId(), alsoStored.getEventId(), fresh.getEventId());
        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getDuplicates()).isEqualTo(3);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex).containsExactly(2);
    }

    @Test
    void ingest_whenEventIdRepeatsInALaterBatch_reportsDuplicate_andChangesNothing() {
        Pair pair = newPair();
        UsageEventInput event = anEvent(now().minusSeconds(5)).pair(pair.officer(), pair.partner()).input();
        pair.client().events().send(List.of(event));
        CLOCK.advance(Duration.ofDays(40));

        // Same id, different content: still the first one stored, forever.
        UsageEventInput repeat = anEvent(now()).id(event.getEventId()).type("referral_sent")
                .pair(pair.officer(), pair.partner()).input();
        EventBatchResult result = pair.client().events().send(List.of(repeat));

        assertThat(result.getAccepted()).isZero();
        assertThat(result.getDuplicates()).isEqualTo(1);
        assertThat(pair.timeline()).singleElement().satisfies(stored -> {
            assertThat(stored.getType()).isEqualTo("app_opened");
            assertThat(stored.getOccurredAt().toInstant()).isEqualTo(event.getOccurredAt().toInstant());
        });
    }

    @Test
    void everyRejectionCode_rejectsOnlyItsEvent_andValidNeighboursAreAccepted() throws Exception {
        Pair pair = newPair();
        RapportClient client = pair.client();
        Officer retired = anOfficer().active(false).create(client);
        Partner gone = aPartner().active(false).create(client);
        Partner elsewhere = aPartner().create(SERVER.newOrg().client());
        List<UsageEventInput> batch = new ArrayList<>();
        batch.add(valid(pair));                                                                       // 0
        batch.add(anEvent(now()).id(null).pair(pair.officer(), pair.partner()).input());              // 1
        batch.add(anEvent(now()).type(null).pair(pair.officer(), pair.partner()).input());            // 2
        batch.add(anEvent(now()).type("app_crashed").pair(pair.officer(), pair.partner()).input());   // 3
        batch.add(anEvent(null).pair(pair.officer(), pair.partner()).input());                        // 4
        batch.add(anEvent(now().plus(Duration.ofMinutes(6))).pair(pair.officer(), pair.partner()).input()); // 5
        batch.add(anEvent(now().minus(Duration.ofDays(731))).pair(pair.officer(), pair.partner()).input()); // 6
        batch.add(anEvent(now()).partnerId(pair.partner().getId()).input());                          // 7
        batch.add(anEvent(now()).pair(pair.officer(), pair.partner())
                .officerExternalId(pair.officer().getExternalId()).input());                          // 8
        batch.add(anEvent(now()).officerId(UUID.randomUUID()).partnerId(pair.partner().getId()).input()); // 9
        batch.add(anEvent(now()).officerId(pair.officer().getId()).partnerExternalId("nobody").input()); // 10
        batch.add(anEvent(now()).officerId(retired.getId()).partnerId(pair.partner().getId()).input());  // 11
        batch.add(anEvent(now()).officerId(pair.officer().getId()).partnerId(gone.getId()).input());     // 12
        batch.add(anEvent(now()).pair(pair.officer(), pair.partner()).property("nested", Map.of("a", 1)).input()); // 13
        batch.add(anEvent(now()).pair(pair.officer(), pair.partner()).property("blob", "x".repeat(8200)).input()); // 14
        batch.add(anEvent(now()).pair(pair.officer(), pair.partner()).property("blob", "x".repeat(40_000)).input()); // 15
        batch.add(anEvent(now()).officerId(pair.officer().getId()).partnerId(elsewhere.getId()).input()); // 16
        batch.add(anEvent(now()).pair(pair.officer(), pair.partner()).property("list", List.of(1, 2)).input()); // 17
        batch.add(valid(pair));                                                                       // 18

        EventBatchResult result = sendAsGiven(pair, batch);

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getDuplicates()).isZero();
        assertThat(result.getRejected())
                .extracting(EventRejection::getIndex, EventRejection::getCode, EventRejection::getField)
                .containsExactly(
                        tuple(1, "missing_field", "eventId"),
                        tuple(2, "missing_field", "type"),
                        tuple(3, "unknown_event_type", "type"),
                        tuple(4, "missing_field", "occurredAt"),
                        tuple(5, "occurred_in_future", "occurredAt"),
                        tuple(6, "occurred_too_long_ago", "occurredAt"),
                        tuple(7, "missing_field", "officerId"),
                        tuple(8, "conflicting_fields", "officerExternalId"),
                        tuple(9, "officer_not_found", "officerId"),
                        tuple(10, "partner_not_found", "partnerExternalId"),
                        tuple(11, "officer_deactivated", "officerId"),
                        tuple(12, "partner_deactivated", "partnerId"),
                        tuple(13, "properties_not_flat", "properties.nested"),
                        tuple(14, "properties_too_large", "properties"),
                        tuple(15, "event_too_large", "event"),
                        tuple(16, "partner_not_found", "partnerId"),
                        tuple(17, "properties_not_flat", "properties.list"));
        assertThat(result.getRejected()).allSatisfy(r -> assertThat(r.getMessage()).isNotBlank());
        assertThat(result.getRejected().get(2).getEventId()).isEqualTo(batch.get(3).getEventId());
        assertThat(pair.timeline()).extracting(UsageEvent::getEventId)
                .containsExactlyInAnyOrder(batch.get(0).getEventId(), batch.get(18).getEventId());
        assertThat(client.relationships().all(null, null)).hasSize(1);
    }

    @Test
    void unstorableOrNullEvents_areRejectedOneByOne_neverAsAServerError() throws Exception {
        Pair pair = newPair();
        EventBatchResult result = pair.client().events().send(List.of(
                anEvent(now()).pair(pair.officer(), pair.partner()).property("note", "nul\0inside").input(),
                anEvent(now()).officerExternalId("lo\0").partnerId(pair.partner().getId()).input(),
                valid(pair)));

        assertThat(result.getAccepted()).isEqualTo(1);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex, EventRejection::getCode, EventRejection::getField)
                .containsExactly(tuple(0, "invalid_character", "properties.note"),
                        tuple(1, "invalid_character", "officerExternalId"));

        String valid = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"app_opened\",\"occurredAt\":\""
                + now() + "\",\"officerId\":\"" + pair.officer().getId() + "\",\"partnerId\":\"" + pair.partner().getId() + "\"}";
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVER.baseUrl() + "/v1/events"))
                        .header("Authorization", "Bearer " + pair.org().apiKey())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":[null," + valid + "]}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":1").contains("\"index\":0").contains("\"code\":\"missing_field\"");
        assertThat(pair.timeline()).hasSize(2);
    }

    @Test
    void timeWindow_isFiveMinutesAheadAndTwoYearsBack() {
        Pair pair = newPair();
        EventBatchResult result = pair.client().events().send(List.of(
                anEvent(now().plus(Duration.ofMinutes(5))).pair(pair.officer(), pair.partner()).input(),
                anEvent(now().plus(Duration.ofMinutes(5)).plusMillis(1)).pair(pair.officer(), pair.partner()).input(),
                anEvent(now().atOffset(ZoneOffset.UTC).minusYears(2).toInstant()).pair(pair.officer(), pair.partner()).input(),
                anEvent(now().atOffset(ZoneOffset.UTC).minusYears(2).toInstant().minusMillis(1))
                        .pair(pair.officer(), pair.partner()).input()));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex, EventRejection::getCode)
                .containsExactly(tuple(1, "occurred_in_future"), tuple(3, "occurred_too_long_ago"));
    }

    @Test
    void sentAt_correctsTheClientsClockSkew() {
        Pair pair = newPair();
        // The device's clock is two hours ahead: uncorrected, the event would lie in the future.
        Instant deviceNow = now().plus(Duration.ofHours(2));
        UsageEventInput event = anEvent(deviceNow.minus(Duration.ofMinutes(10))).pair(pair.officer(), pair.partner()).input();
        UsageEventInput tooEarly = anEvent(deviceNow.plus(Duration.ofMinutes(6))).pair(pair.officer(), pair.partner()).input();

        EventBatchResult result = pair.client().events().send(new EventBatch()
                .sentAt(OffsetDateTime.ofInstant(deviceNow, ZoneOffset.UTC)).events(List.of(event, tooEarly)));

        assertThat(result.getAccepted()).isEqualTo(1);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex, EventRejection::getCode)
                .containsExactly(tuple(1, "occurred_in_future"));
        assertThat(pair.timeline()).singleElement().satisfies(stored ->
                assertThat(stored.getOccurredAt().toInstant()).isEqualTo(now().minus(Duration.ofMinutes(10))));
    }

    @Test
    void batchOf500_isAccepted_and501_isRefusedAsAWhole() {
        Pair pair = newPair();
        List<UsageEventInput> events = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            events.add(anEvent(now().minusMillis(i)).pair(pair.officer(), pair.partner()).input());
        }

        assertThatThrownBy(() -> pair.client().events().send(events))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fieldError("events")).isPresent();
                });
        assertThat(pair.client().relationships().find(pair.officer().getId(), pair.partner().getId())).isEmpty();

        EventBatchResult result = pair.client().events().send(events.subList(0, 500));
        assertThat(result.getAccepted()).isEqualTo(500);
        assertThat(pair.timeline()).hasSize(500);
    }

    @Test
    void emptyBatch_isRefused() {
        Pair pair = newPair();
        assertThatThrownBy(() -> pair.client().events().send(List.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("events")).isPresent());
    }

    @Test
    void bodyOverOneMebibyte_answers413WithAProblem() {
        Pair pair = newPair();
        List<UsageEventInput> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(anEvent(now()).pair(pair.officer(), pair.partner()).property("note", "y".repeat(6000)).input());
        }

        assertThatThrownBy(() -> pair.client().events().send(events))
                .isInstanceOfSatisfying(RapportApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo("payload_too_large");
                });
        assertThat(pair.client().relationships().find(pair.officer().getId(), pair.partner().getId())).isEmpty();
        // Just under the limit is fine.
        assertThat(pair.client().events().send(events.subList(0, 150)).getAccepted()).isEqualTo(150);
    }

    @Test
    void chunkedBodyOverOneMebibyte_answers413WithAProblem_whileReading() throws Exception {
        TestOrg org = SERVER.newOrg();
        byte[] body = ("{\"events\":[{\"type\":\"app_opened\",\"properties\":{\"pad\":\""
                + "z".repeat(1_100_000) + "\"}}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(SERVER.baseUrl() + "/v1/events"))
                .header("Authorization", "Bearer " + org.apiKey())
                .header("Content-Type", "application/json")
                // An InputStream publisher has no known length: the body goes chunked, without Content-Length.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
    }

    @Test
    void otherTenantsOfficerOrPartner_isRejectedForThatEventOnly() {
        Pair mine = newPair();
        Pair theirs = newPair();

        EventBatchResult result = mine.client().events().send(List.of(
                anEvent(now()).officerId(theirs.officer().getId()).partnerId(mine.partner().getId()).input(),
                anEvent(now()).officerId(mine.officer().getId()).partnerExternalId(theirs.partner().getExternalId()).input(),
                valid(mine)));

        assertThat(result.getAccepted()).isEqualTo(1);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex, EventRejection::getCode)
                .containsExactly(tuple(0, "officer_not_found"), tuple(1, "partner_not_found"));
        assertThat(theirs.client().relationships().all(null, null)).isEmpty();
    }

    @Test
    void eventsAfterDeactivation_areRejected_butEarlierOnesStay() {
        Pair pair = newPair();
        pair.client().events().send(List.of(valid(pair)));
        pair.client().officers().update(pair.officer().getId(),
                anOfficer().externalId(pair.officer().getExternalId()).active(false).input());

        EventBatchResult result = pair.client().events().send(List.of(valid(pair)));

        assertThat(result.getAccepted()).isZero();
        assertThat(result.getRejected()).extracting(EventRejection::getCode).containsExactly("officer_deactivated");
        assertThat(pair.timeline()).hasSize(1);
    }

    @Test
    void sdkEventTypes_areExactlyTheServersCatalogue() throws Exception {
        java.util.Set<Object> sdk = new java.util.HashSet<>();
        for (java.lang.reflect.Field field : io.rapport.sdk.EventTypes.class.getFields()) {
            sdk.add(field.get(null));
        }
        assertThat(sdk).isEqualTo(io.rapport.server.event.EventTypes.ALL);
    }

    private static UsageEventInput valid(Pair pair) {
        return anEvent(now().truncatedTo(ChronoUnit.SECONDS)).pair(pair.officer(), pair.partner()).input();
    }
}
