package io.rapport.it.content;

import static io.rapport.it.support.Fixtures.anOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.it.support.RapportServerExtension;
import io.rapport.it.support.TestImages;
import io.rapport.it.support.TestOrg;
import io.rapport.sdk.NotFoundException;
import io.rapport.sdk.PermissionException;
import io.rapport.sdk.PhotoDownload;
import io.rapport.sdk.RapportApiException;
import io.rapport.sdk.RapportClient;
import io.rapport.sdk.model.Officer;
import io.rapport.sdk.model.StoredImage;
import io.rapport.sdk.model.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OfficerPhotosIT {
    @RegisterExtension
    static final RapportServerExtension SERVER = new RapportServerExtension();

    @TempDir
    Path dir;

    @Test
    void uploadPng_thenDownload_returnsTheSameBytesTypeAndEtag() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        byte[] png = TestImages.png(40, 30);

        StoredImage stored = client.officers().uploadPhoto(officer.getId(), png);
        PhotoDownload downloaded = client.officers().downloadPhoto(officer.getId());

        assertThat(stored.getContentType()).isEqualTo(StoredImage.ContentTypeEnum.IMAGE_PNG);
        assertThat(stored.getWidth()).isEqualTo(40);
        assertThat(stored.getHeight()).isEqualTo(30);
        assertThat(stored.getSizeBytes()).isEqualTo(png.length);
        assertThat(downloaded.bytes()).isEqualTo(png);
        assertThat(downloaded.contentType()).isEqualTo("image/png");
        assertThat(downloaded.etag()).isEqualTo(stored.getEtag()).startsWith("\"");
        assertThat(client.officers().get(officer.getId()).getPhotoEtag()).isEqualTo(stored.getEtag());
    }

    @Test
    void uploadJpegFromAPath_isRecognisedAsJpeg() throws IOException {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Path file = Files.write(dir.resolve("face.png"), TestImages.jpeg(64, 48)); // the name lies; the bytes decide

        StoredImage stored = client.officers().uploadPhoto(officer.getId(), file);

        assertThat(stored.getContentType()).isEqualTo(StoredImage.ContentTypeEnum.IMAGE_JPEG);
        assertThat(stored.getWidth()).isEqualTo(64);
        assertThat(client.officers().downloadPhoto(officer.getId()).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void uploadWebp_isServedAsWebp() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);

        StoredImage stored = client.officers().uploadPhoto(officer.getId(), TestImages.webp(300, 200));

        assertThat(stored.getContentType()).isEqualTo(StoredImage.ContentTypeEnum.IMAGE_WEBP);
        assertThat(stored.getWidth()).isEqualTo(300);
        assertThat(stored.getHeight()).isEqualTo(200);
        assertThat(client.officers().downloadPhoto(officer.getId()).contentType()).isEqualTo("image/webp");
    }

    @Test
    void downloadIfChanged_withTheCurrentEtag_isNotModified_untilThePhotoChanges() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        String first = client.officers().uploadPhoto(officer.getId(), TestImages.png(10, 10)).getEtag();

        assertThat(client.officers().downloadPhotoIfChanged(officer.getId(), first)).isEmpty();

        byte[] replacement = TestImages.png(20, 20);
        String second = client.officers().uploadPhoto(officer.getId(), replacement).getEtag();
        assertThat(second).isNotEqualTo(first);
        assertThat(client.officers().downloadPhotoIfChanged(officer.getId(), first))
                .hasValueSatisfying(photo -> {
                    assertThat(photo.bytes()).isEqualTo(replacement);
                    assertThat(photo.etag()).isEqualTo(second);
                });
        assertThat(client.officers().downloadPhotoIfChanged(officer.getId(), second)).isEmpty();
    }

    @Test
    void photoResponse_carriesItsRealType_aStrongEtag_cacheControl_andAnswers304() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        String etag = org.client().officers().uploadPhoto(officer.getId(), TestImages.webp(8, 8)).getEtag();
        String path = "/v1/officers/" + officer.getId() + "/photo";

        HttpResponse<byte[]> full = get(org, path, null);
        HttpResponse<byte[]> notModified = get(org, path, etag);
        HttpResponse<byte[]> weakList = get(org, path, "\"other\", W/" + etag);

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(full.headers().firstValue("ETag")).hasValue(etag);
        assertThat(etag).doesNotStartWith("W/");
        assertThat(full.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(weakList.statusCode()).isEqualTo(304);
    }

    @Test
    void upload_declaredAsTextPlain_isStillJudgedByItsBytes() throws Exception {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/v1/officers/" + officer.getId() + "/photo"))
                .header("Authorization", "Bearer " + org.apiKey())
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(3, 3)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"contentType\":\"image/png\"");
    }

    @Test
    void sameBytes_giveTheSameEtag() {
        RapportClient client = SERVER.newOrg().client();
        byte[] png = TestImages.png(12, 12);
        String a = client.officers().uploadPhoto(anOfficer().create(client).getId(), png).getEtag();
        String b = client.officers().uploadPhoto(anOfficer().create(client).getId(), png).getEtag();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void truncatedPng_isRejectedAsInvalid_andNothingIsStored() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        byte[] png = TestImages.png(40, 30);

        assertRejected(() -> client.officers().uploadPhoto(officer.getId(), Arrays.copyOf(png, png.length - 15)),
                422, "invalid_image");
        assertThatThrownBy(() -> client.officers().downloadPhoto(officer.getId()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("photo_not_found"));
        assertThat(client.officers().get(officer.getId()).getPhotoEtag()).isNull();
    }

    @Test
    void textFileNamedJpg_isAnUnsupportedImageType() throws IOException {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        Path file = Files.writeString(dir.resolve("photo.jpg"), "not an image at all", StandardCharsets.UTF_8);

        assertRejected(() -> client.officers().uploadPhoto(officer.getId(), file), 415, "unsupported_image_type");
    }

    @Test
    void imageOverFiveMebibytes_isTooLarge_andTheOldPhotoStays() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        byte[] kept = TestImages.png(16, 16);
        client.officers().uploadPhoto(officer.getId(), kept);
        byte[] huge = TestImages.pngOfAtLeast(6 * 1024 * 1024);

        assertRejected(() -> client.officers().uploadPhoto(officer.getId(), huge), 413, "image_too_large");
        assertThat(client.officers().downloadPhoto(officer.getId()).bytes()).isEqualTo(kept);
    }

    @Test
    void delete_removesThePhoto_andIsHarmlessTwice() {
        RapportClient client = SERVER.newOrg().client();
        Officer officer = anOfficer().create(client);
        client.officers().uploadPhoto(officer.getId(), TestImages.png(10, 10));

        client.officers().deletePhoto(officer.getId());
        client.officers().deletePhoto(officer.getId());

        assertThatThrownBy(() -> client.officers().downloadPhoto(officer.getId())).isInstanceOf(NotFoundException.class);
        assertThat(client.officers().get(officer.getId()).getPhotoEtag()).isNull();
    }

    @Test
    void anotherOrganizationsOfficer_answersNotFound_forEveryPhotoCall() {
        TestOrg mine = SERVER.newOrg();
        RapportClient theirs = SERVER.newOrg().client();
        Officer theirOfficer = anOfficer().create(theirs);
        byte[] theirPhoto = TestImages.png(10, 10);
        theirs.officers().uploadPhoto(theirOfficer.getId(), theirPhoto);
        RapportClient client = mine.client();

        assertThatThrownBy(() -> client.officers().downloadPhoto(theirOfficer.getId()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThatThrownBy(() -> client.officers().uploadPhoto(theirOfficer.getId(), TestImages.png(5, 5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.officers().deletePhoto(theirOfficer.getId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.officers().downloadPhoto(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(theirs.officers().downloadPhoto(theirOfficer.getId()).bytes()).isEqualTo(theirPhoto);
    }

    @Test
    void upload_needsContentWrite() {
        TestOrg org = SERVER.newOrg();
        Officer officer = anOfficer().create(org.client());
        RapportClient reader = org.clientWith(Scope.CONTENT_READ);

        assertThatThrownBy(() -> reader.officers().uploadPhoto(officer.getId(), TestImages.png(4, 4)))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo("missing_scope"));
    }

    private static void assertRejected(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RapportApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    private static HttpResponse<byte[]> get(TestOrg org, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                .header("Authorization", "Bearer " + org.apiKey());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
