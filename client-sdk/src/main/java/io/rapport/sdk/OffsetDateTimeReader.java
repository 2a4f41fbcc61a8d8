package io.rapport.sdk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * Reads {@link OffsetDateTime} values in the one shape the server writes, {@code 2026-11-25T09:30:00.123Z} (or with a
 * {@code +hh:mm} offset), by hand; everything else goes to Jackson's own {@link InstantDeserializer}, which therefore
 * still decides every other accepted format and every error. Jackson's reader ran a colon-fixing scan, a
 * {@code DateTimeFormatter} parse into a field map and a zone lookup for each value: two fifths of the CPU the SDK
 * spent on a ranked page of 50 partners (two times each), JFR. The fast path only returns values Jackson would
 * return for the same text (including the shift to the context time zone). The same reader as the server's
 * {@code io.rapport.server.common.time.OffsetDateTimeReader}: the SDK depends on no server code.
 */
final class OffsetDateTimeReader extends StdDeserializer<OffsetDateTime> implements ContextualDeserializer {
    private static final JsonDeserializer<OffsetDateTime> JACKSON = InstantDeserializer.OFFSET_DATE_TIME;

    /** The last context time zone seen and its id, so the lookup is not repeated per value. */
    private volatile Zone zone = new Zone(TimeZone.getTimeZone("UTC"), ZoneOffset.UTC);

    private record Zone(TimeZone timeZone, ZoneId id) {
    }

    OffsetDateTimeReader() {
        super(OffsetDateTime.class);
    }

    /** A module installing this reader; registered after Jackson's JavaTimeModule, it takes precedence. */
    static SimpleModule module() {
        return new SimpleModule(OffsetDateTimeReader.class.getName())
                .addDeserializer(OffsetDateTime.class, new OffsetDateTimeReader());
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        // A property with its own @JsonFormat gets Jackson's reader configured for it, without the fast path.
        JsonDeserializer<?> contextual = ((ContextualDeserializer) JACKSON).createContextual(ctxt, property);
        return contextual == JACKSON ? this : contextual;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            OffsetDateTime parsed = parse(p.getText());
            if (parsed != null) {
                return ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                        ? adjust(parsed, zoneOf(ctxt.getTimeZone()))
                        : parsed;
            }
        }
        return JACKSON.deserialize(p, ctxt);
    }

    /** What Jackson's reader does with the parsed value: the offset of the context zone at that local time. */
    private static OffsetDateTime adjust(OffsetDateTime value, ZoneId zone) {
        return value.withOffsetSameInstant(zone.getRules().getOffset(value.toLocalDateTime()));
    }

    private ZoneId zoneOf(TimeZone timeZone) {
        Zone last = zone;
        if (last.timeZone() != timeZone) {
            last = new Zone(timeZone, timeZone.toZoneId().normalized());
            zone = last;
        }
        return last.id();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm)} exactly, or null for anything else (other shapes,
     * surrounding spaces, lower-case letters, out-of-range fields) so that Jackson decides.
     */
    static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || length > 35 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nano = nano * 10 + (text.charAt(at) - '0');
                at++;
            }
            int fractionDigits = at - start;
            if (fractionDigits == 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nano *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int remaining = text.length() - at;
        if (remaining == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (remaining != 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || (hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
