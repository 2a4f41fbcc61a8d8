package io.rapport.server.content;

import io.rapport.server.officer.Officer;
import io.rapport.server.partner.Partner;
import java.util.List;

/**
 * What one install's app shows: its officer, its partner (and the ETag of the partner's logo, or
 * null), and the items that partner may see now.
 */
public record Feed(Officer officer, Partner partner, String partnerLogoEtag, List<ContentItem> items) {
}
