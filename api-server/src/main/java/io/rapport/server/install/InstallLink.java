package io.rapport.server.install;

import java.time.Instant;

/** A one-time install link at the moment it is issued: {@code path} is {@code /i/{code}}. */
public record InstallLink(String path, Instant expiresAt) {
}
