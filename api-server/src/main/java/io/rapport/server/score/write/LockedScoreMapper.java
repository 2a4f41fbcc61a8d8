package io.rapport.server.score.write;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A locked row: {@code ctid::text AS locked_ctid} beside the columns {@link StoredScoreMapper} reads. */
public final class LockedScoreMapper implements RowMapper<LockedScore> {
    private final StoredScoreMapper stored = new StoredScoreMapper();

    @Override
    public LockedScore map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LockedScore(rs.getString("locked_ctid"), stored.map(rs, ctx));
    }
}
