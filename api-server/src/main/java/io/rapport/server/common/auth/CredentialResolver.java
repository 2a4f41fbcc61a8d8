package io.rapport.server.common.auth;

import java.util.Optional;

/**
 * Checks one kind of bearer credential. Each kind has its own recognisable prefix, so a resolver
 * returns empty for tokens that are not its kind and throws for ones that are but do not verify.
 */
public interface CredentialResolver {
    Optional<Caller> resolve(String token);
}
