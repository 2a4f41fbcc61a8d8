package io.rapport.server.pages;

import java.util.regex.Pattern;

/**
 * The app's icon and manifest in the officer's colour, drawn here so that no image is stored per officer.
 * Both read only what the page passes (a colour and initials or a name): nothing secret, nothing looked up.
 */
final class BrandIcons {
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final String DEFAULT_COLOR = "#1F4E79";

    private BrandIcons() {
    }

    static String svg(String color, String initials) {
        String fill = colorOr(color);
        String text = initials == null ? "" : initials.replaceAll("[^\\p{L}]", "");
        text = text.substring(0, Math.min(2, text.length())).toUpperCase();
        String ink = Contrast.inkOn(fill);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">\
                <rect width="512" height="512" rx="112" fill="%s"/>\
                <circle cx="256" cy="256" r="176" fill="none" stroke="%s" stroke-opacity="0.25" stroke-width="16"/>\
                <text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" \
                font-size="200" font-weight="700" fill="%s">%s</text></svg>"""
                .formatted(fill, ink, ink, escape(text));
    }

    static String manifest(String name, String color) {
        String fill = colorOr(color);
        String appName = name == null || name.isBlank() ? "Your loan officer" : name.strip();
        appName = appName.substring(0, Math.min(60, appName.length()));
        String initials = initials(appName);
        String icon = "/app/icon.svg?color=" + fill.replace("#", "%23") + "&initials=" + initials;
        return """
                {"name":%s,"short_name":%s,"start_url":"/app/","scope":"/app/","display":"standalone",\
                "background_color":"#ffffff","theme_color":%s,\
                "icons":[{"src":%s,"sizes":"any","type":"image/svg+xml","purpose":"any"},\
                {"src":%s,"sizes":"512x512","type":"image/svg+xml","purpose":"maskable"}]}"""
                .formatted(json(appName), json(appName.split(" ")[0]), json(fill), json(icon), json(icon));
    }

    private static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("\\s+")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && out.length() < 2) {
                out.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return out.toString();
    }

    private static String colorOr(String color) {
        return color != null && HEX.matcher(color).matches() ? color.toUpperCase() : DEFAULT_COLOR;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
