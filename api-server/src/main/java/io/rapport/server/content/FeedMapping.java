package io.rapport.server.content;

import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.model.AppFeed;
import io.rapport.server.generated.model.Cobrand;
import io.rapport.server.generated.model.ContentKind;
import io.rapport.server.generated.model.FeedItem;
import io.rapport.server.generated.model.FeedPartner;
import io.rapport.server.generated.model.OfficerCard;
import io.rapport.server.generated.model.PartnerType;
import io.rapport.server.officer.Officer;
import io.rapport.server.officer.OfficerCards;
import io.rapport.server.partner.Partner;

/** The feed in the contract's shape: only what a partner's app should see, nothing internal (no CRM ids). */
final class FeedMapping {
    private static final String COBRANDED = "cobranded_flyer";

    private FeedMapping() {
    }

    static AppFeed toDto(Feed feed) {
        return new AppFeed()
                .officer(card(feed.officer()))
                .partner(new FeedPartner().id(feed.partner().partnerId()).name(feed.partner().name())
                        .company(feed.partner().company()).type(PartnerType.fromValue(feed.partner().type()))
                        .logoEtag(feed.partnerLogoEtag()))
                .items(feed.items().stream().map(item -> item(item, feed)).toList());
    }

    private static OfficerCard card(Officer officer) {
        return new OfficerCard()
                .id(officer.officerId())
                .displayName(officer.displayName())
                .title(officer.title())
                .nmlsId(officer.nmlsId())
                .phone(officer.phone())
                .email(officer.email())
                .bio(officer.bio())
                .socialLinks(OfficerCards.toDto(officer.socialLinks()))
                .brandColors(OfficerCards.toDto(officer.brandColors()))
                .photoEtag(officer.photoEtag());
    }

    private static FeedItem item(ContentItem item, Feed feed) {
        io.rapport.server.generated.model.ContentItem full = ContentMapping.toDto(item);
        FeedItem dto = new FeedItem()
                .id(item.contentId())
                .kind(ContentKind.fromValue(item.kind()))
                .title(item.title())
                .summary(item.summary())
                .body(item.body())
                .url(item.url())
                .imageUrl(item.imageUrl())
                .parameters(full.getParameters())
                .tags(item.tags())
                .version(item.version())
                .publishedAt(Timestamps.utc(item.publishAt() != null ? item.publishAt() : item.publishedAt()))
                .expireAt(Timestamps.utc(item.expireAt()));
        if (COBRANDED.equals(item.kind())) {
            Partner partner = feed.partner();
            dto.cobrand(new Cobrand().officerName(feed.officer().displayName()).partnerName(partner.name())
                    .partnerCompany(partner.company()));
        }
        return dto;
    }
}
