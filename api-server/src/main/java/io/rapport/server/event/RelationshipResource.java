package io.rapport.server.event;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.RelationshipsApi;
import io.rapport.server.generated.model.RelationshipPage;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public class RelationshipResource implements RelationshipsApi {
    private final RelationshipService relationships;

    public RelationshipResource(RelationshipService relationships) {
        this.relationships = relationships;
    }

    @Override
    public Response getRelationship(UUID relationshipId) {
        return Response.ok(toDto(relationships.get(Callers.orgId(), relationshipId))).build();
    }

    @Override
    public Response listRelationships(Integer limit, String cursor, UUID officerId, UUID partnerId) {
        Page<Relationship> page = relationships.list(Callers.orgId(), officerId, partnerId, cursor, limit);
        return Response.ok(new RelationshipPage().items(page.map(RelationshipResource::toDto).items())
                .nextCursor(page.nextCursor())).build();
    }

    public static io.rapport.server.generated.model.Relationship toDto(Relationship r) {
        return new io.rapport.server.generated.model.Relationship()
                .id(r.relationshipId())
                .officerId(r.officerId())
                .partnerId(r.partnerId())
                .createdAt(Timestamps.utc(r.createdAt()));
    }
}
