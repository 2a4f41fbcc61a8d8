package io.rapport.server.embed;

/** What verifying an embed token needs: the org's key (null if it never minted one) and whether all is active. */
public record EmbedKey(byte[] signingKey, String orgStatus, boolean officerActive) {
}
