package io.rapport.sdk;

import io.rapport.sdk.model.UsageEventInput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every outcome per eventId, so a test can check each event got exactly one. */
final class RecordingCallback implements EventCallback {
    final Map<UUID, List<String>> outcomes = new ConcurrentHashMap<>();
    final Map<UUID, RapportException> failures = new ConcurrentHashMap<>();

    @Override
    public void onDelivered(UsageEventInput event) {
        record(event, "delivered");
    }

    @Override
    public void onDuplicate(UsageEventInput event) {
        record(event, "duplicate");
    }

    @Override
    public void onRejected(UsageEventInput event, String code, String message) {
        record(event, "rejected:" + code);
    }

    @Override
    public void onFailed(UsageEventInput event, RapportException cause) {
        failures.put(event.getEventId(), cause);
        record(event, "failed");
    }

    long count(String outcome) {
        return outcomes.values().stream().flatMap(List::stream).filter(outcome::equals).count();
    }

    boolean eachExactlyOnce() {
        return outcomes.values().stream().allMatch(list -> list.size() == 1);
    }

    private void record(UsageEventInput event, String outcome) {
        outcomes.computeIfAbsent(event.getEventId(), id -> new CopyOnWriteArrayList<>()).add(outcome);
    }
}
