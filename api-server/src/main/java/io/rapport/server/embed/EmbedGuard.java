package io.rapport.server.embed;

import io.rapport.server.common.auth.EmbedCaller;
import io.rapport.server.common.problem.ApiProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps an embed token to its one officer on the operations the contract opens to it: an officer id in the
 * path must be the token's, a relationship in the path must be that officer's; anything else answers 404,
 * as another organization's ids do. Runs after authentication, before the resource.
 */
@Priority(Priorities.AUTHORIZATION)
public class EmbedGuard implements ContainerRequestFilter {
    private final Jdbi jdbi;

    public EmbedGuard(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof EmbedCaller embed)) {
            return;
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String officerId = path.getFirst("officerId");
        if (officerId != null && !officerId.equalsIgnoreCase(embed.officerId().toString())) {
            throw ApiProblemException.notFound("Officer " + officerId);
        }
        String relationshipId = path.getFirst("relationshipId");
        if (relationshipId != null && !ownRelationship(embed, relationshipId)) {
            throw ApiProblemException.notFound("Relationship " + relationshipId);
        }
    }

    private boolean ownRelationship(EmbedCaller embed, String relationshipId) {
        UUID id;
        try {
            id = UUID.fromString(relationshipId);
        } catch (IllegalArgumentException e) {
            return true; // not a uuid: the resource answers its own 400
        }
        return jdbi.withExtension(EmbedDao.class, dao -> dao.officerOf(embed.orgId(), id))
                .map(embed.officerId()::equals).orElse(false);
    }
}
