package io.rapport.server.score;

import io.rapport.server.common.problem.ApiProblemException;

/** The scoring model's ETag is its version, quoted: {@code "3"}. */
final class ETags {
    private ETags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /** @throws ApiProblemException 428 when absent, 422 on the If-Match field when unreadable */
    static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblemException(428, "precondition_required", "Precondition Required",
                    "Send If-Match with the ETag of the scoring model you read");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiProblemException.invalid("If-Match", "is not an ETag this API returned");
        }
    }
}
