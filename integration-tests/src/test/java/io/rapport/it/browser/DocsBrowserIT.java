package io.rapport.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.it.support.Browser;
import io.rapport.it.support.RapportServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /docs renders the served contract with the packaged Swagger UI, with no request leaving the server. */
class DocsBrowserIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void docs_renderTheContract_offline() {
        try (Browser browser = Browser.desktop()) {
            browser.open(SERVER.baseUrl() + "/docs");

            assertThat(browser.awaitVisible(".information-container .title").getText()).startsWith("Rapport API");
            browser.await(d -> browser.findAll(".opblock").size() > 50);
            assertThat(browser.findAll(".opblock-summary-path").stream().map(e -> e.getText()))
                    .contains("/v1/embed-tokens", "/v1/app/install-link-exchanges");
            assertThat(browser.requestedUrls()).allMatch(url -> url.startsWith(SERVER.baseUrl()));
            browser.screenshot("docs");
            System.out.println("[browser] axe /docs (Swagger UI, reported only): " + browser.axeViolations());
        }
    }
}
