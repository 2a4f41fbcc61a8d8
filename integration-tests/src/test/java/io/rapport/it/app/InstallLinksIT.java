package io.rapport.it.app;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.MutableClock;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.model.AppInstallCreated;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.InstallLink;
import io.rapport.sdk.model.InstallLinkToken;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.Partner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InstallLinksIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension(CLOCK);

    private record Install(TestOrg org, AppInstallCreated created) {
        String code() {
            return codeOf(created.getInstallLink());
        }
    }

    private static Install install() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        return new Install(org, org.client().appInstalls().register(
                new AppInstallInput().officerId(officer.getId()).partnerId(partner.getId())));
    }

    private static String codeOf(InstallLink link) {
        assertThat(link.getPath()).startsWith("/i/");
        return link.getPath().substring("/i/".length());
    }

    private static void assertProblem(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RapportApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void register_answersAnInstallLink_validForSevenDays() {
        Install install = install();

        InstallLink link = install.created().getInstallLink();

        assertThat(link.getExpiresAt().toInstant()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(7)));
        assertThat(link.getPath()).doesNotContain(install.created().getToken());
    }

    @Test
    void exchange_givesAWorkingToken_once_andEndsTheTokenIssuedBefore() {
        Install install = install();

        InstallLinkToken exchanged = SERVER.client("none").appInstalls().exchangeLink(install.code());

        assertThat(exchanged.getInstallId()).isEqualTo(install.created().getAppInstall().getId());
        assertThat(SERVER.client(exchanged.getToken()).app().feed().feed().getPartner().getId())
                .isEqualTo(install.created().getAppInstall().getPartnerId());
        assertProblem(() -> SERVER.client("none").appInstalls().exchangeLink(install.code()), 410, "install_link_used");
        assertProblem(() -> SERVER.client(install.created().getToken()).app().feed().feed(), 401, "invalid_credentials");
    }

    @Test
    void exchange_afterSevenDays_isExpired() {
        Install install = install();
        CLOCK.advance(Duration.ofDays(7));
        try {
            assertProblem(() -> SERVER.client("none").appInstalls().exchangeLink(install.code()), 410, "install_link_expired");
        } finally {
            CLOCK.advance(Duration.ofDays(-7));
        }
    }

    @Test
    void exchange_ofAnUnknownOrMalformedCode_isNotFound() {
        String unknown = UUID.randomUUID().toString().replace("-", "") + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertProblem(() -> SERVER.client("none").appInstalls().exchangeLink(unknown), 404, "install_link_unknown");
        assertProblem(() -> SERVER.client("none").appInstalls().exchangeLink("nonsense"), 404, "install_link_unknown");
    }

    @Test
    void exchange_ofARevokedInstallsLink_isGone() {
        Install install = install();
        install.org().client().appInstalls().revoke(install.created().getAppInstall().getId());

        assertProblem(() -> SERVER.client("none").appInstalls().exchangeLink(install.code()), 410, "install_inactive");
    }

    @Test
    void newLink_works_whileTheOldOneIsUnused_andAnotherOrgsInstallIsNotFound() {
        Install install = install();
        UUID installId = install.created().getAppInstall().getId();

        InstallLink fresh = install.org().client().appInstalls().newLink(installId);

        assertThat(codeOf(fresh)).isNotEqualTo(install.code());
        assertThat(SERVER.client("none").appInstalls().exchangeLink(codeOf(fresh)).getToken()).startsWith("rit_");
        assertProblem(() -> SERVER.newOrg().client().appInstalls().newLink(installId), 404, "not_found");
    }

    @Test
    void theLinkPage_isServed_withNoReferrer_andTheAppPage_withItsShell() throws Exception {
        Install install = install();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + install.created().getInstallLink().getPath())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> app = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/app/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).contains("/i/install.js");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(app.body()).contains("/app/app.js");
        HttpResponse<Void> bare = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/app")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/app/"));
    }

    @Test
    void theAppIcon_isDrawnInTheColourAsked_andTheManifestNamesTheOfficer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> icon = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/app/icon.svg?color=%230E5A8A&initials=AM")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl()
                + "/app/manifest.webmanifest?name=Avery%20Morgan&color=%230E5A8A")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(icon.headers().firstValue("Content-Type")).contains("image/svg+xml");
        assertThat(icon.body()).contains("#0E5A8A", ">AM<");
        assertThat(manifest.body()).contains("\"name\":\"Avery Morgan\"", "\"start_url\":\"/app/\"");
    }
}
