package io.rapport.server.officer;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The officer's public profiles shown on the app's card; each an absolute http(s) URL or null. */
public record SocialLinks(String website, String linkedin, String facebook, String instagram, String x,
                          String youtube) {

    @JsonIgnore
    public boolean isEmpty() {
        return website == null && linkedin == null && facebook == null && instagram == null && x == null
                && youtube == null;
    }
}
