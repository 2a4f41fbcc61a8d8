package io.rapport.server.score.write;

/**
 * A score row this transaction holds {@code FOR UPDATE}, with the physical address of the version it locked.
 * Nothing else can write that version before the transaction ends, so the write-back finds it by address
 * ({@code ctid}) instead of by key: an update-heavy table keeps many dead versions between vacuums, and
 * looking the rows up again by key visited every one of them.
 */
record LockedScore(String ctid, StoredScore score) {
}
