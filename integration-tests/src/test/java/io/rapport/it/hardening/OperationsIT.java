package io.rapport.it.hardening;

import static io.rapport.it.support.Fixtures.aPartner;
import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.AppInstallInput;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.OrganizationStatus;
import io.rapport.sdk.model.OrganizationUpdate;
import io.rapport.sdk.model.Partner;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What on-call relies on: Prometheus metrics, health checks, the admin port's binding, connection handling. */
class OperationsIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusPage_showsEndpointTimersAndBusinessFigures() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        RawHttp http = new RawHttp(SERVER.baseUrl(), org.apiKey());
        String id = UUID.randomUUID().toString();
        String event = "{\"eventId\":\"" + id + "\",\"type\":\"app_opened\",\"officerId\":\"" + officer.getId()
                + "\",\"partnerId\":\"" + partner.getId() + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
        String unknownType = event.replace(id, UUID.randomUUID().toString()).replace("app_opened", "no_such_type");
        assertThat(http.postJson("/v1/events", "{\"events\":[" + event + "," + event + "," + unknownType + "]}").statusCode())
                .isEqualTo(200);
        assertThat(new RawHttp(SERVER.baseUrl(), "rk_wrong").get("/v1/partners").statusCode()).isEqualTo(401);

        String page = admin("/metrics/prometheus").body();

        assertThat(page).contains("rapport_events{outcome=\"accepted\",} 1.0", "rapport_events{outcome=\"duplicate\",} 1.0",
                "rapport_events_rejected{code=\"unknown_event_type\",} 1.0",
                "rapport_http_requests_count{operation=\"ingestEvents\",} 1.0",
                "rapport_problems{code=\"invalid_credentials\",} 1.0", "rapport_webhook_backlog", "rapport_score_sweep_lag_seconds",
                "rapport_rescore_jobs_unfinished", "rapport_rescore_progress_ratio");
    }

    @Test
    void healthCheck_reportsEachCheckWithoutStackTraces() throws Exception {
        HttpResponse<String> health = admin("/healthcheck");

        JsonNode checks = JSON.readTree(health.body());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(checks.path("schema").path("healthy").asBoolean()).isTrue();
        assertThat(checks.path("postgresql").path("healthy").asBoolean()).isTrue();
        assertThat(health.body()).doesNotContain("stack", "\tat ");
    }

    @Test
    void adminPort_listensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(n -> !isLoopback(n)).flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst();
        assertThat(admin("/healthcheck").statusCode()).isEqualTo(200);
        if (external.isPresent()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), SERVER.adminPort()), 2000);
                throw new AssertionError("the admin port answered on " + external.get());
            } catch (java.net.ConnectException refused) {
                // as it should
            }
        }
    }

    @Test
    void refusedBeforeItsBodyIsRead_theAnswerClosesTheConnection() throws Exception {
        int port = Integer.parseInt(SERVER.baseUrl().substring(SERVER.baseUrl().lastIndexOf(':') + 1));
        try (Socket socket = new Socket("localhost", port)) {
            byte[] body = "{\"events\":[]}".repeat(1000).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer rk_wrong\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 100);
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void deactivatedOrganization_appFeedAnswers410() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        String token = org.client().appInstalls().register(new AppInstallInput().officerId(officer.getId())
                .partnerId(partner.getId())).getToken();
        try (RapportClient admin = SERVER.admin()) {
            admin.organizations().update(org.orgId(), new OrganizationUpdate().name("Gone").status(OrganizationStatus.DEACTIVATED));
        }

        HttpResponse<String> feed = new RawHttp(SERVER.baseUrl(), token).get("/v1/app/feed");

        assertThat(feed.statusCode()).isEqualTo(410);
        assertThat(feed.body()).contains("\"code\":\"organization_deactivated\"");
    }

    @Test
    void nullPropertyValues_areKeptWhenStored() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        Partner partner = aPartner().create(org.client());
        RawHttp http = new RawHttp(SERVER.baseUrl(), org.apiKey());
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"content_viewed\",\"officerId\":\"" + officer.getId()
                + "\",\"partnerId\":\"" + partner.getId() + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"properties\":{\"campaign\":null,\"channel\":\"email\"}}";
        assertThat(http.postJson("/v1/events", "{\"events\":[" + event + "]}").body()).contains("\"accepted\":1");

        JsonNode stored = JSON.readTree(http.get("/v1/partners/" + partner.getId() + "/events").body()).path("items").get(0);

        assertThat(stored.path("properties").has("campaign")).isTrue();
        assertThat(stored.path("properties").get("campaign").isNull()).isTrue();
        assertThat(stored.path("properties").path("channel").asText()).isEqualTo("email");
    }

    private static HttpResponse<String> admin(String path) {
        return new RawHttp("http://localhost:" + SERVER.adminPort(), null).get(path);
    }

    private static boolean isLoopback(NetworkInterface network) {
        try {
            return network.isLoopback() || !network.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
