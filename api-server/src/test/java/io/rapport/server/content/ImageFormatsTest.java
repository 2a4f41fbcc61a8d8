package io.rapport.server.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.server.common.problem.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageFormatsTest {

    @Test
    void png_isRecognisedByContent_withItsDimensions() {
        assertThat(ImageFormats.inspect(TestImages.image("png", 40, 30)))
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 40, 30));
    }

    @Test
    void jpeg_isRecognisedByContent_withItsDimensions() {
        assertThat(ImageFormats.inspect(TestImages.image("jpeg", 64, 48)))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 64, 48));
    }

    @Test
    void webp_eachFlavour_givesItsDimensions() {
        assertThat(ImageFormats.inspect(TestImages.webpLossless(300, 200)))
                .isEqualTo(new ImageInfo(ImageFormat.WEBP, 300, 200));
        assertThat(ImageFormats.inspect(TestImages.webpLossy(640, 480)))
                .isEqualTo(new ImageInfo(ImageFormat.WEBP, 640, 480));
        assertThat(ImageFormats.inspect(TestImages.webpExtended(1024, 768)))
                .isEqualTo(new ImageInfo(ImageFormat.WEBP, 1024, 768));
    }

    @Test
    void truncatedPng_isInvalid() {
        byte[] png = TestImages.image("png", 40, 30);
        assertCode(Arrays.copyOf(png, png.length - 20), 422, "invalid_image");
        assertCode(Arrays.copyOf(png, 40), 422, "invalid_image");
    }

    @Test
    void pngWithACorruptedByte_isInvalid() {
        byte[] png = TestImages.image("png", 40, 30);
        png[png.length / 2] ^= 0x55;
        assertCode(png, 422, "invalid_image");
    }

    @Test
    void truncatedJpeg_isInvalid() {
        byte[] jpeg = TestImages.image("jpeg", 64, 48);
        assertCode(Arrays.copyOf(jpeg, jpeg.length / 2), 422, "invalid_image");
    }

    @Test
    void jpegMagicFollowedByGarbage_isInvalid() {
        byte[] fake = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x01, 0x02, 0x03, (byte) 0xFF, (byte) 0xD9};
        assertCode(fake, 422, "invalid_image");
    }

    @Test
    void webpWhoseRiffSizeDisagrees_isInvalid() {
        byte[] webp = TestImages.webpLossless(10, 10);
        assertCode(Arrays.copyOf(webp, webp.length - 2), 422, "invalid_image");
        byte[] badSignature = TestImages.webpLossless(10, 10);
        badSignature[20] = 0x00;
        assertCode(badSignature, 422, "invalid_image");
    }

    @Test
    void textAndOtherFormats_areUnsupported() {
        assertCode("just some text, named photo.jpg".getBytes(StandardCharsets.UTF_8), 415, "unsupported_image_type");
        assertCode("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), 415, "unsupported_image_type");
        assertCode(TestImages.image("bmp", 4, 4), 415, "unsupported_image_type");
    }

    @Test
    void emptyBody_isInvalid() {
        assertCode(new byte[0], 422, "invalid_image");
    }

    @Test
    void absurdDimensions_areRejected() {
        assertCode(TestImages.webpExtended(16_000, 16_000), 422, "invalid_image");
    }

    private static void assertCode(byte[] bytes, int status, String code) {
        assertThatThrownBy(() -> ImageFormats.inspect(bytes))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
