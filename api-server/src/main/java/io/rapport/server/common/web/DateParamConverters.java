package io.rapport.server.common.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code format: date} query parameters ({@code 2026-03-02}) into {@link LocalDate}; Jersey
 * finds no {@code valueOf(String)} on it. A malformed value fails as a parameter error (400).
 */
@Provider
public class DateParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != LocalDate.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<LocalDate>() {
            @Override
            public LocalDate fromString(String value) {
                try {
                    return value == null ? null : LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a date (yyyy-mm-dd)", e);
                }
            }

            @Override
            public String toString(LocalDate value) {
                return value.toString();
            }
        };
    }
}
