package io.rapport.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.Browser;
import io.rapport.it.support.Portraits;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.BrandColors;
import io.rapport.sdk.model.ContentInput;
import io.rapport.sdk.model.ContentItem;
import io.rapport.sdk.model.ContentKind;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OfficerInput;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import io.rapport.sdk.model.SocialLinks;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The partner's branded app in a real (headless) browser at phone width: from the install link to the
 * card, calculators, sharing, feedback, offline and back; every use stored once and the score moved.
 */
class PartnerAppBrowserIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    private record Setup(TestOrg org, Officer officer, Partner partner, AppInstallCreated install) {
        RapportClient admin() {
            return org.client();
        }

        UUID relationshipId() {
            return install.getAppInstall().getRelationshipId();
        }

        long stored(String type) {
            return admin().events().allForRelationship(relationshipId(), type, null, null).count();
        }
    }

    static OfficerInput averyMorgan() {
        return new OfficerInput().displayName("Avery Morgan").title("Senior Loan Officer").nmlsId("1048213")
                .phone("+1 (555) 010-2288").email("avery.morgan@harborlending.example")
                .bio("Fifteen years helping Riverside families buy their first and forever homes. I answer the phone "
                        + "on weekends, pre-approve in 24 hours and keep your clients (and you) in the loop at every step.")
                .socialLinks(new SocialLinks().website("https://harborlending.example/avery")
                        .linkedin("https://www.linkedin.com/in/avery-morgan-example"))
                .brandColors(new BrandColors().primary("#0E5A8A").accent("#F2A541"));
    }

    private static Setup setup() {
        TestOrg org = SERVER.newOrg();
        Officer officer = org.client().officers().create(averyMorgan());
        org.client().officers().uploadPhoto(officer.getId(), Portraits.officer());
        Partner partner = org.client().partners().create(new PartnerInput().name("Jordan Reyes")
                .company("Coastline Realty").type(PartnerType.REALTOR).email("jordan@coastline.example"));
        org.client().content().uploadPartnerLogo(partner.getId(), Portraits.logo("CR"));
        publish(org.client(), ContentKind.MARKET_REPORT, "December market snapshot: Riverside County",
                "Median price up 3.1% over last year; homes go under contract in 24 days on average.");
        publish(org.client(), ContentKind.CHECKLIST, "First-time buyer checklist",
                "Twelve steps from pre-approval to keys. Share it with new clients before their first showing.");
        publish(org.client(), ContentKind.COBRANDED_FLYER, "Open house flyer: buy before you sell",
                "A co-branded flyer on bridge loans for your next open house, with your logo beside mine.");
        return new Setup(org, officer, partner, org.client().appInstalls().register(
                new AppInstallInput().officerId(officer.getId()).partnerId(partner.getId()).platform("web")));
    }

    private static ContentItem publish(RapportClient client, ContentKind kind, String title, String summary) {
        ContentInput input = new ContentInput().kind(kind).title(title).summary(summary)
                .body(summary + "\nAsk me for the full version with today's numbers.");
        if (kind == ContentKind.COBRANDED_FLYER) {
            input.url("https://harborlending.example/flyers/buy-before-you-sell");
        }
        ContentItem draft = client.content().create(input);
        return client.content().publish(draft.getId(), draft.getVersion());
    }

    private static String queue(Browser browser) {
        return (String) browser.script("return localStorage.getItem('rapport.eventQueue') || '[]';");
    }

    private static void awaitQueueSent(Browser browser) {
        browser.await(d -> queue(browser).equals("[]"));
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void partner_opensTheLink_usesTheApp_offlineAndBack_andEveryUseIsStoredOnce() {
        Setup s = setup();
        try (Browser phone = Browser.phone()) {
            phone.open(SERVER.baseUrl() + s.install().getInstallLink().getPath());

            assertThat(phone.awaitVisible("#name").getText()).isEqualTo("Avery Morgan");
            phone.await(d -> (Boolean) phone.script("var p = document.getElementById('photo');"
                    + " return !p.hidden && p.complete && p.naturalWidth > 0;"));
            assertThat(phone.driver().getCurrentUrl()).isEqualTo(SERVER.baseUrl() + "/app/");
            assertThat(phone.find("#nmls").getText()).isEqualTo("NMLS #1048213");
            assertThat((String) phone.script("return localStorage.getItem('rapport.installToken');")).startsWith("rit_");
            phone.await(d -> phone.findAll(".item").size() == 3);
            long firstView = phone.transferredBytes("/v1/app/officer-photo");
            System.out.println("[browser] /app/ first view: " + firstView + " bytes transferred (photo excluded)");
            assertThat(firstView).isLessThan(100_000);
            assertThat(phone.requestedUrls()).allMatch(url -> url.startsWith(SERVER.baseUrl()));
            phone.screenshot("app-home");
            phone.screenshotOfView("app-home-view");
            System.out.println("[browser] axe /app/ home: " + phone.assertNoSeriousAxeViolations());
            awaitQueueSent(phone);
            int scoreAfterOpening = s.admin().scores().forRelationship(s.relationshipId()).getScore();

            // The payment calculator: $400,000 at 20% down, 6% for 30 years, no tax or insurance.
            phone.find("[data-view=tools]").click();
            type(phone.find("#p-price"), "abc");
            phone.find("#payment button[type=submit]").click();
            assertThat(phone.find("#p-price-e").getText()).isEqualTo("Home price must be a number.");
            assertThat(phone.find("#p-price").getAttribute("aria-invalid")).isEqualTo("true");
            type(phone.find("#p-price"), "400,000");
            type(phone.find("#p-rate"), "6");
            type(phone.find("#p-tax"), "0");
            type(phone.find("#p-ins"), "0");
            phone.find("#payment button[type=submit]").click();
            assertThat(phone.awaitVisible("#payment-total").getText()).isEqualTo("$1,919");
            assertThat(phone.find("#payment-loan").getText()).isEqualTo("$320,000");
            type(phone.find("#p-tax"), "1.2");
            type(phone.find("#p-ins"), "1200");
            phone.find("#payment button[type=submit]").click();
            phone.await(d -> phone.find("#payment-total").getText().equals("$2,419"));
            phone.find("#afford button[type=submit]").click();
            assertThat(phone.awaitVisible("#afford-price").getText()).startsWith("Up to $");
            phone.screenshot("app-calculators");
            phone.script("document.getElementById('payment-result').scrollIntoView({ block: 'center' });");
            phone.screenshotOfView("app-calculators-view");
            System.out.println("[browser] axe /app/ calculators: " + phone.assertNoSeriousAxeViolations());

            // Share the officer's card and a piece of content (no Web Share in headless Chromium: copy fallback).
            phone.find("[data-view=about]").click();
            phone.find("#share-card").click();
            phone.await(d -> !phone.find("#toast").getText().isEmpty());
            phone.screenshot("app-about");
            phone.find("[data-view=home]").click();
            phone.findAll(".item .btn-ghost").get(0).click();
            phone.findAll(".item .btn-secondary").get(0).click();
            // A tel: link would leave the page for the phone's dialer: keep the page, keep the app's own click handler.
            phone.script("document.getElementById('call').addEventListener('click', function (e) { e.preventDefault(); });");
            phone.find("#call").click();
            awaitQueueSent(phone);

            // The service worker controls the page and holds the shell and the feed for offline starts.
            phone.await(d -> (Boolean) phone.script("return !!navigator.serviceWorker.controller;"));
            phone.await(d -> "200,200,200".equals(phone.asyncScript("""
                    var done = arguments[arguments.length - 1];
                    Promise.all([caches.match('/app/'), caches.match('/app/app.js'), caches.match('/v1/app/feed')])
                      .then(function (hits) { done(hits.map(function (h) { return h ? h.status : 'missing'; }).join(',')); });""")));

            // Offline: feedback and a calculation wait in the queue.
            phone.network(false);
            phone.awaitVisible("#offline");
            phone.find("[data-view=feedback]").click();
            phone.find("label[for=r5]").click();
            type(phone.find("#comment"), "Closed two days early. Thank you for the weekend pre-approval!");
            phone.find("#feedback button[type=submit]").click();
            phone.awaitVisible("#feedback-done");
            phone.find("[data-view=tools]").click();
            phone.find("#payment button[type=submit]").click();
            phone.awaitVisible("#offline");
            phone.find("[data-view=feedback]").click();
            phone.script("window.scrollTo(0, 0);");
            phone.screenshotOfView("app-offline-feedback");
            String offlineQueue = queue(phone);
            assertThat(offlineQueue).contains("feedback_given", "calculator_used");
            assertThat(s.stored("feedback_given")).isZero();

            phone.network(true);
            awaitQueueSent(phone);
            // The same events sent again (as after a lost response) are recognised by their ids.
            phone.script("localStorage.setItem('rapport.eventQueue', arguments[0]);"
                    + " window.dispatchEvent(new Event('online'));", offlineQueue);
            awaitQueueSent(phone);

            assertThat(s.stored("app_opened")).isEqualTo(1);
            assertThat(s.stored("calculator_used")).isEqualTo(4);
            assertThat(s.stored("profile_viewed")).isEqualTo(1);
            assertThat(s.stored("card_shared")).isEqualTo(1);
            assertThat(s.stored("content_shared")).isEqualTo(1);
            assertThat(s.stored("content_viewed")).isEqualTo(1);
            assertThat(s.stored("contact_tapped")).isEqualTo(1);
            assertThat(s.stored("feedback_given")).isEqualTo(1);
            assertThat(s.admin().events().allForRelationship(s.relationshipId(), "calculator_used", null, null)
                    .map(e -> e.getProperties().get("calculator")).toList())
                    .containsOnly("payment", "affordability");
            assertThat(s.admin().scores().forRelationship(s.relationshipId()).getScore()).isGreaterThan(scoreAfterOpening);
            System.out.println("[browser] axe /app/ feedback: " + phone.assertNoSeriousAxeViolations());
        }
    }

    @Test
    void aUsedLink_showsAClearPage() {
        Setup s = setup();
        s.admin().appInstalls().exchangeLink(s.install().getInstallLink().getPath().substring(3));
        try (Browser phone = Browser.phone()) {
            phone.open(SERVER.baseUrl() + s.install().getInstallLink().getPath());

            assertThat(phone.awaitVisible("#problem-title").getText()).isEqualTo("This link has already been used");
            assertThat(phone.find("#problem-text").getText()).contains("Ask your loan officer to send you a new link");
            System.out.println("[browser] /i/{code} first view: " + phone.transferredBytes("\u0000") + " bytes transferred");
            phone.screenshot("install-link-used");
            System.out.println("[browser] axe /i/{code}: " + phone.assertNoSeriousAxeViolations());
        }
    }

    @Test
    void aDeactivatedOfficersApp_saysPolitelyItIsNoLongerActive() {
        Setup s = setup();
        String token = s.admin().appInstalls().exchangeLink(s.install().getInstallLink().getPath().substring(3)).getToken();
        try (Browser phone = Browser.phone()) {
            phone.open(SERVER.baseUrl() + "/app/");
            phone.script("localStorage.setItem('rapport.installToken', arguments[0]);", token);
            s.admin().officers().update(s.officer().getId(), averyMorgan().active(false));
            phone.driver().navigate().refresh();

            assertThat(phone.awaitVisible("#problem-title").getText()).isEqualTo("This app is no longer active");
            phone.screenshot("app-no-longer-active");
            phone.assertNoSeriousAxeViolations();
        }
    }
}
