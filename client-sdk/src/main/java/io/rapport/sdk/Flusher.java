package io.rapport.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sdk.model.EventBatchResult;
import io.rapport.sdk.model.EventRejection;
import io.rapport.sdk.model.UsageEventInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tracker's one background loop: takes up to a batch from the buffer when it is full, when a flush
 * is asked for or when the interval has passed, splits it to stay under the byte limit, sends each part
 * (with the client's retries) and reports every event's outcome. Batches go one after the other, so
 * outcomes arrive in tracking order. Runs until the buffer is closed and empty, or it is interrupted.
 */
final class Flusher implements Runnable {
    /** Room for the batch envelope ({@code sentAt}, brackets) inside the byte limit. */
    private static final int ENVELOPE_BYTES = 256;

    private final EventBuffer buffer;
    private final BatchSender sender;
    private final TrackerLedger ledger;
    private final ObjectMapper mapper;
    private final long intervalNanos;
    private final int maxBatchBytes;
    private volatile List<TrackedEvent> inFlight = List.of();

    Flusher(EventBuffer buffer, BatchSender sender, TrackerLedger ledger, ObjectMapper mapper,
            TrackerOptions options) {
        this.buffer = buffer;
        this.sender = sender;
        this.ledger = ledger;
        this.mapper = mapper;
        this.intervalNanos = EventBuffer.nanos(options.flushInterval());
        this.maxBatchBytes = options.maxBatchBytes();
    }

    @Override
    public void run() {
        try {
            while (!buffer.isDrained() && !Thread.currentThread().isInterrupted()) {
                List<TrackedEvent> taken = buffer.next(intervalNanos);
                if (taken.isEmpty()) {
                    continue;
                }
                inFlight = taken;
                for (List<TrackedEvent> part : split(taken)) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // close() gave up: it reports the unsent parts from inFlight()
                    }
                    List<TrackedEvent> sendable = ledger.sendable(part);
                    if (!sendable.isEmpty()) {
                        send(sendable);
                    }
                }
                ledger.settledThrough(taken.get(taken.size() - 1).sequence);
                inFlight = List.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() gave up waiting: it reports what is left
        }
    }

    /** The events taken but perhaps not yet settled, for {@code close()} to report if the loop was cut short. */
    List<TrackedEvent> inFlight() {
        return inFlight;
    }

    private List<List<TrackedEvent>> split(List<TrackedEvent> taken) {
        List<List<TrackedEvent>> parts = new ArrayList<>();
        List<TrackedEvent> part = new ArrayList<>();
        long bytes = ENVELOPE_BYTES;
        for (TrackedEvent event : taken) {
            int size = serializedSize(event.event) + 1;
            if (size <= 0) {
                ledger.rejected(event, "event_not_serializable", "The event's properties cannot be written as JSON");
                continue;
            }
            if (size + ENVELOPE_BYTES > maxBatchBytes) {
                ledger.rejected(event, "event_too_large", "The event alone is larger than a whole batch may be");
                continue;
            }
            if (bytes + size > maxBatchBytes && !part.isEmpty()) {
                parts.add(part);
                part = new ArrayList<>();
                bytes = ENVELOPE_BYTES;
            }
            part.add(event);
            bytes += size;
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private void send(List<TrackedEvent> part) {
        List<UsageEventInput> events = part.stream().map(e -> e.event).toList();
        try {
            EventBatchResult result = sender.send(events, retryCount -> ledger.retries.increment());
            ledger.batches.increment();
            settle(part, result);
        } catch (RapportApiException e) {
            if (isPermanent(e)) {
                ledger.refusedBatch(part, e);
            } else {
                part.forEach(event -> ledger.failed(event, e));
            }
        } catch (RapportException e) {
            part.forEach(event -> ledger.failed(event, e));
        } catch (RuntimeException e) {
            RapportException failure = new RapportException("Sending a batch of events failed: " + e, e);
            part.forEach(event -> ledger.failed(event, failure));
        }
    }

    /**
     * A 4xx that can never succeed as sent. 408 (timeout), 425, 429 (rate limit) and a 409 the server marks
     * retryable may pass later, as 5xx do: those events failed, they were not refused.
     */
    static boolean isPermanent(RapportApiException e) {
        int status = e.status();
        return status >= 400 && status < 500 && status != 408 && status != 425 && status != 429
                && !"idempotency_request_in_progress".equals(e.code());
    }

    /**
     * Settles each event of the part by the answer. The answer names the stored events ({@code acceptedEventIds})
     * and the duplicates ({@code duplicateEventIds}, one entry per repeated event, the first occurrence of an id
     * being the one stored), so each unrejected event is delivered or a duplicate by its own id; an event the
     * answer does not name failed. A server that does not name them only counts: then a batch is either new or,
     * when nothing was accepted, a resend after a lost response (the server stores a batch in one transaction),
     * and counts that do not add up to the batch fail every unrejected event.
     */
    private void settle(List<TrackedEvent> part, EventBatchResult result) {
        boolean[] refused = new boolean[part.size()];
        int refusedCount = 0;
        for (EventRejection rejection : result.getRejected() == null ? List.<EventRejection>of() : result.getRejected()) {
            int index = rejection.getIndex() == null ? -1 : rejection.getIndex();
            if (index >= 0 && index < part.size() && !refused[index]) {
                refused[index] = true;
                refusedCount++;
                ledger.rejected(part.get(index), rejection.getCode(), rejection.getMessage());
            }
        }
        int accepted = zeroIfNull(result.getAccepted());
        int duplicates = zeroIfNull(result.getDuplicates());
        List<UUID> acceptedIds = result.getAcceptedEventIds();
        List<UUID> duplicateIds = result.getDuplicateEventIds();
        // The lists read as empty when absent: they name the events only when they match the counts.
        if (acceptedIds != null && duplicateIds != null && acceptedIds.size() == accepted
                && duplicateIds.size() == duplicates && accepted + duplicates > 0) {
            settleByIds(part, refused, acceptedIds, duplicateIds);
            return;
        }
        boolean accountedFor = accepted + duplicates + refusedCount == part.size();
        boolean allDuplicates = accepted == 0 && duplicates > 0;
        for (int i = 0; i < part.size(); i++) {
            if (refused[i]) {
                continue;
            }
            if (!accountedFor) {
                ledger.failed(part.get(i), unaccounted(part.size(), accepted, duplicates, refusedCount));
            } else if (allDuplicates) {
                ledger.duplicate(part.get(i));
            } else {
                ledger.delivered(part.get(i));
            }
        }
    }

    /** Walks the batch backwards for duplicates, so that of an id sent twice it is the later occurrence that is the repeat. */
    private void settleByIds(List<TrackedEvent> part, boolean[] refused, List<UUID> acceptedIds, List<UUID> duplicateIds) {
        Map<UUID, Integer> duplicatesLeft = counts(duplicateIds);
        boolean[] duplicate = new boolean[part.size()];
        for (int i = part.size() - 1; i >= 0; i--) {
            UUID id = part.get(i).event.getEventId();
            if (!refused[i] && duplicatesLeft.getOrDefault(id, 0) > 0) {
                duplicatesLeft.merge(id, -1, Integer::sum);
                duplicate[i] = true;
            }
        }
        Map<UUID, Integer> acceptedLeft = counts(acceptedIds);
        for (int i = 0; i < part.size(); i++) {
            UUID id = part.get(i).event.getEventId();
            if (refused[i]) {
                continue;
            }
            if (duplicate[i]) {
                ledger.duplicate(part.get(i));
            } else if (acceptedLeft.getOrDefault(id, 0) > 0) {
                acceptedLeft.merge(id, -1, Integer::sum);
                ledger.delivered(part.get(i));
            } else {
                ledger.failed(part.get(i), new RapportException("The server's answer to the batch does not account for event "
                        + id + ": neither accepted, duplicate nor rejected", null));
            }
        }
    }

    private static Map<UUID, Integer> counts(List<UUID> ids) {
        Map<UUID, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private static RapportException unaccounted(int size, int accepted, int duplicates, int rejected) {
        return new RapportException("The server's answer accounts for " + (accepted + duplicates + rejected) + " of the "
                + size + " events sent (" + accepted + " accepted, " + duplicates + " duplicates, " + rejected
                + " rejected)", null);
    }

    private int serializedSize(UsageEventInput event) {
        try {
            return mapper.writeValueAsBytes(event).length;
        } catch (JsonProcessingException e) {
            return -1;
        }
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
