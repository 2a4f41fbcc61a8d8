package io.rapport.server.officer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Social links live in one jsonb column: their set of networks may grow without a schema change. */
public final class SocialLinksColumn implements ColumnMapper<SocialLinks> {
    // Tolerant reader: a network added later and rolled back must not break reading officers.
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static String toJson(SocialLinks links) {
        if (links == null || links.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Social links always serialize", e);
        }
    }

    @Override
    public SocialLinks map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
        String json = r.getString(columnNumber);
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, SocialLinks.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("officer.social_links is not the expected JSON", e);
        }
    }
}
