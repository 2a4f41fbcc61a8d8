package io.rapport.server.officer;

import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import io.rapport.server.common.web.HttpUrls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The branded-app card fields of an officer, between the contract's shape and the domain's. */
public final class OfficerCards {
    private OfficerCards() {
    }

    static SocialLinks socialLinks(io.rapport.server.generated.model.SocialLinks dto) {
        if (dto == null) {
            return null;
        }
        SocialLinks links = new SocialLinks(dto.getWebsite(), dto.getLinkedin(), dto.getFacebook(), dto.getInstagram(),
                dto.getX(), dto.getYoutube());
        return links.isEmpty() ? null : links;
    }

    public static io.rapport.server.generated.model.SocialLinks toDto(SocialLinks links) {
        if (links == null) {
            return null;
        }
        return new io.rapport.server.generated.model.SocialLinks().website(links.website()).linkedin(links.linkedin())
                .facebook(links.facebook()).instagram(links.instagram()).x(links.x()).youtube(links.youtube());
    }

    static BrandColors brandColors(io.rapport.server.generated.model.BrandColors dto) {
        return dto == null ? BrandColors.NONE : new BrandColors(dto.getPrimary(), dto.getSecondary(), dto.getAccent());
    }

    public static io.rapport.server.generated.model.BrandColors toDto(BrandColors colors) {
        if (colors.isEmpty()) {
            return null;
        }
        return new io.rapport.server.generated.model.BrandColors()
                .primary(colors.primary()).secondary(colors.secondary()).accent(colors.accent());
    }

    /** The contract bounds each link's length; only here is each checked to be a link the app may open. */
    static void requireHttpLinks(SocialLinks links) {
        if (links == null) {
            return;
        }
        Map<String, String> byNetwork = new LinkedHashMap<>();
        byNetwork.put("website", links.website());
        byNetwork.put("linkedin", links.linkedin());
        byNetwork.put("facebook", links.facebook());
        byNetwork.put("instagram", links.instagram());
        byNetwork.put("x", links.x());
        byNetwork.put("youtube", links.youtube());
        List<FieldProblem> problems = new ArrayList<>();
        byNetwork.forEach((network, url) -> {
            if (url != null && !HttpUrls.isHttpUrl(url)) {
                problems.add(new FieldProblem("socialLinks." + network, "must be an absolute http(s) URL"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
