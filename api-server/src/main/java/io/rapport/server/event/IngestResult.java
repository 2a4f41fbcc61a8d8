package io.rapport.server.event;

import java.util.List;

/** The per-event answer to a batch: how many were stored, how many were repeats, and why the rest were not. */
public record IngestResult(int accepted, int duplicates, List<EventRejection> rejected) {
}
