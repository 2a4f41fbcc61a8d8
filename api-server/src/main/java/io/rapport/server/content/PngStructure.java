package io.rapport.server.content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks from the signature to {@code IEND}, checking each length and CRC. A header
 * decode alone would accept a file cut short after its first chunk; this catches it without
 * decoding pixels.
 */
final class PngStructure {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngStructure() {
    }

    static boolean isComplete(byte[] b) {
        ByteBuffer buffer = ByteBuffer.wrap(b);
        int at = SIGNATURE.length;
        boolean first = true;
        boolean sawData = false;
        while (at + 12 <= b.length) {
            long length = Integer.toUnsignedLong(buffer.getInt(at));
            if (at + 12 + length > b.length) {
                return false;
            }
            String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
            if (first && !type.equals("IHDR")) {
                return false;
            }
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, 4 + (int) length);
            if (crc.getValue() != Integer.toUnsignedLong(buffer.getInt(at + 8 + (int) length))) {
                return false;
            }
            at += 12 + (int) length;
            first = false;
            sawData |= type.equals("IDAT");
            if (type.equals("IEND")) {
                return sawData && at == b.length;
            }
        }
        return false;
    }
}
