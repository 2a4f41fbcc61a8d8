package io.rapport.it.platform;

import static io.rapport.it.support.Fixtures.aPartner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.ApiKey;
import io.rapport.sdk.model.ApiKeyCreated;
import io.rapport.sdk.model.ApiKeyInput;
import io.rapport.sdk.model.Organization;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.OrganizationPage;
import io.rapport.sdk.model.OrganizationStatus;
import io.rapport.sdk.model.OrganizationUpdate;
import io.rapport.sdk.model.Scope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganizationsIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @Test
    void platformAdmin_createsAndReadsOrganizations() {
        RapportClient admin = SERVER.admin();
        Organization created = admin.organizations().create(new OrganizationInput().name("Summit Home Loans"));

        assertThat(created.getStatus()).isEqualTo(OrganizationStatus.ACTIVE);
        assertThat(admin.organizations().get(created.getId())).isEqualTo(created);
        OrganizationPage page = admin.organizations().list(500, null);
        assertThat(page.getItems()).extracting(Organization::getId).contains(created.getId());
    }

    @Test
    void unknownOrganization_answers404() {
        assertThatThrownBy(() -> SERVER.admin().organizations().get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> SERVER.admin().apiKeys().createFor(UUID.randomUUID(),
                new ApiKeyInput().name("x").scopes(new LinkedHashSet<>(List.of(Scope.ADMIN)))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void createdKey_isShownOnce_andListedOnlyByPrefix() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated created = org.client().apiKeys().create(new ApiKeyInput().name("CRM sync")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_WRITE, Scope.EVENTS_WRITE))));

        assertThat(created.getSecret()).startsWith("rk_");
        ApiKey listed = org.client().apiKeys().list(50, null).getItems().stream()
                .filter(k -> k.getId().equals(created.getApiKey().getId())).findFirst().orElseThrow();
        assertThat(listed.getName()).isEqualTo("CRM sync");
        assertThat(listed.getScopes()).containsExactlyInAnyOrder(Scope.PARTNERS_WRITE, Scope.EVENTS_WRITE);
        assertThat(created.getSecret()).contains(listed.getPrefix().substring("rk_…".length()));
        assertThat(listed.getPrefix().length()).isLessThan(16);
        assertThat(listed.toString()).doesNotContain(created.getSecret());
    }

    @Test
    void usingAKey_recordsLastUsedTime() {
        TestOrg org = SERVER.newOrg();
        ApiKeyCreated created = org.client().apiKeys().create(new ApiKeyInput().name("reader")
                .scopes(new LinkedHashSet<>(List.of(Scope.PARTNERS_READ))));
        assertThat(created.getApiKey().getLastUsedAt()).isNull();

        SERVER.client(created.getSecret()).partners().list(1, null, null, null);

        ApiKey listed = org.client().apiKeys().list(50, null).getItems().stream()
                .filter(k -> k.getId().equals(created.getApiKey().getId())).findFirst().orElseThrow();
        assertThat(listed.getLastUsedAt()).isNotNull();
    }

    @Test
    void deactivatedOrganization_isLockedOut_untilReactivated() {
        TestOrg org = SERVER.newOrg();
        aPartner().create(org.client());
        RapportClient admin = SERVER.admin();

        Organization deactivated = admin.organizations().update(org.orgId(),
                new OrganizationUpdate().name("Gone").status(OrganizationStatus.DEACTIVATED));
        assertThat(deactivated.getStatus()).isEqualTo(OrganizationStatus.DEACTIVATED);
        assertThatThrownBy(() -> org.client().partners().list(10, null, null, null))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo("organization_deactivated"));

        admin.organizations().update(org.orgId(), new OrganizationUpdate().name("Back").status(OrganizationStatus.ACTIVE));
        assertThat(org.client().partners().list(10, null, null, null).getItems()).hasSize(1);
    }
}
