package io.rapport.server.officer;

import org.jdbi.v3.core.mapper.Nested;

/** The row an upsert left, and whether it was created rather than replaced. */
public record OfficerUpsert(@Nested Officer officer, boolean inserted) {
}
