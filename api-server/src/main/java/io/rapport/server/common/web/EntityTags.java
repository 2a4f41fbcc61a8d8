package io.rapport.server.common.web;

import io.rapport.server.common.problem.ApiProblemException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity tags and the conditional-request headers (RFC 9110 §13): one reading for every versioned resource. */
public final class EntityTags {
    private static final Pattern VERSION_TAG = Pattern.compile("\\s*\"(\\d{1,9})\"\\s*");

    private EntityTags() {
    }

    /** A strong entity tag naming exactly these bytes: their SHA-256, base64url. */
    public static String ofBytes(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The strong entity tag of a content item's version. */
    public static String ofVersion(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names. Absent answers 428; a header that names no
     * version of ours (a weak tag, {@code *}, garbage) can never match and answers 412.
     */
    public static int requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblemException(428, "if_match_required", "Precondition Required",
                    "Send If-Match with the current version (its ETag), so concurrent changes are not lost");
        }
        Matcher m = VERSION_TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw versionMismatch("If-Match " + ifMatch + " does not name a version of this resource");
        }
        return Integer.parseInt(m.group(1));
    }

    public static ApiProblemException versionMismatch(String detail) {
        return new ApiProblemException(412, "version_mismatch", "Precondition Failed", detail);
    }

    /** Whether {@code If-None-Match} names {@code etag}; weak comparison, as RFC 9110 asks for this header. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || etag == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = stripWeak(etag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(EntityTags::stripWeak)
                .anyMatch(opaque::equals);
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
