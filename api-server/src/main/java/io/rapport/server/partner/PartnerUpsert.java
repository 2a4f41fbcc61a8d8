package io.rapport.server.partner;

import org.jdbi.v3.core.mapper.Nested;

/** The row an upsert left, and whether it was created rather than replaced. */
public record PartnerUpsert(@Nested Partner partner, boolean inserted) {
}
