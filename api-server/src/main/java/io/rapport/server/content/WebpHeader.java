package io.rapport.server.content;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a WebP file's dimensions from its RIFF container, since the JDK has no WebP reader. A WebP
 * file is {@code RIFF <size> WEBP} then a first chunk that says the rest: {@code VP8 } (lossy, the
 * dimensions in the key frame header), {@code VP8L} (lossless, 14-bit packed) or {@code VP8X}
 * (extended, a 24-bit canvas size). Empty means "not a well-formed WebP".
 */
final class WebpHeader {
    private static final int RIFF_HEADER = 12;
    private static final int CHUNK_HEADER = 8;

    private WebpHeader() {
    }

    static boolean hasMagic(byte[] b) {
        return b.length >= RIFF_HEADER && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP");
    }

    static Optional<int[]> dimensions(byte[] b) {
        if (!hasMagic(b) || b.length < RIFF_HEADER + CHUNK_HEADER) {
            return Optional.empty();
        }
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = Integer.toUnsignedLong(le.getInt(4));
        if (riffSize + 8 != b.length) {
            return Optional.empty(); // truncated, or trailing bytes that are not part of the image
        }
        String chunk = ascii(b, 12, 4);
        long chunkSize = Integer.toUnsignedLong(le.getInt(16));
        int data = RIFF_HEADER + CHUNK_HEADER;
        if (data + chunkSize > b.length) {
            return Optional.empty();
        }
        return switch (chunk) {
            case "VP8 " -> lossy(b, le, data, chunkSize);
            case "VP8L" -> lossless(b, le, data, chunkSize);
            case "VP8X" -> extended(le, data, chunkSize);
            default -> Optional.empty();
        };
    }

    private static Optional<int[]> lossy(byte[] b, ByteBuffer le, int data, long size) {
        // 3-byte frame tag (bit 0 clear on a key frame), start code 9D 01 2A, then 14-bit width and height.
        if (size < 10 || (b[data] & 1) != 0
                || (b[data + 3] & 0xFF) != 0x9D || (b[data + 4] & 0xFF) != 0x01 || (b[data + 5] & 0xFF) != 0x2A) {
            return Optional.empty();
        }
        int width = le.getShort(data + 6) & 0x3FFF;
        int height = le.getShort(data + 8) & 0x3FFF;
        return Optional.of(new int[] {width, height});
    }

    private static Optional<int[]> lossless(byte[] b, ByteBuffer le, int data, long size) {
        // Signature 0x2F, then width-1 and height-1 packed in 14 bits each.
        if (size < 5 || (b[data] & 0xFF) != 0x2F) {
            return Optional.empty();
        }
        int bits = le.getInt(data + 1);
        int width = (bits & 0x3FFF) + 1;
        int height = ((bits >>> 14) & 0x3FFF) + 1;
        return Optional.of(new int[] {width, height});
    }

    private static Optional<int[]> extended(ByteBuffer le, int data, long size) {
        // Flags and 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each.
        if (size < 10) {
            return Optional.empty();
        }
        int width = uint24(le, data + 4) + 1;
        int height = uint24(le, data + 7) + 1;
        return Optional.of(new int[] {width, height});
    }

    private static int uint24(ByteBuffer le, int at) {
        return (le.get(at) & 0xFF) | (le.get(at + 1) & 0xFF) << 8 | (le.get(at + 2) & 0xFF) << 16;
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.US_ASCII);
    }
}
