package io.rapport.server.embed;

import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** Mints embed tokens for one officer and keeps the origins allowed to frame the score card. */
public class EmbedService {
    static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    static final Duration MAX_TTL = Duration.ofHours(12);
    /** A scheme and host (a leading {@code *.} allowed), an optional port, nothing after: a CSP source. */
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;
    private final Clock clock;

    public EmbedService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A signed token for an active officer of the organization; {@code ttl} null means the default. */
    public MintedToken mint(UUID orgId, UUID officerId, Duration ttl) {
        Duration lifetime = ttl == null ? DEFAULT_TTL : ttl;
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(MAX_TTL) > 0) {
            throw ApiProblemException.invalid("ttlSeconds", "must be between 60 and 43200");
        }
        Instant now = clock.instant();
        EmbedKey key = jdbi.inTransaction(h -> {
            EmbedDao dao = h.attach(EmbedDao.class);
            dao.ensureKey(orgId, newKey(), now);
            return dao.key(orgId, officerId).orElseThrow(() -> ApiProblemException.invalid("officerId",
                    "names no officer of this organization"));
        });
        if (!key.officerActive()) {
            throw new ApiProblemException(422, "officer_deactivated", "Unprocessable Content",
                    "The officer has been deactivated and gets no score card");
        }
        Instant expiresAt = now.plus(lifetime);
        String token = EmbedTokenFormat.sign(key.signingKey(),
                new EmbedTokenFormat.Claims(orgId, officerId, expiresAt));
        return new MintedToken(token, officerId, expiresAt, "/embed/officer?org=" + orgId + "#token=" + token);
    }

    /** A token as minted, with the score card's path carrying it in the fragment. */
    public record MintedToken(String token, UUID officerId, Instant expiresAt, String path) {
    }

    public List<String> frameAncestors(UUID orgId) {
        return jdbi.withExtension(EmbedDao.class, dao -> dao.frameAncestors(orgId));
    }

    public List<String> setFrameAncestors(UUID orgId, List<String> origins) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            if (origin == null || !ORIGIN.matcher(origin).matches()) {
                problems.add(new FieldProblem("frameAncestors[" + i + "]",
                        "must be an origin such as https://crm.example.com (scheme, host, optional port)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> distinct = origins.stream().distinct().toList();
        jdbi.useExtension(EmbedDao.class, dao -> dao.setFrameAncestors(orgId, newKey(),
                distinct.toArray(String[]::new), clock.instant()));
        return distinct;
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
