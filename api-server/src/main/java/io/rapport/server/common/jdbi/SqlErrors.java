package io.rapport.server.common.jdbi;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementException;
import org.postgresql.util.PSQLException;

/** Reads PostgreSQL's SQLSTATE out of a Jdbi failure, to answer 409/422 instead of 500. */
public final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(StatementException e, String constraint) {
        return sqlState(e, UNIQUE_VIOLATION) && mentions(e, constraint);
    }

    public static boolean isForeignKeyViolation(StatementException e, String constraint) {
        return sqlState(e, FOREIGN_KEY_VIOLATION) && mentions(e, constraint);
    }

    /** Any foreign-key violation, whichever constraint. */
    public static boolean isForeignKeyViolation(StatementException e) {
        return sqlState(e, FOREIGN_KEY_VIOLATION);
    }

    private static boolean sqlState(StatementException e, String state) {
        return e.getCause() instanceof SQLException sql && state.equals(sql.getSQLState());
    }

    private static boolean mentions(StatementException e, String constraint) {
        // The constraint's name from the server's structured error; the message text as before otherwise.
        if (e.getCause() instanceof PSQLException pg && pg.getServerErrorMessage() != null
                && pg.getServerErrorMessage().getConstraint() != null) {
            return pg.getServerErrorMessage().getConstraint().contains(constraint);
        }
        return e.getCause().getMessage() != null && e.getCause().getMessage().contains(constraint);
    }
}
