package io.rapport.server.apikey;

/** A key at the one moment its secret is known: the response that creates it. */
public record IssuedKey(ApiKey key, String secret) {
}
