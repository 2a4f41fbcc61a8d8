package io.rapport.it.privacy;

import static io.rapport.it.support.Fixtures.aContentItem;
import static io.rapport.it.support.Fixtures.anEvent;
import static io.rapport.it.support.Fixtures.anOfficer;

import io.rapport.it.support.TestImages;
import io.rapport.sdk.EventTypes;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.Branch;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.UsageEventInput;
import io.rapport.sdk.model.WebhookSubscriptionInput;
import io.rapport.it.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partner with a bit of everything Rapport keeps about a person: record with external id, e-mail and phone,
 * logo, two relationships with scores, tier and stage changes, an app install, content use, meetings, feedback
 * with a comment, referrals (hence webhook deliveries naming them) and a stored create response; and a second
 * partner, alike, as the control that must be left alone.
 */
record PartnerHistory(RapportClient client, Branch branch, Officer officer, Officer otherOfficer, ContentItem item,
                      Partner partner, Partner control, AppInstallCreated install, String comment, String marker) {

    static PartnerHistory create(RapportClient client, Instant now) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Branch branch = Fixtures.aBranch(client);
        Officer officer = anOfficer().branch(branch.getId()).create(client);
        Officer otherOfficer = anOfficer().branch(branch.getId()).create(client);
        ContentItem item = aContentItem().publish(client);
        client.webhooks().create(new WebhookSubscriptionInput().url("http://127.0.0.1:9/hooks")
                .eventTypes(List.of("score.tier_changed", "relationship.stage_changed", "referral.received",
                        "relationship.ready_for_meeting")));
        Partner partner = client.partners().create(new PartnerInput().name("Dana Erasable " + tag)
                .type(PartnerType.REALTOR).company("Erasable Homes " + tag).email("dana." + tag + "@example.com")
                .phone("+1-555-" + tag).externalId("crm-erase-" + tag));
        Partner control = client.partners().create(new PartnerInput().name("Lee Control " + tag)
                .type(PartnerType.CPA).email("lee." + tag + "@example.com").externalId("crm-keep-" + tag));
        client.content().uploadPartnerLogo(partner.getId(), TestImages.png(40, 20));
        client.content().uploadPartnerLogo(control.getId(), TestImages.png(30, 30));
        AppInstallCreated install = client.appInstalls().register(new AppInstallInput()
                .officerId(officer.getId()).partnerId(partner.getId()).platform("ios"));
        client.appInstalls().register(new AppInstallInput().officerId(officer.getId()).partnerId(control.getId()));
        String comment = "comment-" + tag + " the rate lock was late";
        String marker = "marker-" + tag;
        PartnerHistory history = new PartnerHistory(client, branch, officer, otherOfficer, item, partner, control,
                install, comment, marker);
        history.sendActivity(partner, now, comment, marker);
        history.sendActivity(control, now, "control " + comment.replace("comment-", "c-"), "kept-" + tag);
        return history;
    }

    /** Several days of use, meetings, feedback and two referrals, with both officers. */
    private void sendActivity(Partner who, Instant now, String comment, String marker) {
        List<UsageEventInput> events = new ArrayList<>();
        for (Officer o : List.of(officer, otherOfficer)) {
            for (int day = 20; day >= 1; day--) {
                Instant at = now.minus(Duration.ofDays(day));
                events.add(event(o, who, EventTypes.APP_OPENED, at));
                events.add(event(o, who, EventTypes.CONTENT_VIEWED, at.plusSeconds(60)).contentId(item.getId()));
                if (day % 5 == 0) {
                    events.add(event(o, who, EventTypes.CONTENT_SHARED, at.plusSeconds(120)).contentId(item.getId()));
                    events.add(event(o, who, EventTypes.CONTACT_TAPPED, at.plusSeconds(180)).putPropertiesItem("note", marker));
                }
            }
            events.add(event(o, who, EventTypes.MEETING_LOGGED, now.minus(Duration.ofDays(10))).putPropertiesItem("kind", "coffee"));
            events.add(event(o, who, EventTypes.FEEDBACK_GIVEN, now.minus(Duration.ofDays(9)))
                    .putPropertiesItem("rating", 4).putPropertiesItem("comment", comment));
            events.add(event(o, who, EventTypes.REFERRAL_SENT, now.minus(Duration.ofDays(8))));
            events.add(event(o, who, EventTypes.REFERRAL_SENT, now.minus(Duration.ofDays(3))));
        }
        EventBatchResult result = client.events().send(events);
        if (result.getAccepted() != events.size()) {
            throw new IllegalStateException("fixture events rejected: " + result.getRejected());
        }
    }

    private static UsageEventInput event(Officer officer, Partner partner, String type, Instant at) {
        return anEvent(at).type(type).pair(officer, partner).input();
    }

    /** Every value that identifies the erased partner, or that only they produced. */
    List<String> personalValues() {
        return List.of(partner.getName(), partner.getEmail(), partner.getPhone(), partner.getExternalId(),
                partner.getCompany(), comment, marker);
    }

    /** The erased partner's ids, and the ids of what was theirs (their relationships and install). */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add(partner.getId().toString());
        ids.add(install.getAppInstall().getId().toString());
        ids.add(install.getAppInstall().getRelationshipId().toString());
        client.relationships().all(null, partner.getId()).forEach(r -> ids.add(r.getId().toString()));
        return ids;
    }
}
