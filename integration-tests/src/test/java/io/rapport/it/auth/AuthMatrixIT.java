package io.rapport.it.auth;

import static io.rapport.it.support.Fixtures.aPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.AuthenticationException;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.Partner;
import io.rapport.sdk.model.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthMatrixIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void noKey_answers401_withBearerChallenge() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/v1/partners")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void unknownKey_answers401() {
        TestOrg org = SERVER.newOrg();
        String forged = org.apiKey().substring(0, org.apiKey().length() - 4) + "AAAA";

        assertThatThrownBy(() -> SERVER.client(forged).partners().list(10, null, null, null))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("invalid_credentials"));
        assertThatThrownBy(() -> SERVER.client("not-a-rapport-key").partners().list(10, null, null, null))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void revokedKey_stopsWorkingAtOnce() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated created = org.client().apiKeys().create(
                new ApiKeyInput().name("temp").scopes(Set.of(Scope.PARTNERS_READ)));
        RapportClient temp = SERVER.client(created.getSecret());
        assertThat(temp.partners().list(10, null, null, null).getItems()).isEmpty();

        org.client().apiKeys().revoke(created.getApiKey().getId());

        assertThatThrownBy(() -> temp.partners().list(10, null, null, null)).isInstanceOf(AuthenticationException.class);
        assertThat(org.client().apiKeys().list(50, null).getItems())
                .filteredOn(k -> k.getId().equals(created.getApiKey().getId()))
                .singleElement().satisfies(k -> assertThat(k.getRevokedAt()).isNotNull());
    }

    @Test
    void missingScope_answers403_andWritesNothing() {
        TestOrg org = SERVER.newOrg();
        RapportClient readOnly = org.clientWith(Scope.PARTNERS_READ);

        assertThatThrownBy(() -> aPartner().create(readOnly))
                .isInstanceOfSatisfying(PermissionException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("missing_scope");
                });
        assertThat(org.client().partners().all(null, null)).isEmpty();
    }

    @Test
    void scopedKey_canDoWhatItsScopeAllows() {
        TestOrg org = SERVER.newOrg();
        RapportClient writer = org.clientWith(Scope.PARTNERS_WRITE);
        RapportClient reader = org.clientWith(Scope.PARTNERS_READ);

        Partner partner = aPartner().create(writer);

        assertThat(reader.partners().get(partner.getId())).isEqualTo(partner);
        assertThatThrownBy(() -> writer.partners().get(partner.getId())).isInstanceOf(PermissionException.class);
        assertThatThrownBy(() -> reader.apiKeys().list(10, null)).isInstanceOf(PermissionException.class);
    }

    @Test
    void orgKeys_cannotUsePlatformOperations_andPlatformKeyHasNoOrg() {
        TestOrg org = SERVER.newOrg();

        assertThatThrownBy(() -> org.client().organizations().create(new OrganizationInput().name("sneaky")))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo("missing_scope"));
        assertThatThrownBy(() -> org.client().organizations().get(org.orgId())).isInstanceOf(PermissionException.class);
        assertThatThrownBy(() -> SERVER.admin().partners().list(10, null, null, null)).isInstanceOf(PermissionException.class);
    }

    @Test
    void otherTenantsIds_answer404_forEveryKindOfRecord() {
        TestOrg mine = SERVER.newOrg();
        TestOrg theirs = SERVER.newOrg();
        var theirBranch = io.rapport.it.support.Fixtures.aBranch(theirs.client());
        var theirOfficer = io.rapport.it.support.Fixtures.anOfficer().branch(theirBranch.getId()).create(theirs.client());
        ApiKeyCreated theirKey = theirs.client().apiKeys().create(
                new ApiKeyInput().name("theirs").scopes(Set.of(Scope.PARTNERS_READ)));

        assertThatThrownBy(() -> mine.client().branches().get(theirBranch.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.client().officers().get(theirOfficer.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.client().apiKeys().revoke(theirKey.getApiKey().getId())).isInstanceOf(NotFoundException.class);
        assertThat(SERVER.client(theirKey.getSecret()).partners().list(10, null, null, null).getItems()).isEmpty();
    }
}
