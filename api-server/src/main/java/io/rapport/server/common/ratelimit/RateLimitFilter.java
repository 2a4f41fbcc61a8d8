package io.rapport.server.common.ratelimit;

import io.rapport.server.common.auth.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Counts each authenticated request against its credential's bucket (it runs right after
 * authentication) and answers 429 with {@code Retry-After} when the bucket is empty. Every response to
 * an authenticated request carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again).
 */
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!limits.enabled() || !(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return; // unauthenticated resources (the contract) are not limited per key
        }
        RateDecision decision = limits.take(caller.getName());
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfterSeconds());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(DECISION) instanceof RateDecision decision)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("RateLimit-Limit", decision.limit());
        headers.putSingle("RateLimit-Remaining", decision.remaining());
        headers.putSingle("RateLimit-Reset", decision.resetSeconds());
        if (!decision.allowed()) {
            headers.putSingle("Retry-After", decision.retryAfterSeconds());
        }
    }
}
