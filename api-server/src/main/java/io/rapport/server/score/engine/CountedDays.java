package io.rapport.server.score.engine;

import java.util.Arrays;

/**
 * The UTC days a daily-capped type has counted for one relationship: the latest such day and a bitmap of
 * the {@value #SPAN} days up to it (bit {@code i} is the day {@code latest − i}). Events more than two years
 * older than their receipt are refused (at most 731 days before the receipt's day, and the latest counted
 * day is never after a receipt), so a late event always falls inside the bitmap: whether its day already
 * counted is answered from the row, with no look-up in the events.
 *
 * <p>Stored as {@code "<latest epoch day>:<hex digits>"}, digit {@code k} holding days {@code latest − 4k}
 * (bit 1) to {@code latest − 4k − 3} (bit 8), trailing zero digits left out; the rescore builds the same
 * text in SQL ({@code capped_day_bits}, changeset 0950), so incremental and rescored rows are equal.
 */
public final class CountedDays {
    /** Days kept: today and the 731 before it, more than the two years an event may lag its receipt. */
    public static final int SPAN = 732;
    private static final int WORDS = (SPAN + 63) / 64;

    private final long latest;
    private final long[] bits;

    private CountedDays(long latest, long[] bits) {
        this.latest = latest;
        this.bits = bits;
    }

    /** Only {@code epochDay} counted. */
    public static CountedDays of(long epochDay) {
        long[] bits = new long[WORDS];
        bits[0] = 1L;
        return new CountedDays(epochDay, bits);
    }

    public long latest() {
        return latest;
    }

    /**
     * Whether the day already counted. A day older than the bitmap cannot arrive (see the class comment); it
     * is reported counted, so that a score is never inflated by a day it cannot tell apart.
     */
    public boolean has(long epochDay) {
        long offset = latest - epochDay;
        if (offset < 0) {
            return false;
        }
        return offset >= SPAN || (bits[(int) (offset >>> 6)] & (1L << (offset & 63))) != 0;
    }

    /** These days and {@code epochDay}; days that fall out of the bitmap when the latest moves on are dropped. */
    public CountedDays with(long epochDay) {
        long offset = latest - epochDay;
        if (offset >= SPAN) {
            return this;
        }
        if (offset >= 0) {
            long[] next = bits.clone();
            next[(int) (offset >>> 6)] |= 1L << (offset & 63);
            return new CountedDays(latest, next);
        }
        long[] shifted = shiftedBy(-offset);
        shifted[0] |= 1L;
        return new CountedDays(epochDay, shifted);
    }

    /** The bitmap with every day {@code days} further from the latest: bit i moves to i + days. */
    private long[] shiftedBy(long days) {
        long[] next = new long[WORDS];
        if (days >= SPAN) {
            return next;
        }
        int words = (int) (days >>> 6);
        int rest = (int) (days & 63);
        for (int i = WORDS - 1; i >= words; i--) {
            long low = bits[i - words];
            long carried = rest == 0 || i - words - 1 < 0 ? 0 : bits[i - words - 1] >>> (64 - rest);
            next[i] = (low << rest) | carried;
        }
        // bits past the span are not kept, so equal day sets give equal bitmaps
        next[WORDS - 1] &= (1L << (SPAN - 64 * (WORDS - 1))) - 1;
        return next;
    }

    /** The stored text. */
    public String encode() {
        StringBuilder hex = new StringBuilder(latest + ":");
        int digits = 0;
        for (int k = 0; k < (SPAN + 3) / 4; k++) {
            if (digit(k) != 0) {
                digits = k + 1;
            }
        }
        for (int k = 0; k < digits; k++) {
            hex.append(Character.forDigit(digit(k), 16));
        }
        return hex.toString();
    }

    private int digit(int k) {
        int bit = 4 * k;
        return (int) ((bits[bit >>> 6] >>> (bit & 63)) & 0xF);
    }

    /** Reads {@link #encode()}'s text. */
    public static CountedDays decode(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a counted-days bitmap: " + text);
        }
        long[] bits = new long[WORDS];
        for (int k = 0; k < text.length() - colon - 1; k++) {
            long digit = Character.digit(text.charAt(colon + 1 + k), 16);
            if (digit < 0 || 4 * k >= SPAN) {
                throw new IllegalArgumentException("Not a counted-days bitmap: " + text);
            }
            bits[(4 * k) >>> 6] |= digit << ((4 * k) & 63);
        }
        return new CountedDays(Long.parseLong(text.substring(0, colon)), bits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CountedDays that && latest == that.latest && Arrays.equals(bits, that.bits);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(latest) * 31 + Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return encode();
    }
}
