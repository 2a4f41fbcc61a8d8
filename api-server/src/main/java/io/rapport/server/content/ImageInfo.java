package io.rapport.server.content;

/** What inspecting an image's bytes established: its real format and its dimensions in pixels. */
public record ImageInfo(ImageFormat format, int width, int height) {
}
