package io.rapport.server.common.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id as soon as Jetty hands it to the servlet context (the caller's
 * {@code X-Request-Id} when it is sane, else a new one): the response header, the logging MDC and a
 * request attribute that Jersey's {@link RequestIdFilter}, the Jetty error handler and the access log
 * (through the response header) all read, so one id follows a request everywhere.
 */
public class RequestIdServletFilter implements Filter {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = ((HttpServletRequest) request).getHeader(RequestIds.HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        ((HttpServletResponse) response).setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
