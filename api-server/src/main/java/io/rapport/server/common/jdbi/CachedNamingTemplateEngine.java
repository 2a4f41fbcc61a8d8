package io.rapport.server.common.jdbi;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Jdbi's default template engine, parsed once per SQL text, with a comment naming the DAO method in
 * front of every statement, as Dropwizard does (what {@code pg_stat_activity} and slow-query logs show). Dropwizard's own
 * {@code NamePrependingTemplateEngine} is not a {@link TemplateEngine.Parsing}, so Jdbi could not cache
 * it and re-lexed every statement with ANTLR on every execution: 6 % of the server's CPU in a
 * ranked-list/ingest profile (JFR, {@code DefinedAttributeTemplateEngine.parse}).
 */
public final class CachedNamingTemplateEngine implements TemplateEngine.Parsing {
    private final DefinedAttributeTemplateEngine engine = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return engine.parse(template, config).map(render -> ctx -> named(render.apply(ctx), ctx));
    }

    private static String named(String sql, StatementContext ctx) {
        ExtensionMethod method = ctx.getExtensionMethod();
        if (method == null) {
            return sql;
        }
        return "/* " + method.getType().getSimpleName() + "." + method.getMethod().getName() + " */ " + sql;
    }
}
