package io.rapport.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandIconsTest {

    @Test
    void icon_isDrawnInTheOfficersColour_withReadableInitials() {
        assertThat(BrandIcons.svg("#0e5a8a", "AM")).contains("fill=\"#0E5A8A\"", ">AM</text>", "fill=\"#FFFFFF\"");
        assertThat(BrandIcons.svg("#F5E663", "am")).contains(">AM</text>", "fill=\"#111827\"");
    }

    @Test
    void badInput_fallsBackToTheDefaultColour_andNeverReachesTheMarkup() {
        assertThat(BrandIcons.svg("red\"/><script>", "<b>")).contains("#1F4E79").doesNotContain("<script>", "<b>");
    }

    @Test
    void manifest_namesTheApp_escapesJson_andStaysInsideTheAppScope() {
        String manifest = BrandIcons.manifest("Avery \"Ave\" Morgan", "#0E5A8A");

        assertThat(manifest).contains("\"name\":\"Avery \\\"Ave\\\" Morgan\"", "\"scope\":\"/app/\"",
                "\"start_url\":\"/app/\"", "\"theme_color\":\"#0E5A8A\"", "initials=AM");
    }
}
