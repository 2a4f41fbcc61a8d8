package io.rapport.it.content;

import static io.rapport.it.support.Fixtures.aBranch;
import static io.rapport.it.support.Fixtures.aContentItem;
import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestImages;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.FeedSnapshot;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.PhotoDownload;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.AppFeed;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.BrandColors;
import io.rapport.sdk.model.ContentAudience;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.ContentKind;
import io.rapport.sdk.model.FeedItem;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AppFeedIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    /** One organization with an officer in branch A, and the branded app of one of that officer's partners. */
    private record World(TestOrg org, UUID branchA, UUID branchB, Officer officer, Officer otherOfficer, Partner partner) {
        RapportClient admin() {
            return org.client();
        }

        RapportClient appOf(Partner p) {
            return SERVER.client(admin().appInstalls().register(
                    new AppInstallInput().officerId(officer.getId()).partnerId(p.getId())).getToken());
        }

        RapportClient app() {
            return appOf(partner);
        }
    }

    private static World world(PartnerType partnerType) {
        TestOrg org = SERVER.newOrg();
        UUID branchA = aBranch(org.client()).getId();
        UUID branchB = aBranch(org.client()).getId();
        Officer officer = org.client().officers().create(anOfficer().branch(branchA).input()
                .brandColors(new BrandColors().primary("#1A73E8")));
        Officer other = anOfficer().branch(branchB).create(org.client());
        Partner partner = aPartner().type(partnerType).create(org.client());
        return new World(org, branchA, branchB, officer, other, partner);
    }

    private static List<UUID> feedIds(RapportClient app) {
        return app.app().feed().feed().getItems().stream().map(FeedItem::getId).toList();
    }

    @Test
    void feed_showsTheOfficersCard_andOnlyPublishedItems_newestFirst() {
        World w = world(PartnerType.REALTOR);
        ContentItem older = aContentItem().title("Older").publish(w.admin());
        CLOCK.advance(Duration.ofMinutes(5));
        ContentItem newer = aContentItem().calculator().title("Newer").publish(w.admin());
        aContentItem().title("Still a draft").create(w.admin());
        ContentItem archived = aContentItem().title("Archived").publish(w.admin());
        w.admin().content().archive(archived.getId(), archived.getVersion());

        AppFeed feed = w.app().app().feed().feed();

        assertThat(feed.getItems()).extracting(FeedItem::getId).containsExactly(newer.getId(), older.getId());
        assertThat(feed.getItems().get(0).getParameters()).containsEntry("type", "payment");
        assertThat(feed.getOfficer().getId()).isEqualTo(w.officer().getId());
        assertThat(feed.getOfficer().getDisplayName()).isEqualTo(w.officer().getDisplayName());
        assertThat(feed.getOfficer().getNmlsId()).isEqualTo(w.officer().getNmlsId());
        assertThat(feed.getOfficer().getBrandColors().getPrimary()).isEqualTo("#1A73E8");
        assertThat(feed.getPartner().getName()).isEqualTo(w.partner().getName());
    }

    @Test
    void audience_matchesPartnerType_officersBranch_andOfficer_eachListRestricting() {
        World w = world(PartnerType.REALTOR);
        ContentItem everyone = publishFor(w, new ContentAudience());
        ContentItem realtors = publishFor(w, new ContentAudience().partnerTypes(Set.of(PartnerType.REALTOR)));
        ContentItem cpas = publishFor(w, new ContentAudience().partnerTypes(Set.of(PartnerType.CPA)));
        ContentItem branchA = publishFor(w, new ContentAudience().branchIds(Set.of(w.branchA())));
        ContentItem branchB = publishFor(w, new ContentAudience().branchIds(Set.of(w.branchB())));
        ContentItem mine = publishFor(w, new ContentAudience().officerIds(Set.of(w.officer().getId())));
        ContentItem theirs = publishFor(w, new ContentAudience().officerIds(Set.of(w.otherOfficer().getId())));
        ContentItem realtorsInB = publishFor(w, new ContentAudience().partnerTypes(Set.of(PartnerType.REALTOR))
                .branchIds(Set.of(w.branchB())));
        ContentItem cpasOrRealtorsOfMine = publishFor(w, new ContentAudience()
                .partnerTypes(Set.of(PartnerType.CPA, PartnerType.REALTOR)).officerIds(Set.of(w.officer().getId())));
        Partner cpa = aPartner().type(PartnerType.CPA).create(w.admin());

        assertThat(feedIds(w.app())).containsExactlyInAnyOrder(everyone.getId(), realtors.getId(), branchA.getId(),
                mine.getId(), cpasOrRealtorsOfMine.getId());
        assertThat(feedIds(w.appOf(cpa))).containsExactlyInAnyOrder(everyone.getId(), cpas.getId(), branchA.getId(),
                mine.getId(), cpasOrRealtorsOfMine.getId());
        assertThat(List.of(branchB, theirs, realtorsInB)).allSatisfy(hidden ->
                assertThat(feedIds(w.app())).doesNotContain(hidden.getId()));
    }

    @Test
    void publishWindow_itemShowsFromPublishAt_untilExpireAt() {
        World w = world(PartnerType.REALTOR);
        OffsetDateTime now = OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        ContentItem later = aContentItem().title("Rate update").kind(ContentKind.RATE_UPDATE)
                .window(now.plusHours(1), now.plusHours(2)).publish(w.admin());
        ContentItem since = aContentItem().title("Market report").kind(ContentKind.MARKET_REPORT)
                .window(now.minusDays(1), null).publish(w.admin());
        RapportClient app = w.app();

        assertThat(feedIds(app)).containsExactly(since.getId());
        CLOCK.advance(Duration.ofHours(1));
        assertThat(feedIds(app)).containsExactly(later.getId(), since.getId());
        CLOCK.advance(Duration.ofMinutes(59));
        assertThat(feedIds(app)).contains(later.getId());
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(feedIds(app)).containsExactly(since.getId());
    }

    @Test
    void etag_answersNotModified_untilTheFeedChanges() {
        World w = world(PartnerType.REALTOR);
        aContentItem().publish(w.admin());
        RapportClient app = w.app();
        FeedSnapshot first = app.app().feed();

        assertThat(first.etag()).startsWith("\"").endsWith("\"");
        assertThat(app.app().feedIfChanged(first.etag())).isEmpty();
        CLOCK.advance(Duration.ofDays(1));
        assertThat(app.app().feedIfChanged(first.etag())).as("time alone changes nothing here").isEmpty();

        ContentItem added = aContentItem().title("New").publish(w.admin());
        FeedSnapshot second = app.app().feedIfChanged(first.etag()).orElseThrow();
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(second.feed().getItems()).extracting(FeedItem::getId).contains(added.getId());

        w.admin().officers().update(w.officer().getId(), anOfficer().branch(w.branchA()).input().displayName("Renamed"));
        FeedSnapshot third = app.app().feedIfChanged(second.etag()).orElseThrow();
        assertThat(third.feed().getOfficer().getDisplayName()).isEqualTo("Renamed");
        assertThat(app.app().feedIfChanged(third.etag())).isEmpty();
    }

    @Test
    void officerPhoto_isServedToTheApp_underTheCardsPhotoEtag() {
        World w = world(PartnerType.REALTOR);
        RapportClient app = w.app();
        FeedSnapshot before = app.app().feed();
        byte[] png = TestImages.png(24, 24);
        w.admin().officers().uploadPhoto(w.officer().getId(), png);

        FeedSnapshot after = app.app().feedIfChanged(before.etag()).orElseThrow();
        PhotoDownload photo = app.app().officerPhoto();

        assertThat(before.feed().getOfficer().getPhotoEtag()).isNull();
        assertThat(photo.bytes()).isEqualTo(png);
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(photo.etag()).isEqualTo(after.feed().getOfficer().getPhotoEtag());
        assertThat(app.app().officerPhotoIfChanged(photo.etag())).isEmpty();
    }

    @Test
    void cobrandedFlyer_showsThePartnersNameAndLogoBesideTheOfficers() {
        World w = world(PartnerType.BUILDER);
        aContentItem().kind(ContentKind.COBRANDED_FLYER).title("Open house flyer").publish(w.admin());

        byte[] logo = TestImages.png(60, 20);
        String logoEtag = w.admin().content().uploadPartnerLogo(w.partner().getId(), logo).getEtag();
        RapportClient app = w.app();

        AppFeed feed = app.app().feed().feed();
        FeedItem flyer = feed.getItems().get(0);

        assertThat(flyer.getCobrand().getPartnerName()).isEqualTo(w.partner().getName());
        assertThat(flyer.getCobrand().getPartnerCompany()).isEqualTo(w.partner().getCompany());
        assertThat(flyer.getCobrand().getOfficerName()).isEqualTo(w.officer().getDisplayName());
        assertThat(feed.getPartner().getLogoEtag()).isEqualTo(logoEtag);
        assertThat(app.app().partnerLogo().bytes()).isEqualTo(logo);
    }

    @Test
    void deactivatedOfficer_feedIsGone() {
        World w = world(PartnerType.REALTOR);
        RapportClient app = w.app();
        w.admin().officers().update(w.officer().getId(), anOfficer().branch(w.branchA()).active(false).input());

        assertThatThrownBy(() -> app.app().feed()).isInstanceOfSatisfying(RapportApiException.class, e -> {
            assertThat(e.status()).isEqualTo(410);
            assertThat(e.code()).isEqualTo("officer_deactivated");
        });
        assertThatThrownBy(() -> app.app().officerPhoto())
                .isInstanceOfSatisfying(RapportApiException.class, e -> assertThat(e.status()).isEqualTo(410));
    }

    @Test
    void nothingOfAnotherOrganization_everAppearsInAFeed() {
        World mine = world(PartnerType.REALTOR);
        World theirs = world(PartnerType.REALTOR);
        ContentItem myItem = aContentItem().publish(mine.admin());
        ContentItem theirItem = aContentItem().publish(theirs.admin());

        assertThat(feedIds(mine.app())).containsExactly(myItem.getId());
        assertThat(feedIds(theirs.app())).containsExactly(theirItem.getId());
        assertThat(theirs.app().app().feed().feed().getOfficer().getId()).isEqualTo(theirs.officer().getId());
    }

    @Test
    void feed_isForInstallTokensOnly_andTokensReadNothingElse() {
        World w = world(PartnerType.REALTOR);
        ContentItem item = aContentItem().publish(w.admin());

        assertThatThrownBy(() -> w.admin().app().feed())
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo("missing_scope"));
        assertThatThrownBy(() -> w.org().clientWith(Scope.CONTENT_READ).app().feed()).isInstanceOf(PermissionException.class);
        assertThatThrownBy(() -> w.app().content().get(item.getId())).isInstanceOf(PermissionException.class);
    }

    private static ContentItem publishFor(World w, ContentAudience audience) {
        return aContentItem().audience(audience).publish(w.admin());
    }
}
