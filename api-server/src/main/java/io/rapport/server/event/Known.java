package io.rapport.server.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * One row of what the database already knows of a batch: an officer or partner it names ({@code kind}
 * {@code officer}/{@code partner}, with {@code id}, {@code externalId}, {@code active}), or a relationship
 * between a pair its events name ({@code kind} {@code relationship}, {@code id} the relationship's, with its
 * {@code officerId} and {@code partnerId}).
 */
public record Known(String kind, UUID id, String externalId, boolean active, UUID officerId, UUID partnerId) {
    static final String RELATIONSHIP = "relationship";

    Party party() {
        return new Party(kind, id, externalId, active);
    }

    /** By position: read once per row of every batch, where Jdbi's constructor mapper looks names up. */
    public static final class Mapper implements RowMapper<Known> {
        @Override
        public Known map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Known(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4),
                    rs.getObject(5, UUID.class), rs.getObject(6, UUID.class));
        }
    }
}
