package io.rapport.server.common.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Reads query parameters of the generated enums by their wire value ({@code realtor}), not their
 * Java constant name ({@code REALTOR}), through the {@code fromValue} factory the generator emits.
 *
 * <p>Dropwizard's {@code FuzzyEnumParamConverterProvider} also converts enums (to a plain 400), at the
 * default priority: without a higher one, which of the two Jersey asks first depended on the order it
 * happened to hold its providers in, and changed with unrelated code.
 */
@Priority(Priorities.USER - 100)
@Provider
public class ContractEnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        Method fromValue;
        try {
            fromValue = rawType.getMethod("fromValue", String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return (T) fromValue.invoke(null, value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("Unknown value '" + value + "'", e);
                }
            }

            @Override
            public String toString(T value) {
                return value.toString();
            }
        };
    }
}
