package io.rapport.server.officer;

/** The officer's brand colours for the app, each {@code #RRGGBB} or null. */
public record BrandColors(String primary, String secondary, String accent) {
    public static final BrandColors NONE = new BrandColors(null, null, null);

    public boolean isEmpty() {
        return primary == null && secondary == null && accent == null;
    }
}
