package io.rapport.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.RawHttp;
import io.rapport.it.support.TestDatabases;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.InvalidRequestException;
import io.rapport.sdk.ServerException;
import io.rapport.sdk.model.PartnerInput;
import io.rapport.sdk.model.PartnerType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProblemsIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestOrg org;
    private static RawHttp http;

    @BeforeAll
    static void org() {
        org = SERVER.newOrg();
        http = new RawHttp(SERVER.baseUrl(), org.apiKey());
    }

    @Test
    void validationErrors_answer422_namingEveryField() {
        assertThatThrownBy(() -> org.client().partners().create(new PartnerInput()
                .name("").type(PartnerType.REALTOR).email("not-an-email")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.fieldErrors()).extracting(f -> f.getField()).containsExactly("email", "name");
                });
        assertThat(org.client().partners().all(null, null)).isEmpty();
    }

    @Test
    void missingRequiredField_andMissingBody_answer422() throws Exception {
        HttpResponse<String> noType = http.postJson("/v1/partners", "{\"name\":\"Pat\"}");
        assertProblem(noType, 422, "validation_failed");
        assertThat(field(noType)).isEqualTo("type");

        HttpResponse<String> noBody = http.send("POST", "/v1/partners", "application/json", null);
        assertProblem(noBody, 422, "validation_failed");
        assertThat(field(noBody)).isEqualTo("body");
    }

    @Test
    void enumValueOutsideTheContract_answers422_namingTheField() throws Exception {
        HttpResponse<String> response = http.postJson("/v1/partners", "{\"name\":\"Pat\",\"type\":\"astronaut\"}");
        assertProblem(response, 422, "validation_failed");
        assertThat(field(response)).isEqualTo("type");
    }

    @Test
    void malformedJson_answers400() throws Exception {
        assertProblem(http.postJson("/v1/partners", "{\"name\": "), 400, "malformed_json");
        assertProblem(http.postJson("/v1/partners", "[1,2]"), 400, "malformed_json");
    }

    @Test
    void unknownJsonField_answers400_namingIt() throws Exception {
        HttpResponse<String> response = http.postJson("/v1/partners", "{\"name\":\"Pat\",\"type\":\"cpa\",\"favouriteColour\":\"red\"}");
        assertProblem(response, 400, "unknown_field");
        assertThat(field(response)).isEqualTo("favouriteColour");
    }

    @Test
    void badQueryParameters_answerClearly() throws Exception {
        HttpResponse<String> tooBig = http.send("GET", "/v1/partners?limit=501", null, null);
        assertProblem(tooBig, 422, "validation_failed");
        assertThat(field(tooBig)).isEqualTo("limit");

        assertProblem(http.send("GET", "/v1/partners?type=astronaut", null, null), 400, "invalid_parameter");
        assertProblem(http.send("GET", "/v1/partners?cursor=%21%21", null, null), 422, "validation_failed");
        assertProblem(http.send("GET", "/v1/partners/not-a-uuid", null, null), 404, "not_found");
    }

    @Test
    void wrongMediaType_answers415() throws Exception {
        assertProblem(http.send("POST", "/v1/partners", "text/plain", "name=Pat"), 415, "unsupported_media_type");
    }

    @Test
    void unknownRoute_answers404_andWrongMethod405() throws Exception {
        assertProblem(http.send("GET", "/v1/no-such-thing", null, null), 404, "not_found");
        HttpResponse<String> notAllowed = http.send("DELETE", "/v1/partners", null, null);
        assertProblem(notAllowed, 405, "method_not_allowed");
        assertThat(notAllowed.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET", "POST"));
    }

    @Test
    void everyResponse_carriesARequestId_andEchoesASaneOne() {
        HttpResponse<String> ok = http.send("GET", "/v1/partners", null, null);
        HttpResponse<String> error = http.send("GET", "/v1/nowhere", null, null);
        assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(error.headers().firstValue("X-Request-Id")).isPresent();

        var echoed = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(SERVER.baseUrl() + "/v1/partners"))
                .header("Authorization", "Bearer " + org.apiKey()).header("X-Request-Id", "crm-trace-42").build();
        HttpResponse<String> response = send(echoed, request);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("crm-trace-42");
    }

    @Test
    void nonRetryableClientErrors_tellClientsNotToRetry() {
        HttpResponse<String> response = http.postJson("/v1/partners", "{\"name\":\"\",\"type\":\"cpa\"}");
        assertThat(response.headers().firstValue("Rapport-Should-Retry")).hasValue("false");
    }

    @Test
    void unexpectedFailure_answers500_withRequestId_andNoTrace() throws Exception {
        TestDatabases.execute(SERVER.database(), "ALTER TABLE branch RENAME TO branch_moved");
        try {
            HttpResponse<String> response = http.send("GET", "/v1/branches", null, null);
            assertProblem(response, 500, "internal_error");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(response.body()).doesNotContain("Exception", "at io.", "PSQL", "branch");
            assertThatThrownBy(() -> org.client().branches().list(10, null)).isInstanceOf(ServerException.class);
        } finally {
            TestDatabases.execute(SERVER.database(), "ALTER TABLE branch_moved RENAME TO branch");
        }
        assertThat(org.client().branches().list(10, null).getItems()).isEmpty();
    }

    @Test
    void contract_isServedWithoutCredentials() {
        HttpResponse<String> response = new RawHttp(SERVER.baseUrl(), null).send("GET", "/openapi.yaml", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3").contains("operationId: createPartner");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("type").asText()).isNotBlank();
    }

    private static String field(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("errors").path(0).path("field").asText();
    }

    private static HttpResponse<String> send(java.net.http.HttpClient client, java.net.http.HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
