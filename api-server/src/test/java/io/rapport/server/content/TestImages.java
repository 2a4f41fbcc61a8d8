package io.rapport.server.content;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real images made on the spot: JPEG and PNG by ImageIO, WebP headers byte by byte. */
final class TestImages {
    private TestImages() {
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, Color.ORANGE.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A lossless WebP: VP8L signature, then width-1 and height-1 packed in 14 bits each. */
    static byte[] webpLossless(int width, int height) {
        ByteBuffer data = le(5 + 3).put((byte) 0x2F).putInt((width - 1) | (height - 1) << 14).put(new byte[3]);
        return riff("VP8L", data.array());
    }

    /** A lossy WebP: key-frame tag, start code 9D 01 2A, 14-bit width and height. */
    static byte[] webpLossy(int width, int height) {
        ByteBuffer data = le(10).put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A})
                .putShort((short) width).putShort((short) height);
        return riff("VP8 ", data.array());
    }

    /** An extended WebP: flags, reserved, 24-bit canvas width-1 and height-1. */
    static byte[] webpExtended(int width, int height) {
        ByteBuffer data = le(10).putInt(0);
        put24(data, width - 1);
        put24(data, height - 1);
        return riff("VP8X", data.array());
    }

    private static byte[] riff(String chunk, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteBuffer file = le(12 + 8 + padded);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return file.array();
    }

    private static void put24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
