package io.rapport.server.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializes the properties of every event of a batch as compact JSON through one generator, giving each
 * event exactly the text {@code mapper.writeValueAsString(properties)} gives (the text that is stored and
 * whose length the 8 KiB limit is on). One {@code writeValueAsString} per event set up a writer, a generator
 * and a serializer provider each time, more than writing the few values cost. Values of the kinds JSON
 * parsing produces (text, numbers, booleans, null) are written directly, as Jackson's own serializers write
 * them; an event with any other value (an object or array, refused later as not flat) goes through the
 * mapper whole.
 */
final class PropertiesWriter {
    private final ObjectMapper mapper;
    /** What the mapper's inclusion setting does with a null value: Rapport's (NON_NULL) leaves the entry out. */
    private final NullValues nulls;

    private enum NullValues { WRITTEN, LEFT_OUT, UNKNOWN }

    PropertiesWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.nulls = probe(mapper);
    }

    /**
     * Asks the mapper how it writes a map holding a null and an empty text: with both (ALWAYS), without the
     * null (NON_NULL, NON_ABSENT), or otherwise (then every map goes through the mapper).
     */
    private static NullValues probe(ObjectMapper mapper) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("n", null);
        probe.put("e", "");
        try {
            return switch (mapper.writeValueAsString(probe)) {
                case "{\"n\":null,\"e\":\"\"}" -> NullValues.WRITTEN;
                case "{\"e\":\"\"}" -> NullValues.LEFT_OUT;
                default -> NullValues.UNKNOWN;
            };
        } catch (IOException e) {
            return NullValues.UNKNOWN;
        }
    }

    /** Each map's JSON, by position; {@code null} for a null map. */
    String[] write(List<Map<String, Object>> properties) {
        String[] json = new String[properties.size()];
        TextWriter text = new TextWriter();
        try (JsonGenerator generator = mapper.createGenerator(text)) {
            generator.writeStartArray();
            for (int i = 0; i < json.length; i++) {
                Map<String, Object> map = properties.get(i);
                if (map != null) {
                    json[i] = simple(map) ? write(generator, text, map, nulls == NullValues.WRITTEN)
                            : mapper.writeValueAsString(map);
                }
            }
        } catch (IOException e) {
            // Everything here was just read from JSON by the same mapper, and the writer is in memory.
            throw new UncheckedIOException("Parsed event properties could not be written back as JSON", e);
        }
        return json;
    }

    private static String write(JsonGenerator generator, TextWriter text, Map<String, Object> map,
                                boolean writeNulls) throws IOException {
        generator.writeStartObject();
        generator.flush();
        // The separator before this object (a comma after the first) is not part of it.
        int start = text.length() - 1;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getValue() == null && !writeNulls) {
                continue;
            }
            generator.writeFieldName(entry.getKey());
            value(generator, entry.getValue());
        }
        generator.writeEndObject();
        generator.flush();
        return text.substring(start);
    }

    private boolean simple(Map<String, Object> map) {
        if (nulls == NullValues.UNKNOWN) {
            return false;
        }
        for (Object value : map.values()) {
            if (!(value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Double || value instanceof BigDecimal
                    || value instanceof BigInteger)) {
                return false;
            }
        }
        return true;
    }

    /** As Jackson's StringSerializer, BooleanSerializer and number serializers write them. */
    private static void value(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Double number) {
            generator.writeNumber(number.doubleValue());
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else {
            generator.writeNumber((BigInteger) value);
        }
    }

    /** A writer into one growing buffer, from which each event's text is cut. */
    private static final class TextWriter extends Writer {
        private final StringBuilder buffer = new StringBuilder(4096);

        int length() {
            return buffer.length();
        }

        String substring(int start) {
            return buffer.substring(start);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            buffer.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            buffer.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
