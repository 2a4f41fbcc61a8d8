package io.rapport.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.Browser;
import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.ScoredPartner;
import io.rapport.sdk.model.UsageEventInput;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The officer's score card in a real browser: ranked partners, filters, paging, a partner's detail and the
 * touch buttons; an expired and a forged token. The server's clock follows the wall clock (the browser's)
 * except where a test moves it on to expire a token.
 */
class ScoreCardBrowserIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    private static final String[][] CAST = {
        {"Jordan Reyes", "REALTOR"}, {"Priya Shah", "FINANCIAL_PLANNER"}, {"Marcus Lee", "CPA"},
        {"Elena Petrova", "REALTOR"}, {"Sam Whitfield", "BUILDER"}, {"Grace Okafor", "ATTORNEY"},
        {"Tom Becker", "INSURANCE"}, {"Lucia Fernández", "REALTOR"}};

    private record Setup(TestOrg org, Officer officer, List<Partner> partners) {
        RapportClient admin() {
            return org.client();
        }
    }

    /** Eight named partners with different habits, and 24 quiet ones so that the list pages. */
    private static Setup setup() {
        TestOrg org = SERVER.newOrg();
        Officer officer = org.client().officers().create(PartnerAppBrowserIT.averyMorgan());
        List<Partner> partners = new ArrayList<>();
        for (String[] p : CAST) {
            partners.add(org.client().partners().create(new PartnerInput().name(p[0]).type(PartnerType.valueOf(p[1]))));
        }
        for (int i = 1; i <= 24; i++) {
            partners.add(org.client().partners().create(new PartnerInput().name("Partner " + i).type(PartnerType.REALTOR)));
        }
        List<UsageEventInput> events = new ArrayList<>();
        Instant now = CLOCK.instant();
        // Jordan: two referrals, met and gave feedback (advocate). Priya: heavy use and a contact tap, never met.
        add(events, officer, partners.get(0), now, "referral_sent", 40, 12);
        add(events, officer, partners.get(0), now, "meeting_logged", 30);
        add(events, officer, partners.get(0), now, "feedback_given", 20);
        add(events, officer, partners.get(0), now, "content_viewed", 3, 2, 1);
        add(events, officer, partners.get(1), now, "calculator_used", 9, 6, 4, 2, 1);
        add(events, officer, partners.get(1), now, "content_shared", 5, 2);
        add(events, officer, partners.get(1), now, "contact_tapped", 1);
        add(events, officer, partners.get(2), now, "content_viewed", 12, 6);
        add(events, officer, partners.get(3), now, "meeting_logged", 25);
        add(events, officer, partners.get(3), now, "content_viewed", 10, 3);
        add(events, officer, partners.get(4), now, "card_shared", 60, 55, 50);
        add(events, officer, partners.get(5), now, "app_opened", 4, 3, 2, 1);
        add(events, officer, partners.get(6), now, "profile_viewed", 8);
        add(events, officer, partners.get(7), now, "content_shared", 2);
        add(events, officer, partners.get(7), now, "calculator_used", 1);
        for (int i = 8; i < partners.size(); i++) {
            add(events, officer, partners.get(i), now, "app_installed", 30 + i);
        }
        org.client().events().send(events);
        return new Setup(org, officer, partners);
    }

    private static void add(List<UsageEventInput> events, Officer officer, Partner partner, Instant now, String type,
                            int... daysAgo) {
        for (int days : daysAgo) {
            UsageEventInput e = new UsageEventInput().eventId(UUID.randomUUID()).type(type)
                    .occurredAt(OffsetDateTime.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC))
                    .officerId(officer.getId()).partnerId(partner.getId());
            if (type.equals("meeting_logged")) {
                e.properties(Map.of("kind", "coffee"));
            } else if (type.equals("feedback_given")) {
                e.properties(Map.of("rating", 5));
            }
            events.add(e);
        }
    }

    private static String cardUrl(Setup s) {
        return SERVER.baseUrl() + s.admin().embeds().createToken(s.officer().getId()).getPath();
    }

    @Test
    void officer_seesPartnersRanked_filters_pages_opensOne_andRecordsANote() {
        Setup s = setup();
        try (Browser crm = Browser.desktop()) {
            crm.open(cardUrl(s));

            assertThat(crm.awaitVisible("#officer-name").getText()).isEqualTo("Avery Morgan’s partners");
            crm.await(d -> crm.find("#count").getText().equals("25+ partners"));
            assertThat(crm.driver().getCurrentUrl()).doesNotContain("token=");
            List<String> shownFirst = crm.findAll(".partner .name").stream().limit(8).map(e -> e.getText()).toList();
            List<String> ranked = s.admin().scores().rankedPartners(s.officer().getId(), 8, null, null, null, null, null)
                    .getItems().stream().map(ScoredPartner::getPartnerName).toList();
            assertThat(shownFirst).isEqualTo(ranked);
            long firstView = crm.transferredBytes("\u0000");
            System.out.println("[browser] /embed/officer first view: " + firstView + " bytes transferred");
            assertThat(firstView).isLessThan(100_000);
            assertThat(crm.requestedUrls()).allMatch(url -> url.startsWith(SERVER.baseUrl()));

            crm.find("#more").click();
            crm.await(d -> crm.find("#count").getText().equals("32 partners"));

            new org.openqa.selenium.support.ui.Select(crm.find("#f-stage")).selectByValue("advocate");
            crm.await(d -> crm.find("#count").getText().equals("1 partner"));
            assertThat(crm.find(".partner .name").getText()).isEqualTo("Jordan Reyes");
            new org.openqa.selenium.support.ui.Select(crm.find("#f-stage")).selectByValue("");
            crm.await(d -> crm.find("#count").getText().equals("25+ partners"));
            new org.openqa.selenium.support.ui.Select(crm.find("#f-step")).selectByValue("share_useful_tool");
            crm.await(d -> crm.findAll(".partner").stream().allMatch(p -> p.getText().contains("Share a useful tool")));
            new org.openqa.selenium.support.ui.Select(crm.find("#f-step")).selectByValue("");

            Partner priya = s.partners().get(1);
            crm.findAll(".partner").stream().filter(p -> p.getText().contains("Priya Shah")).findFirst().orElseThrow().click();
            assertThat(crm.awaitVisible("#d-name").getText()).isEqualTo("Priya Shah");
            crm.awaitVisible(".spark svg");
            crm.await(d -> !crm.findAll("#d-why li").isEmpty() && !crm.find("#d-step").getText().isEmpty());
            crm.screenshot("scorecard");
            crm.script("window.scrollTo(0, 0);");
            crm.screenshotOfView("scorecard-view");
            System.out.println("[browser] axe /embed/officer: " + crm.assertNoSeriousAxeViolations());

            crm.findAll(".btn-touch").stream().filter(b -> b.getText().equals("Sent a note")).findFirst().orElseThrow().click();
            crm.await(d -> crm.find("#touch-done").getText().equals("Recorded a note sent."));
            UUID relationship = s.admin().scores().allRankedPartners(s.officer().getId(), null, null, null, null)
                    .filter(p -> p.getPartnerId().equals(priya.getId())).findFirst().orElseThrow().getRelationshipId();
            String nextStep = s.admin().scores().forRelationship(relationship).getNextStep().getCode().getValue();
            long notes = s.admin().events().allForRelationship(relationship, "note_sent", null, null).count();
            // scoring model 2: after the officer's note the advice gives the partner room to answer
            assertThat(nextStep).isEqualTo("give_space");
            assertThat(notes).isEqualTo(1);
            crm.await(d -> crm.find("#d-step").getText().equals("Give them space"));
            crm.screenshot("scorecard-note-sent");
        }
    }

    @Test
    void atPhoneWidth_theCardStillWorks() {
        Setup s = setup();
        try (Browser phone = Browser.phone()) {
            phone.open(cardUrl(s));
            phone.await(d -> phone.find("#count").getText().equals("25+ partners"));
            phone.screenshot("scorecard-phone");
            phone.findAll(".partner").get(0).click();
            phone.awaitVisible("#d-name");
            phone.await(d -> !phone.find("#d-step").getText().isEmpty());
            phone.screenshot("scorecard-phone-detail");
            phone.assertNoSeriousAxeViolations();
        }
    }

    @Test
    void anExpiredToken_andAForgedOne_getAClearPage() {
        Setup s = setup();
        String url = cardUrl(s);
        try (Browser crm = Browser.desktop()) {
            String forged = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
            crm.open(forged);
            assertThat(crm.awaitVisible("#problem-title").getText()).isEqualTo("This link is not valid");

            CLOCK.advance(Duration.ofMinutes(16));
            try {
                crm.open(SERVER.baseUrl() + "/app/");
                crm.open(url);
                assertThat(crm.awaitVisible("#problem-title").getText()).isEqualTo("This score card link has expired");
                assertThat(crm.find("#problem-text").getText()).contains("Open it again from your CRM");
                crm.screenshot("scorecard-expired");
                crm.assertNoSeriousAxeViolations();
            } finally {
                CLOCK.advance(Duration.ofMinutes(-16));
            }
        }
    }

    @Test
    void scoreCardOfAnotherOrganizationsToken_isRefusedByThePage() {
        Setup s = setup();
        Setup other = setup();
        String path = s.admin().embeds().createToken(s.officer().getId()).getPath();
        String swapped = path.replace("org=" + s.org().orgId(), "org=" + other.org().orgId());
        try (Browser crm = Browser.desktop()) {
            crm.open(SERVER.baseUrl() + swapped);
            assertThat(crm.awaitVisible("#problem-title").getText()).isEqualTo("This link is not valid");
        }
    }

}
