package io.rapport.server.score.read;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.postgresql.PGResultSetMetaData;

/**
 * Reads timestamptz columns as {@link Instant}s. Once a statement is server-prepared the driver receives them in
 * PostgreSQL's binary form (the pool's {@code binaryTransferEnable=TIMESTAMPTZ}): eight bytes, microseconds since
 * 2000-01-01 UTC, which {@link ResultSet#getBytes} hands over as they came. Decoding them here is a shift and an
 * add; the driver's {@link ResultSet#getTimestamp} went through its calendar arithmetic and a {@link Timestamp}
 * for each value (JFR: an eighth of the server's time in the ranked query, a page reads ~800 of them). Text
 * results (the first executions, before the statement is prepared), infinities and instants before 1900 (where
 * the driver's Julian-calendar {@link Timestamp} and the proleptic value could differ) go through the driver.
 */
final class BinaryTimestamps {
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    private static final long POSTGRES_EPOCH = 946_684_800L;
    /** 1900-01-01T00:00:00Z in microseconds from PostgreSQL's epoch: earlier values go through the driver. */
    private static final long EARLIEST = -3_155_673_600_000_000L;

    private BinaryTimestamps() {
    }

    /** Whether every one of {@code columns} of this result set arrives in binary form. */
    static boolean binary(ResultSet rs, int... columns) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        if (!meta.isWrapperFor(PGResultSetMetaData.class)) {
            return false;
        }
        PGResultSetMetaData pg = meta.unwrap(PGResultSetMetaData.class);
        for (int column : columns) {
            if (pg.getFormat(column) != 1 || !"timestamptz".equals(meta.getColumnTypeName(column))) {
                return false;
            }
        }
        return true;
    }

    /** The column's instant, null for SQL NULL; {@code binary} as {@link #binary} answered for this result set. */
    static Instant read(ResultSet rs, int column, boolean binary) throws SQLException {
        if (binary) {
            byte[] bytes = rs.getBytes(column);
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 8) {
                long micros = decode(bytes);
                if (micros >= EARLIEST && micros != Long.MAX_VALUE) {
                    return instant(micros);
                }
            }
        }
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The big-endian 64-bit integer PostgreSQL sends. */
    static long decode(byte[] bytes) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[i] & 0xFF);
        }
        return value;
    }

    /** The instant {@code micros} microseconds after PostgreSQL's epoch. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(POSTGRES_EPOCH + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
