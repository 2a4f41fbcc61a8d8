package io.rapport.server.org;

import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.OrganizationsApi;
import io.rapport.server.generated.model.OrganizationInput;
import io.rapport.server.generated.model.OrganizationPage;
import io.rapport.server.generated.model.OrganizationStatus;
import io.rapport.server.generated.model.OrganizationUpdate;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class OrganizationResource implements OrganizationsApi {
    private final OrganizationService organizations;

    public OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Override
    public Response createOrganization(OrganizationInput input, String idempotencyKey) {
        Organization created = organizations.create(input.getName());
        return Response.created(URI.create("/v1/organizations/" + created.orgId())).entity(toDto(created)).build();
    }

    @Override
    public Response listOrganizations(Integer limit, String cursor) {
        Page<Organization> page = organizations.list(cursor, limit);
        return Response.ok(new OrganizationPage()
                .items(page.map(OrganizationResource::toDto).items())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getOrganization(UUID orgId) {
        return Response.ok(toDto(organizations.get(orgId))).build();
    }

    @Override
    public Response updateOrganization(UUID orgId, OrganizationUpdate update) {
        return Response.ok(toDto(organizations.update(orgId, update.getName(), update.getStatus().toString()))).build();
    }

    static io.rapport.server.generated.model.Organization toDto(Organization organization) {
        return new io.rapport.server.generated.model.Organization()
                .id(organization.orgId())
                .name(organization.name())
                .status(OrganizationStatus.fromValue(organization.status()))
                .createdAt(Timestamps.utc(organization.createdAt()));
    }
}
