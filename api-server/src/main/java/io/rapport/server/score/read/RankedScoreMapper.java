package io.rapport.server.score.read;

import io.rapport.server.score.write.ScoreRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps the ranked list's rows by hand. Jdbi's constructor mapper, with the {@code @Nested} score row,
 * matched column names and called constructors reflectively for each of the 50 rows of a page: close to
 * half of the server's CPU in the ranked query (JFR, {@code ConstructorMapper}). Same columns, same values.
 *
 * <p>{@link #specialize} does the per-result-set work once: the columns' positions, and the driver's own
 * result set behind the pool's proxy, which otherwise dispatched each of a page's ~900 getters by
 * reflection (JFR, {@code StatementFacade$ResultSetProxy}: a tenth of the ranked read), and whether the page's
 * fifteen timestamps a row came in binary form, which {@link BinaryTimestamps} then decodes.
 */
public final class RankedScoreMapper implements RowMapper<RankedScore> {

    @Override
    public RankedScore map(ResultSet rs, StatementContext ctx) throws SQLException {
        return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<RankedScore> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Columns(rs);
    }

    /** One result set's column positions; reads from the driver's result set when given the one it was made for. */
    private static final class Columns implements RowMapper<RankedScore> {
        private final ResultSet wrapped;
        private final ResultSet driver;
        private final int orgId;
        private final int relationshipId;
        private final int officerId;
        private final int partnerId;
        private final int raw;
        private final int shortRaw;
        private final int appRaw;
        private final int refTime;
        private final int lastActivityAt;
        private final int lastMeetingAt;
        private final int lastFeedbackAt;
        private final int lastReferralAt;
        private final int previousReferralAt;
        private final int lastTouchAt;
        private final int lastTouchType;
        private final int lastSignalAt;
        private final int lastReachOutAt;
        private final int lastReachOutType;
        private final int lastUseAt;
        private final int previousUseAt;
        private final int lastInstalledAt;
        private final int lastUninstalledAt;
        private final int readyForMeetingAt;
        private final int tier;
        private final int stage;
        private final int dueAt;
        private final int rankKey;
        private final int modelVersion;
        private final int partnerName;
        private final int partnerType;
        /** Whether this result set's timestamps came in binary form, decoded by {@link BinaryTimestamps}. */
        private final boolean binaryTimes;

        Columns(ResultSet rs) throws SQLException {
            wrapped = rs;
            driver = rs.isWrapperFor(ResultSet.class) ? rs.unwrap(ResultSet.class) : rs;
            orgId = rs.findColumn("org_id");
            relationshipId = rs.findColumn("relationship_id");
            officerId = rs.findColumn("officer_id");
            partnerId = rs.findColumn("partner_id");
            raw = rs.findColumn("raw");
            shortRaw = rs.findColumn("short_raw");
            appRaw = rs.findColumn("app_raw");
            refTime = rs.findColumn("ref_time");
            lastActivityAt = rs.findColumn("last_activity_at");
            lastMeetingAt = rs.findColumn("last_meeting_at");
            lastFeedbackAt = rs.findColumn("last_feedback_at");
            lastReferralAt = rs.findColumn("last_referral_at");
            previousReferralAt = rs.findColumn("previous_referral_at");
            lastTouchAt = rs.findColumn("last_touch_at");
            lastTouchType = rs.findColumn("last_touch_type");
            lastSignalAt = rs.findColumn("last_signal_at");
            lastReachOutAt = rs.findColumn("last_reach_out_at");
            lastReachOutType = rs.findColumn("last_reach_out_type");
            lastUseAt = rs.findColumn("last_use_at");
            previousUseAt = rs.findColumn("previous_use_at");
            lastInstalledAt = rs.findColumn("last_installed_at");
            lastUninstalledAt = rs.findColumn("last_uninstalled_at");
            readyForMeetingAt = rs.findColumn("ready_for_meeting_at");
            tier = rs.findColumn("tier");
            stage = rs.findColumn("stage");
            dueAt = rs.findColumn("due_at");
            rankKey = rs.findColumn("rank_key");
            modelVersion = rs.findColumn("model_version");
            partnerName = rs.findColumn("partner_name");
            partnerType = rs.findColumn("partner_type");
            binaryTimes = BinaryTimestamps.binary(driver, refTime, lastActivityAt, lastMeetingAt, lastFeedbackAt,
                    lastReferralAt, previousReferralAt, lastTouchAt, lastSignalAt, lastReachOutAt, lastUseAt,
                    previousUseAt, lastInstalledAt, lastUninstalledAt, readyForMeetingAt, dueAt);
        }

        @Override
        public RankedScore map(ResultSet given, StatementContext ctx) throws SQLException {
            ResultSet rs = given == wrapped ? driver : given;
            ScoreRow row = new ScoreRow(
                    rs.getObject(orgId, UUID.class),
                    rs.getObject(relationshipId, UUID.class),
                    rs.getObject(officerId, UUID.class),
                    rs.getObject(partnerId, UUID.class),
                    rs.getDouble(raw),
                    rs.getDouble(shortRaw),
                    rs.getDouble(appRaw),
                    instant(rs, refTime),
                    instant(rs, lastActivityAt),
                    instant(rs, lastMeetingAt),
                    instant(rs, lastFeedbackAt),
                    instant(rs, lastReferralAt),
                    instant(rs, previousReferralAt),
                    instant(rs, lastTouchAt),
                    rs.getString(lastTouchType),
                    instant(rs, lastSignalAt),
                    instant(rs, lastReachOutAt),
                    rs.getString(lastReachOutType),
                    instant(rs, lastUseAt),
                    instant(rs, previousUseAt),
                    instant(rs, lastInstalledAt),
                    instant(rs, lastUninstalledAt),
                    instant(rs, readyForMeetingAt),
                    rs.getString(tier),
                    rs.getString(stage),
                    instant(rs, dueAt),
                    rs.getDouble(rankKey),
                    rs.getInt(modelVersion));
            return new RankedScore(row, rs.getString(partnerName), rs.getString(partnerType));
        }

        /** timestamptz: never through the driver's OffsetDateTime, which built zone rules for every value. */
        private Instant instant(ResultSet rs, int column) throws SQLException {
            return BinaryTimestamps.read(rs, column, binaryTimes && rs == driver);
        }
    }
}
