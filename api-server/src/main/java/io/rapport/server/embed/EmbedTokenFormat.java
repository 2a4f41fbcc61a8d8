package io.rapport.server.embed;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ret_<base64url("orgId.officerId.expiresAtEpochSeconds")>.<base64url(HMAC-SHA256)>}, keyed with
 * the organization's embed key. Stateless: nothing is stored per token, so a token cannot be revoked,
 * which is why it lives minutes by default and 12 hours at most.
 */
final class EmbedTokenFormat {
    static final String PREFIX = "ret_";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private EmbedTokenFormat() {
    }

    /** What a token claims before its signature is checked. */
    record Claims(UUID orgId, UUID officerId, Instant expiresAt) {
    }

    static String sign(byte[] key, Claims claims) {
        String payload = ENCODER.encodeToString(text(claims).getBytes(StandardCharsets.US_ASCII));
        return PREFIX + payload + "." + ENCODER.encodeToString(hmac(key, payload));
    }

    static boolean looksLikeToken(String token) {
        return token.startsWith(PREFIX);
    }

    /** The claims, unverified; empty when the token is not well formed. */
    static Optional<Claims> claimsOf(String token) {
        try {
            String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            String[] fields = new String(DECODER.decode(parts[0]), StandardCharsets.US_ASCII).split("\\.", -1);
            if (fields.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Claims(UUID.fromString(fields[0]), UUID.fromString(fields[1]),
                    Instant.ofEpochSecond(Long.parseLong(fields[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean verifies(byte[] key, String token) {
        String body = token.substring(PREFIX.length());
        int dot = body.indexOf('.');
        try {
            byte[] presented = DECODER.decode(body.substring(dot + 1));
            return MessageDigest.isEqual(hmac(key, body.substring(0, dot)), presented);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Claims claims) {
        return claims.orgId() + "." + claims.officerId() + "." + claims.expiresAt().getEpochSecond();
    }

    private static byte[] hmac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
