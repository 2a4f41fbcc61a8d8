package io.rapport.it.content;

import static io.rapport.it.support.Fixtures.aContentItem;
import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.ContentStats;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerContentStats;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContentStatsIT {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    private static UsageEventInput event(String type, Officer officer, Partner partner, ContentItem item, Instant at) {
        UsageEventInput input = anEvent(at).type(type).pair(officer, partner).input();
        return input.contentId(item == null ? null : item.getId());
    }

    @Test
    void contentEvents_namingAnUnknownOrForeignItem_areRejectedOneByOne() {
        TestOrg org = SERVER.newOrg();
        RapportClient client = org.client();
        Officer officer = anOfficer().create(client);
        Partner partner = aPartner().create(client);
        ContentItem mine = aContentItem().publish(client);
        ContentItem foreign = aContentItem().publish(SERVER.newOrg().client());
        Instant at = NOW.minusSeconds(60);

        EventBatchResult result = client.events().send(List.of(
                event("content_viewed", officer, partner, mine, at),
                event("content_shared", officer, partner, foreign, at),
                event("calculator_used", officer, partner, null, at).contentId(UUID.randomUUID()),
                event("app_opened", officer, partner, null, at)));

        assertThat(result.getAccepted()).isEqualTo(2);
        assertThat(result.getRejected()).extracting(EventRejection::getIndex).containsExactly(1, 2);
        assertThat(result.getRejected()).allSatisfy(r -> {
            assertThat(r.getCode()).isEqualTo("unknown_content");
            assertThat(r.getField()).isEqualTo("contentId");
        });
    }

    @Test
    void stats_countViewsSharesAndUniquePartners_withinTheWindow() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Officer otherOfficer = anOfficer().create(client);
        Partner dana = aPartner().create(client);
        Partner lee = aPartner().create(client);
        ContentItem article = aContentItem().publish(client);
        ContentItem calculator = aContentItem().calculator().publish(client);
        Instant day = NOW.minus(Duration.ofDays(1));
        client.events().send(List.of(
                event("content_viewed", officer, dana, article, day),
                event("content_viewed", officer, dana, article, day.plusSeconds(60)),
                event("content_viewed", officer, lee, article, day),
                event("content_shared", officer, lee, article, day),
                event("content_viewed", otherOfficer, dana, article, day),
                event("content_viewed", officer, dana, article, NOW.minus(Duration.ofDays(40))),
                event("calculator_used", officer, dana, calculator, day),
                event("content_viewed", officer, dana, calculator, day)));

        ContentStats articleStats = client.content().stats(article.getId(), null, null);
        assertThat(articleStats.getViews()).isEqualTo(4);
        assertThat(articleStats.getShares()).isEqualTo(1);
        assertThat(articleStats.getUniquePartners()).isEqualTo(2);
        assertThat(articleStats.getFrom()).isEqualTo(OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(30)), ZoneOffset.UTC));

        ContentStats wide = client.content().stats(article.getId(), utc(NOW.minus(Duration.ofDays(60))), utc(NOW));
        assertThat(wide.getViews()).isEqualTo(5);
        ContentStats narrow = client.content().stats(article.getId(), utc(day.plusSeconds(1)), utc(NOW));
        assertThat(narrow.getViews()).isEqualTo(1);
        assertThat(narrow.getUniquePartners()).isEqualTo(1);

        OfficerContentStats perItem = client.content().officerStats(officer.getId(), null, null);
        assertThat(perItem.getItems()).extracting(ContentStats::getContentId)
                .containsExactly(article.getId(), calculator.getId());
        assertThat(perItem.getItems().get(0).getViews()).isEqualTo(3);
        assertThat(perItem.getItems().get(0).getUniquePartners()).isEqualTo(2);
        assertThat(perItem.getItems().get(1).getCalculatorUses()).isEqualTo(1);
        assertThat(perItem.getItems().get(1).getViews()).isEqualTo(1);
    }

    @Test
    void stats_ofAnUnusedItem_areZero() {
        RapportClient client = SERVER.newOrg().client();
        ContentItem item = aContentItem().create(client);

        ContentStats stats = client.content().stats(item.getId(), null, null);

        assertThat(List.of(stats.getViews(), stats.getShares(), stats.getCalculatorUses(), stats.getUniquePartners()))
                .containsOnly(0L);
        assertThat(client.content().officerStats(anOfficer().create(client).getId(), null, null).getItems()).isEmpty();
    }

    @Test
    void stats_ofAnotherOrganization_answerNotFound_andABackwardWindowIsInvalid() {
        RapportClient client = SERVER.newOrg().client();
        RapportClient other = SERVER.newOrg().client();
        ContentItem theirItem = aContentItem().create(other);
        Officer theirOfficer = anOfficer().create(other);
        ContentItem mine = aContentItem().create(client);

        assertThatThrownBy(() -> client.content().stats(theirItem.getId(), null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.content().officerStats(theirOfficer.getId(), null, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.content().stats(mine.getId(), utc(NOW), utc(NOW.minusSeconds(1))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldError("from")).isPresent());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
