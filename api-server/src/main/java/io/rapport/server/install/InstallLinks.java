package io.rapport.server.install;

import io.rapport.server.common.auth.Secrets;
import io.rapport.server.common.problem.ApiProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One-time install links. The phone opens {@code /i/{code}} and exchanges the code (POST, in the body)
 * for a fresh install token, which then lives only in the app's storage: the long-lived token never
 * travels in a URL. Exchanging replaces the install's token, so one install is one phone.
 */
public class InstallLinks {
    static final Duration LIFETIME = Duration.ofDays(7);
    private final Jdbi jdbi;
    private final Clock clock;

    public InstallLinks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    InstallLink issue(Handle handle, UUID orgId, UUID installId) {
        String code = InstallLinkFormat.compose(orgId, Secrets.random());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        handle.attach(InstallLinkDao.class).insert(orgId, Secrets.sha256(code), installId, now, expiresAt);
        return new InstallLink("/i/" + code, expiresAt);
    }

    /** The install's new token; the link is used up in the same transaction. */
    public ExchangedLink exchange(String code) {
        UUID orgId = InstallLinkFormat.orgIdOf(code).orElseThrow(InstallLinks::unknown);
        byte[] hash = Secrets.sha256(code);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            InstallLinkDao dao = handle.attach(InstallLinkDao.class);
            StoredInstallLink link = dao.lock(orgId, hash).orElseThrow(InstallLinks::unknown);
            if (link.usedAt() != null) {
                throw gone("install_link_used", "This install link has been used already; ask your loan officer for a new one");
            }
            if (!now.isBefore(link.expiresAt())) {
                throw gone("install_link_expired", "This install link has expired; ask your loan officer for a new one");
            }
            if (!"active".equals(link.installStatus()) || !"active".equals(link.orgStatus())) {
                throw gone("install_inactive", "This app install is no longer active");
            }
            dao.markUsed(orgId, hash, now);
            String token = InstallTokenFormat.compose(orgId, Secrets.random());
            dao.replaceToken(orgId, link.installId(), InstallTokenFormat.prefixOf(token), Secrets.sha256(token));
            return new ExchangedLink(link.installId(), token);
        });
    }

    /** What an exchange answers: the install and its new token, shown this once. */
    public record ExchangedLink(UUID installId, String token) {
    }

    private static ApiProblemException unknown() {
        return new ApiProblemException(404, "install_link_unknown", "Not Found", "This install link is not known");
    }

    private static ApiProblemException gone(String code, String detail) {
        return new ApiProblemException(410, code, "Gone", detail);
    }
}
