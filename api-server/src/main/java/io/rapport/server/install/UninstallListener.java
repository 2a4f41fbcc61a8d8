package io.rapport.server.install;

import io.rapport.server.event.AcceptedEvent;
import io.rapport.server.event.AcceptedEventsListener;
import io.rapport.server.event.EventTypes;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** An accepted {@code app_uninstalled} event marks the relationship's install inactive, in the same transaction. */
public class UninstallListener implements AcceptedEventsListener {

    @Override
    public void onAccepted(Handle handle, UUID orgId, List<AcceptedEvent> events) {
        List<AcceptedEvent> uninstalls = events.stream()
                .filter(e -> EventTypes.APP_UNINSTALLED.equals(e.type())).toList();
        if (uninstalls.isEmpty()) {
            return;
        }
        handle.attach(AppInstallDao.class).markUninstalled(orgId,
                uninstalls.stream().map(AcceptedEvent::relationshipId).toArray(UUID[]::new),
                uninstalls.stream().map(e -> e.occurredAt().toString()).toArray(String[]::new));
    }
}
