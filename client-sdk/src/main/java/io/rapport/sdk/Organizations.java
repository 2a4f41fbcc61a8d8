package io.rapport.sdk;

import io.rapport.sdk.internal.api.OrganizationsApi;
import io.rapport.sdk.model.Organization;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.OrganizationPage;
import io.rapport.sdk.model.OrganizationUpdate;
import java.util.UUID;

/**
 * Tenants; every call needs the platform admin key. Thread-safe. Methods throw
 * {@link RapportApiException} subclasses for problems and {@link RapportConnectionException} when the
 * server cannot be reached.
 */
public final class Organizations {
    private final OrganizationsApi api;
    private final RequestExecutor executor;

    Organizations(OrganizationsApi api, RequestExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    public Organization create(OrganizationInput input) {
        return executor.create((key, headers) -> api.createOrganization(input, key, headers));
    }

    public Organization get(UUID orgId) {
        return executor.execute(headers -> api.getOrganization(orgId, headers));
    }

    public OrganizationPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listOrganizations(limit, cursor, headers));
    }

    /** Renames, deactivates or reactivates an organization. */
    public Organization update(UUID orgId, OrganizationUpdate update) {
        return executor.execute(headers -> api.updateOrganization(orgId, update, headers));
    }
}
