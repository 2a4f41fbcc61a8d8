package io.rapport.server.common.auth;

import io.rapport.server.common.problem.ApiProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/** Authenticates the bearer credential, then checks it carries the operation's scope. */
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";
    private static final String ORGANIZATION_DEACTIVATED = "organization_deactivated";
    private final List<String> acceptedScopes;
    private final List<CredentialResolver> resolvers;
    private final boolean goneWhenDeactivated;

    /** {@code acceptedScopes}: the caller needs any one of them. */
    AuthFilter(List<String> acceptedScopes, List<CredentialResolver> resolvers) {
        this(acceptedScopes, resolvers, false);
    }

    /** {@code goneWhenDeactivated}: a deactivated organization's caller gets 410 (DESIGN §3: the app feed), not 403. */
    AuthFilter(List<String> acceptedScopes, List<CredentialResolver> resolvers, boolean goneWhenDeactivated) {
        this.acceptedScopes = List.copyOf(acceptedScopes);
        this.resolvers = resolvers;
        this.goneWhenDeactivated = goneWhenDeactivated;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller;
        try {
            caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (ApiProblemException e) {
            if (goneWhenDeactivated && ORGANIZATION_DEACTIVATED.equals(e.code())) {
                throw new ApiProblemException(410, ORGANIZATION_DEACTIVATED, "Gone", e.detail());
            }
            throw e;
        }
        if (acceptedScopes.stream().noneMatch(caller::allows)) {
            throw ApiProblemException.forbidden("missing_scope",
                    "This credential lacks the '" + String.join("' or '", acceptedScopes)
                            + "' scope this operation requires");
        }
        Callers.set(caller);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    private Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiProblemException.unauthorized("Send an API key as 'Authorization: Bearer <key>'");
        }
        String token = authorization.substring(BEARER.length()).trim();
        for (CredentialResolver resolver : resolvers) {
            Optional<Caller> caller = resolver.resolve(token);
            if (caller.isPresent()) {
                return caller.get();
            }
        }
        throw new ApiProblemException(401, "invalid_credentials", "Unauthorized",
                "The key is unknown or has been revoked");
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.allows(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
