package io.rapport.sdk;

import io.rapport.sdk.internal.api.OrganizationsApi;
import io.rapport.sdk.model.Organization;
import io.rapport.sdk.model.OrganizationInput;
import io.rapport.sdk.model.OrganizationPage;
import io.rapport.sdk.model.OrganizationUpdate;
import java.util.UUID;
import java.util.stream.Stream;

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

    /**
     * @param input the organization
     * @return the created organization
     */
    public Organization create(OrganizationInput input) {
        return executor.create((key, headers) -> api.createOrganization(input, key, headers));
    }

    /**
     * @param orgId the organization
     * @return it
     */
    public Organization get(UUID orgId) {
        return executor.execute(headers -> api.getOrganization(orgId, headers));
    }

    /**
     * One page of organizations.
     *
     * @param query paging
     * @return the page; pass its {@code nextCursor} as the next query's cursor
     */
    public OrganizationPage list(PageQuery query) {
        return executor.execute(headers -> api.listOrganizations(query.limit(), query.cursor(), headers));
    }

    /**
     * Every one from the query's cursor on, fetching pages lazily as the stream is consumed.
     *
     * @param query paging; its limit is the page size (default 500)
     * @return them all
     */
    public Stream<Organization> all(PageQuery query) {
        return Pages.stream(query.cursor(), cursor -> {
            OrganizationPage page = executor.execute(headers -> api.listOrganizations(query.pageSize(), cursor, headers));
            return new Pages.Slice<>(page.getItems(), page.getNextCursor());
        });
    }

    /**
     * @param limit  page size
     * @param cursor where to continue
     * @return the page
     * @deprecated use {@link #list(PageQuery)}
     */
    @Deprecated(since = "0.2")
    public OrganizationPage list(Integer limit, String cursor) {
        return executor.execute(headers -> api.listOrganizations(limit, cursor, headers));
    }

    /**
     * Renames, deactivates or reactivates an organization.
     *
     * @param orgId  the organization
     * @param update what changes
     * @return the organization as stored
     */
    public Organization update(UUID orgId, OrganizationUpdate update) {
        return executor.execute(headers -> api.updateOrganization(orgId, update, headers));
    }
}
