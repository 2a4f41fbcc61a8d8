package io.rapport.sdk;

import java.util.Arrays;

/**
 * An officer's photo as downloaded: its bytes, the content type the server recognised from them
 * ({@code image/jpeg}, {@code image/png} or {@code image/webp}) and its strong ETag, to send back to
 * {@link Officers#downloadPhotoIfChanged} later. Immutable.
 */
public record PhotoDownload(byte[] bytes, String contentType, String etag) {

    /**
     * Keeps a copy of the bytes, so the record cannot be changed through the array passed in.
     *
     * @param bytes       the image bytes
     * @param contentType its media type, for example {@code image/jpeg}
     * @param etag        its entity tag, to send back for a conditional download
     */
    public PhotoDownload {
        bytes = bytes.clone();
    }

    /**
     * The image bytes (a copy).
     *
     * @return the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhotoDownload that && Arrays.equals(bytes, that.bytes)
                && contentType.equals(that.contentType) && etag.equals(that.etag);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + etag.hashCode();
    }

    @Override
    public String toString() {
        return "PhotoDownload[" + contentType + ", " + bytes.length + " bytes, etag " + etag + "]";
    }
}
