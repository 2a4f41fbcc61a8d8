package io.rapport.it.content;

import static io.rapport.it.support.Fixtures.aBranch;
import static io.rapport.it.support.Fixtures.aContentItem;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.ConflictException;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ContentAudience;
import io.rapport.sdk.model.ContentInput;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.ContentKind;
import io.rapport.sdk.model.ContentPage;
import io.rapport.sdk.model.ContentStatus;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContentIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();
    private static final OffsetDateTime JAN = OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void create_thenGet_returnsADraftAtVersionOne_withEveryField() {
        RapportClient client = SERVER.newOrg().client();
        UUID branch = aBranch(client).getId();
        ContentItem created = aContentItem().calculator().title("Payment calculator").tags("tools", "buyers")
                .window(JAN, JAN.plusMonths(1))
                .audience(new ContentAudience().partnerTypes(Set.of(PartnerType.REALTOR)).branchIds(Set.of(branch)))
                .create(client);

        ContentItem fetched = client.content().get(created.getId());

        assertThat(fetched).isEqualTo(created);
        assertThat(fetched.getKind()).isEqualTo(ContentKind.CALCULATOR);
        assertThat(fetched.getStatus()).isEqualTo(ContentStatus.DRAFT);
        assertThat(fetched.getVersion()).isEqualTo(1);
        assertThat(fetched.getParameters()).containsEntry("type", "payment").containsEntry("ratePercent", 6.5)
                .containsEntry("termYears", 30);
        assertThat(fetched.getTags()).containsExactly("tools", "buyers");
        assertThat(fetched.getAudience().getPartnerTypes()).containsExactly(PartnerType.REALTOR);
        assertThat(fetched.getAudience().getBranchIds()).containsExactly(branch);
        assertThat(fetched.getAudience().getOfficerIds()).isEmpty();
        assertThat(fetched.getPublishAt()).isEqualTo(JAN);
        assertThat(fetched.getExpireAt()).isEqualTo(JAN.plusMonths(1));
    }

    @Test
    void get_sendsTheVersionAsAStrongEtag() throws Exception {
        TestOrg org = SERVER.newOrg();
        ContentItem item = aContentItem().create(org.client());
        ContentItem updated = org.client().content().update(item, aContentItem().title("Renamed").input());

        HttpResponse<String> response = raw(org, "GET", "/v1/content/" + item.getId(), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + updated.getVersion() + "\"");
        assertThat(updated.getVersion()).isEqualTo(2);
    }

    @Test
    void update_withTheCurrentVersion_replacesEveryField() {
        RapportClient client = SERVER.newOrg().client();
        ContentItem item = aContentItem().tags("old").create(client);

        ContentItem updated = client.content().update(item.getId(), item.getVersion(),
                new ContentInput().kind(ContentKind.VIDEO).title("Staging in 90 seconds").url("https://video.example/v/1"));

        assertThat(updated.getKind()).isEqualTo(ContentKind.VIDEO);
        assertThat(updated.getTitle()).isEqualTo("Staging in 90 seconds");
        assertThat(updated.getSummary()).isNull();
        assertThat(updated.getTags()).isEmpty();
        assertThat(updated.getVersion()).isEqualTo(item.getVersion() + 1);
        assertThat(client.content().get(item.getId())).isEqualTo(updated);
    }

    @Test
    void update_fromAStaleVersion_isAPreconditionFailure_andChangesNothing() {
        RapportClient client = SERVER.newOrg().client();
        ContentItem seenByBoth = aContentItem().create(client);
        ContentItem first = client.content().update(seenByBoth, aContentItem().title("First editor").input());

        assertThatThrownBy(() -> client.content().update(seenByBoth, aContentItem().title("Second editor").input()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.code()).isEqualTo("version_mismatch");
                });
        assertThat(client.content().get(seenByBoth.getId())).isEqualTo(first);
    }

    @Test
    void changes_withoutIfMatch_arePreconditionRequired() throws Exception {
        TestOrg org = SERVER.newOrg();
        ContentItem item = aContentItem().create(org.client());
        String body = "{\"kind\":\"article\",\"title\":\"No If-Match\",\"body\":\"text\"}";

        HttpResponse<String> update = raw(org, "PUT", "/v1/content/" + item.getId(), body, Map.of());
        HttpResponse<String> publish = raw(org, "POST", "/v1/content/" + item.getId() + "/publish", "", Map.of());

        assertThat(update.statusCode()).isEqualTo(428);
        assertThat(update.body()).contains("\"code\":\"if_match_required\"");
        assertThat(publish.statusCode()).isEqualTo(428);
        assertThat(org.client().content().get(item.getId()).getVersion()).isEqualTo(1);
    }

    @Test
    void lifecycle_draftToPublishedToArchived_andNoWayBack() {
        RapportClient client = SERVER.newOrg().client();
        ContentItem draft = aContentItem().create(client);

        ContentItem published = client.content().publish(draft.getId(), draft.getVersion());
        assertThat(published.getStatus()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(published.getPublishedAt()).isNotNull();
        assertThat(published.getVersion()).isEqualTo(2);

        assertThatThrownBy(() -> client.content().publish(published.getId(), published.getVersion()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invalid_transition"));
        assertThatThrownBy(() -> client.content().archive(published.getId(), draft.getVersion()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.status()).isEqualTo(412));

        ContentItem archived = client.content().archive(published.getId(), published.getVersion());
        assertThat(archived.getStatus()).isEqualTo(ContentStatus.ARCHIVED);
        assertThat(archived.getArchivedAt()).isNotNull();
        assertThatThrownBy(() -> client.content().update(archived, aContentItem().input()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("content_archived"));
        assertThatThrownBy(() -> client.content().publish(archived.getId(), archived.getVersion()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invalid_transition"));
    }

    @Test
    void invalidFields_areRejected_eachWithItsField() {
        RapportClient client = SERVER.newOrg().client();

        assertInvalid(client, aContentItem().input().url("javascript:alert(1)").imageUrl("/relative.png"), "url", "imageUrl");
        assertInvalid(client, aContentItem().input().title("x".repeat(201)), "title");
        assertInvalid(client, new ContentInput().kind(ContentKind.CALCULATOR).title("No defaults"), "parameters");
        assertInvalid(client, aContentItem().input().parameters(Map.of("rate", 6)), "parameters");
        assertInvalid(client, new ContentInput().kind(ContentKind.VIDEO).title("No link"), "url");
        assertInvalid(client, new ContentInput().kind(ContentKind.COBRANDED_FLYER).title("No artwork"), "url");
        assertInvalid(client, aContentItem().window(JAN, JAN.minusDays(1)).input(), "expireAt");
        assertInvalid(client, aContentItem().tags("Not A Tag").input(), "tags");
        assertThat(client.content().all(null, null, null)).isEmpty();
    }

    @Test
    void unknownKind_isRejectedWithItsField() throws Exception {
        TestOrg org = SERVER.newOrg();

        HttpResponse<String> response = raw(org, "POST", "/v1/content",
                "{\"kind\":\"podcast\",\"title\":\"Unknown kind\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"kind\"");
    }

    @Test
    void audience_naming_anotherOrganizationsBranchOrOfficer_isRejected() {
        RapportClient client = SERVER.newOrg().client();
        RapportClient other = SERVER.newOrg().client();
        UUID theirBranch = aBranch(other).getId();
        UUID theirOfficer = anOfficer().create(other).getId();
        UUID myOfficer = anOfficer().create(client).getId();

        assertThatThrownBy(() -> aContentItem().audience(new ContentAudience().branchIds(Set.of(theirBranch))
                        .officerIds(Set.of(myOfficer, theirOfficer))).create(client))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.fieldErrors()).extracting(f -> f.getField())
                            .containsExactlyInAnyOrder("audience.branchIds", "audience.officerIds");
                    assertThat(e.fieldError("audience.officerIds")).hasValueSatisfying(m -> assertThat(m).contains(theirOfficer.toString()));
                });
    }

    @Test
    void list_filtersByStatusKindAndTag_andPages() {
        RapportClient client = SERVER.newOrg().client();
        ContentItem article = aContentItem().tags("buyers").create(client);
        ContentItem calculator = aContentItem().calculator().tags("buyers", "tools").publish(client);
        ContentItem video = aContentItem().kind(ContentKind.VIDEO).tags("sellers").publish(client);

        assertThat(client.content().all(ContentStatus.PUBLISHED, null, null)).extracting(ContentItem::getId)
                .containsExactly(calculator.getId(), video.getId());
        assertThat(client.content().all(null, ContentKind.ARTICLE, null)).extracting(ContentItem::getId)
                .containsExactly(article.getId());
        assertThat(client.content().all(null, null, "buyers")).extracting(ContentItem::getId)
                .containsExactly(article.getId(), calculator.getId());
        assertThat(client.content().all(ContentStatus.PUBLISHED, null, "buyers")).extracting(ContentItem::getId)
                .containsExactly(calculator.getId());

        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            ContentPage page = client.content().list(2, cursor, null, null, null);
            page.getItems().forEach(i -> seen.add(i.getId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly(article.getId(), calculator.getId(), video.getId());
    }

    @Test
    void anotherOrganizationsItem_answersNotFound_evenWithItsVersion() {
        RapportClient mine = SERVER.newOrg().client();
        RapportClient theirs = SERVER.newOrg().client();
        ContentItem theirItem = aContentItem().create(theirs);

        assertThatThrownBy(() -> mine.content().get(theirItem.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.content().update(theirItem, aContentItem().input())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.content().publish(theirItem.getId(), theirItem.getVersion()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.content().archive(theirItem.getId(), theirItem.getVersion()))
                .isInstanceOf(NotFoundException.class);
        assertThat(mine.content().all(null, null, null)).isEmpty();
        assertThat(theirs.content().get(theirItem.getId())).isEqualTo(theirItem);
    }

    @Test
    void writes_needContentWrite_readsNeedContentRead() {
        TestOrg org = SERVER.newOrg();
        ContentItem item = aContentItem().create(org.client());
        RapportClient reader = org.clientWith(Scope.CONTENT_READ);
        RapportClient partnersOnly = org.clientWith(Scope.PARTNERS_READ);

        assertThat(reader.content().get(item.getId())).isEqualTo(item);
        assertThatThrownBy(() -> aContentItem().create(reader))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo("missing_scope"));
        assertThatThrownBy(() -> partnersOnly.content().get(item.getId())).isInstanceOf(PermissionException.class);
    }

    private static void assertInvalid(RapportClient client, ContentInput input, String... fields) {
        assertThatThrownBy(() -> client.content().create(input))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fieldErrors()).extracting(f -> f.getField()).contains(fields);
                });
    }

    private static HttpResponse<String> raw(TestOrg org, String method, String path, String json,
                                            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                .header("Authorization", "Bearer " + org.apiKey())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
