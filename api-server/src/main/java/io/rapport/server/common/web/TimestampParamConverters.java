package io.rapport.server.common.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads RFC 3339 query parameters ({@code format: date-time}) into the {@link OffsetDateTime}s the
 * generated interfaces declare; Jersey has no converter of its own for them. A malformed value fails
 * as a parameter error, which answers 400 {@code invalid_parameter}.
 */
@Provider
public class TimestampParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != OffsetDateTime.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<OffsetDateTime>() {
            @Override
            public OffsetDateTime fromString(String value) {
                try {
                    return value == null ? null : OffsetDateTime.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + value + "' is not an RFC 3339 timestamp", e);
                }
            }

            @Override
            public String toString(OffsetDateTime value) {
                return value.toString();
            }
        };
    }
}
