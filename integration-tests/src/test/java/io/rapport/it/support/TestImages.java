package io.rapport.it.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real images made in the test: JPEG and PNG by ImageIO, a minimal WebP byte by byte. */
public final class TestImages {
    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    /** A minimal lossless WebP: RIFF header, a VP8L chunk whose header packs width-1 and height-1. */
    public static byte[] webp(int width, int height) {
        byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0x2F).putInt((width - 1) | (height - 1) << 14).array();
        return ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF")).putInt(12 + data.length).put(ascii("WEBP"))
                .put(ascii("VP8L")).putInt(data.length).put(data)
                .array();
    }

    /** A valid PNG grown past {@code size} bytes by a private ancillary chunk before IEND. */
    public static byte[] pngOfAtLeast(int size) {
        byte[] png = png(8, 8);
        int iend = png.length - 12;
        byte[] type = ascii("raPd");
        byte[] padding = new byte[size];
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(padding);
        return ByteBuffer.allocate(png.length + 12 + padding.length)
                .put(png, 0, iend)
                .putInt(padding.length).put(type).put(padding).putInt((int) crc.getValue())
                .put(png, iend, 12)
                .array();
    }

    private static byte[] image(String format, int width, int height) {
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
