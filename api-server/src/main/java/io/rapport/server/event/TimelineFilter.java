package io.rapport.server.event;

import java.time.Instant;

/** Narrows a timeline; null fields do not filter. {@code from} is inclusive, {@code to} exclusive. */
public record TimelineFilter(String type, Instant from, Instant to) {
}
