package io.rapport.server.officer;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.OfficersApi;
import io.rapport.server.generated.model.OfficerInput;
import io.rapport.server.generated.model.OfficerPage;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class OfficerResource implements OfficersApi {
    private final OfficerService officers;

    public OfficerResource(OfficerService officers) {
        this.officers = officers;
    }

    @Override
    public Response createOfficer(OfficerInput input, String idempotencyKey) {
        Officer officer = officers.create(Callers.orgId(), toDraft(input));
        return Response.created(URI.create("/v1/officers/" + officer.officerId())).entity(toDto(officer)).build();
    }

    @Override
    public Response listOfficers(Integer limit, String cursor, UUID branchId, Boolean active) {
        Page<Officer> page = officers.list(Callers.orgId(), branchId, active, cursor, limit);
        return Response.ok(new OfficerPage().items(page.map(OfficerResource::toDto).items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getOfficer(UUID officerId) {
        return Response.ok(toDto(officers.get(Callers.orgId(), officerId))).build();
    }

    @Override
    public Response updateOfficer(UUID officerId, OfficerInput input) {
        return Response.ok(toDto(officers.update(Callers.orgId(), officerId, toDraft(input)))).build();
    }

    @Override
    public Response upsertOfficerByExternalId(String externalId, OfficerInput input) {
        OfficerUpsert result = officers.upsert(Callers.orgId(), externalId, toDraft(input));
        return Response.status(result.inserted() ? 201 : 200).entity(toDto(result.officer())).build();
    }

    private static OfficerDraft toDraft(OfficerInput input) {
        return new OfficerDraft(input.getExternalId(), input.getBranchId(), input.getDisplayName(), input.getTitle(),
                input.getNmlsId(), input.getPhone(), input.getEmail(), input.getBio(),
                OfficerCards.socialLinks(input.getSocialLinks()), OfficerCards.brandColors(input.getBrandColors()),
                !Boolean.FALSE.equals(input.getActive()));
    }

    public static io.rapport.server.generated.model.Officer toDto(Officer officer) {
        return new io.rapport.server.generated.model.Officer()
                .id(officer.officerId())
                .externalId(officer.externalId())
                .branchId(officer.branchId())
                .displayName(officer.displayName())
                .title(officer.title())
                .nmlsId(officer.nmlsId())
                .phone(officer.phone())
                .email(officer.email())
                .bio(officer.bio())
                .socialLinks(OfficerCards.toDto(officer.socialLinks()))
                .brandColors(OfficerCards.toDto(officer.brandColors()))
                .photoEtag(officer.photoEtag())
                .active(officer.active())
                .createdAt(Timestamps.utc(officer.createdAt()))
                .updatedAt(Timestamps.utc(officer.updatedAt()));
    }
}
