package io.rapport.server.content;

import io.rapport.server.common.auth.Callers;
import io.rapport.server.common.time.Timestamps;
import io.rapport.server.generated.api.ContentStatsApi;
import io.rapport.server.generated.model.ContentKind;
import io.rapport.server.generated.model.ContentStats;
import io.rapport.server.generated.model.OfficerContentStats;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

public class ContentStatsResource implements ContentStatsApi {
    private final ContentStatsService stats;
    private final Clock clock;

    public ContentStatsResource(ContentStatsService stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public Response getContentStats(UUID contentId, OffsetDateTime from, OffsetDateTime to) {
        StatsWindow window = StatsWindow.of(instant(from), instant(to), clock);
        return Response.ok(toDto(stats.forItem(Callers.orgId(), contentId, window), window)).build();
    }

    @Override
    public Response getOfficerContentStats(UUID officerId, OffsetDateTime from, OffsetDateTime to) {
        StatsWindow window = StatsWindow.of(instant(from), instant(to), clock);
        return Response.ok(new OfficerContentStats()
                .officerId(officerId)
                .from(Timestamps.utc(window.from()))
                .to(Timestamps.utc(window.to()))
                .items(stats.forOfficer(Callers.orgId(), officerId, window).stream().map(u -> toDto(u, window)).toList()))
                .build();
    }

    private static ContentStats toDto(ContentUsage usage, StatsWindow window) {
        return new ContentStats()
                .contentId(usage.contentId())
                .kind(ContentKind.fromValue(usage.kind()))
                .title(usage.title())
                .from(Timestamps.utc(window.from()))
                .to(Timestamps.utc(window.to()))
                .views(usage.views())
                .shares(usage.shares())
                .calculatorUses(usage.calculatorUses())
                .uniquePartners(usage.uniquePartners());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
