package io.rapport.server.partner;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.PartnersApi;
import io.rapport.server.generated.model.PartnerInput;
import io.rapport.server.generated.model.PartnerPage;
import io.rapport.server.generated.model.PartnerType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

public class PartnerResource implements PartnersApi {
    private final PartnerService partners;

    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @Override
    public Response createPartner(PartnerInput input, String idempotencyKey) {
        Partner partner = partners.create(Callers.orgId(), toDraft(input));
        return Response.created(URI.create("/v1/partners/" + partner.partnerId())).entity(toDto(partner)).build();
    }

    @Override
    public Response listPartners(Integer limit, String cursor, PartnerType type, Boolean active) {
        String typeValue = type == null ? null : type.toString();
        Page<Partner> page = partners.list(Callers.orgId(), typeValue, active, cursor, limit);
        return Response.ok(new PartnerPage().items(page.map(PartnerResource::toDto).items()).nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getPartner(UUID partnerId) {
        return Response.ok(toDto(partners.get(Callers.orgId(), partnerId))).build();
    }

    @Override
    public Response updatePartner(UUID partnerId, PartnerInput input) {
        return Response.ok(toDto(partners.update(Callers.orgId(), partnerId, toDraft(input)))).build();
    }

    @Override
    public Response upsertPartnerByExternalId(String externalId, PartnerInput input) {
        PartnerUpsert result = partners.upsert(Callers.orgId(), externalId, toDraft(input));
        return Response.status(result.inserted() ? 201 : 200).entity(toDto(result.partner())).build();
    }

    private static PartnerDraft toDraft(PartnerInput input) {
        return new PartnerDraft(input.getExternalId(), input.getName(), input.getCompany(), input.getType().toString(),
                input.getEmail(), input.getPhone(), !Boolean.FALSE.equals(input.getActive()));
    }

    public static io.rapport.server.generated.model.Partner toDto(Partner partner) {
        return new io.rapport.server.generated.model.Partner()
                .id(partner.partnerId())
                .externalId(partner.externalId())
                .name(partner.name())
                .company(partner.company())
                .type(PartnerType.fromValue(partner.type()))
                .email(partner.email())
                .phone(partner.phone())
                .active(partner.active())
                .createdAt(Timestamps.utc(partner.createdAt()))
                .updatedAt(Timestamps.utc(partner.updatedAt()));
    }
}
