package io.rapport.server.demo;

import java.util.List;

/** Who is in the demo: one branch, two officers, eight partners of different trades, and who knows whom. */
final class DemoCast {
    static final String ORGANIZATION = "Harbor Home Lending (demo)";
    static final String BRANCH = "Seattle";
    static final String REGION = "Pacific Northwest";

    record OfficerPart(String externalId, String name, String title, String nmls) {
    }

    record PartnerPart(String externalId, String name, String company, String type) {
    }

    /** One officer–partner pair and how that partner behaves towards that officer. */
    record Link(int officer, int partner, Persona persona) {
    }

    static final List<OfficerPart> OFFICERS = List.of(
            new OfficerPart("demo-lo-maya", "Maya Chen", "Senior Loan Officer", "1048213"),
            new OfficerPart("demo-lo-omar", "Omar Reyes", "Loan Officer", "2231907"));

    static final List<PartnerPart> PARTNERS = List.of(
            new PartnerPart("demo-p-dana", "Dana Brooks", "Brooks Realty", "realtor"),
            new PartnerPart("demo-p-luis", "Luis Ortega", "Sound Homes", "realtor"),
            new PartnerPart("demo-p-priya", "Priya Nair", "Nair Wealth Partners", "financial_planner"),
            new PartnerPart("demo-p-tom", "Tom Becker", "Becker & Co CPAs", "cpa"),
            new PartnerPart("demo-p-grace", "Grace Kim", "Evergreen Builders", "builder"),
            new PartnerPart("demo-p-sam", "Sam Whitaker", "Whitaker Law", "attorney"),
            new PartnerPart("demo-p-rosa", "Rosa Delgado", "Delgado Insurance", "insurance"),
            new PartnerPart("demo-p-ben", "Ben Carter", "Carter Realty Group", "realtor"));

    /**
     * Grace Kim and Luis Ortega work with both officers, differently: the same partner can be hot for one and cold
     * for the other, or be waiting to answer one officer's note while reaching for the other.
     */
    static final List<Link> LINKS = List.of(
            new Link(0, 0, Persona.ADVOCATE),
            new Link(0, 1, Persona.RISING),
            new Link(0, 2, Persona.TRUSTED),
            new Link(0, 3, Persona.COOLING),
            new Link(0, 4, Persona.OCCASIONAL),
            new Link(1, 4, Persona.MET),
            new Link(1, 5, Persona.RISING),
            new Link(1, 6, Persona.COLD),
            new Link(1, 7, Persona.COOLING),
            new Link(1, 1, Persona.AWAITING));

    private DemoCast() {
    }
}
