package io.rapport.server.common.time;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link OffsetDateTime} as the exact text Jackson's own serializer writes with the server's mapper
 * ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: seconds always, the fraction without trailing zeros, the
 * offset as {@code Z} or {@code ±hh:mm[:ss]}), by hand: a ranked page carries a hundred of them, and
 * {@code DateTimeFormatter} was the largest part of writing it (JFR). When the mapper is set to write timestamps
 * or has its own time zone, Jackson's serializer writes it instead. The same writer as the SDK's
 * {@code OffsetDateTimeText}.
 */
public final class OffsetDateTimeWriter extends StdSerializer<OffsetDateTime> {

    public OffsetDateTimeWriter() {
        super(OffsetDateTime.class);
    }

    /** Makes the mapper write {@link OffsetDateTime} through this writer (it takes precedence over earlier modules). */
    public static void install(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule(OffsetDateTimeWriter.class.getName())
                .addSerializer(OffsetDateTime.class, new OffsetDateTimeWriter()));
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) || provider.getConfig().hasExplicitTimeZone()) {
            OffsetDateTimeSerializer.INSTANCE.serialize(value, generator, provider);
        } else {
            generator.writeString(format(value));
        }
    }

    /** {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value)}. */
    static String format(OffsetDateTime value) {
        StringBuilder text = new StringBuilder(35);
        int year = value.getYear();
        if (year > 9999) {
            text.append('+').append(year);
        } else if (year < 0) {
            text.append('-');
            padded(text, -year, 4);
        } else {
            padded(text, year, 4);
        }
        text.append('-');
        padded(text, value.getMonthValue(), 2);
        text.append('-');
        padded(text, value.getDayOfMonth(), 2);
        text.append('T');
        padded(text, value.getHour(), 2);
        text.append(':');
        padded(text, value.getMinute(), 2);
        text.append(':');
        padded(text, value.getSecond(), 2);
        fraction(text, value.getNano());
        offset(text, value.getOffset().getTotalSeconds());
        return text.toString();
    }

    private static void fraction(StringBuilder text, int nano) {
        if (nano == 0) {
            return;
        }
        int digits = 9;
        int value = nano;
        while (value % 10 == 0) {
            value /= 10;
            digits--;
        }
        text.append('.');
        padded(text, value, digits);
    }

    private static void offset(StringBuilder text, int totalSeconds) {
        if (totalSeconds == 0) {
            text.append('Z');
            return;
        }
        int seconds = Math.abs(totalSeconds);
        text.append(totalSeconds < 0 ? '-' : '+');
        padded(text, seconds / 3600, 2);
        text.append(':');
        padded(text, seconds / 60 % 60, 2);
        if (seconds % 60 != 0) {
            text.append(':');
            padded(text, seconds % 60, 2);
        }
    }

    /** {@code value} (not negative) in at least {@code width} digits, zeros in front. */
    private static void padded(StringBuilder text, int value, int width) {
        for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
            if (value < limit) {
                text.append('0');
            }
        }
        text.append(value);
    }
}
