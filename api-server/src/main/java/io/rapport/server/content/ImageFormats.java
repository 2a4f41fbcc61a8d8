package io.rapport.server.content;

import io.rapport.server.common.problem.ApiProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Recognises an uploaded image by its content, never by the type the client declared: the magic
 * bytes pick the format, then a real decode of the header gives the dimensions and a structural
 * check catches truncation. 415 {@code unsupported_image_type} when no supported format's magic
 * matches; 422 {@code invalid_image} when it does but the image is damaged or absurdly large.
 */
public final class ImageFormats {
    /** Beyond this a phone-sized card photo is surely a decompression bomb, whatever its byte size. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ImageFormats() {
    }

    public static ImageInfo inspect(byte[] bytes) {
        if (bytes.length == 0) {
            throw invalid("The body is empty; send the image's bytes");
        }
        ImageInfo info;
        if (startsWith(bytes, JPEG_MAGIC)) {
            info = jpeg(bytes);
        } else if (startsWith(bytes, PngStructure.SIGNATURE)) {
            info = png(bytes);
        } else if (WebpHeader.hasMagic(bytes)) {
            info = webp(bytes);
        } else {
            throw new ApiProblemException(415, "unsupported_image_type", "Unsupported Media Type",
                    "The body is not a JPEG, PNG or WebP image (recognised by content, not by Content-Type)");
        }
        if (info.width() < 1 || info.height() < 1 || (long) info.width() * info.height() > MAX_PIXELS) {
            throw invalid("The image is " + info.width() + "x" + info.height()
                    + " pixels; at most " + MAX_PIXELS + " pixels are accepted");
        }
        return info;
    }

    private static ImageInfo jpeg(byte[] bytes) {
        // Every complete JPEG ends with the EOI marker; a cut-off upload does not.
        if (bytes.length < 4 || (bytes[bytes.length - 2] & 0xFF) != 0xFF || (bytes[bytes.length - 1] & 0xFF) != 0xD9) {
            throw invalid("The JPEG is truncated (no end-of-image marker)");
        }
        return decodeHeader(ImageFormat.JPEG, "jpeg", bytes);
    }

    private static ImageInfo png(byte[] bytes) {
        if (!PngStructure.isComplete(bytes)) {
            throw invalid("The PNG is truncated or damaged (its chunks do not check out up to IEND)");
        }
        return decodeHeader(ImageFormat.PNG, "png", bytes);
    }

    private static ImageInfo webp(byte[] bytes) {
        int[] size = WebpHeader.dimensions(bytes)
                .orElseThrow(() -> invalid("The WebP is truncated or damaged (its RIFF header does not check out)"));
        return new ImageInfo(ImageFormat.WEBP, size[0], size[1]);
    }

    private static ImageInfo decodeHeader(ImageFormat format, String readerName, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(readerName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("The JDK has no " + readerName + " reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new ImageInfo(format, reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw invalid("The " + format.name() + " image cannot be decoded: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static ApiProblemException invalid(String detail) {
        return new ApiProblemException(422, "invalid_image", "Unprocessable Content", detail);
    }
}
