package io.rapport.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version folder of the Swagger UI webjar on the classpath, read from its Maven metadata. */
final class SwaggerUiVersion {
    private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUiVersion() {
    }

    static String find() {
        try (InputStream in = SwaggerUiVersion.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("The Swagger UI webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
