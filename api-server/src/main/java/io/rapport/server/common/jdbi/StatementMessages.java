package io.rapport.server.common.jdbi;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;

/**
 * What a failed statement's exception message says: the SQL text (with its {@code /* Dao.method *}{@code /}
 * comment, shortened), never the bound arguments. Jdbi's default lists every argument, and a failing INSERT of
 * a webhook subscription then put its signing secret into the log. PostgreSQL's own detail, which can quote the
 * failing row, is kept out by the driver ({@code logServerErrorDetail=false}, set in {@code DatabaseConfig}).
 */
public final class StatementMessages {
    private static final int MAX_SQL = 300;

    private StatementMessages() {
    }

    public static String render(StatementException e) {
        StatementContext context = e.getStatementContext();
        if (context == null || context.getRawSql() == null) {
            return "";
        }
        String sql = context.getRawSql().replaceAll("\\s+", " ").trim();
        return "[statement: \"" + (sql.length() > MAX_SQL ? sql.substring(0, MAX_SQL) + "…" : sql) + "\"]";
    }
}
