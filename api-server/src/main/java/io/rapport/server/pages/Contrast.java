package io.rapport.server.pages;

/** WCAG relative luminance: white or near-black text, whichever reads better on a brand colour. */
final class Contrast {
    private Contrast() {
    }

    static String inkOn(String hex) {
        double l = luminance(hex);
        double withWhite = 1.05 / (l + 0.05);
        double withDark = (l + 0.05) / (luminance("#111827") + 0.05);
        return withWhite >= withDark ? "#FFFFFF" : "#111827";
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
