package io.rapport.server.content;

/**
 * One kind of stored image and whose it is. Each kind has its own table, so reads of officers and
 * partners never carry image bytes; the checks, storage and serving are the same for all of them.
 */
public enum ImageSlot {
    OFFICER_PHOTO("officer_photo", "officer", "officer_id", "Officer", "photo_not_found", "photo"),
    PARTNER_LOGO("partner_logo", "partner", "partner_id", "Partner", "logo_not_found", "logo");

    final String table;
    final String ownerTable;
    final String ownerColumn;
    final String ownerNoun;
    final String missingCode;
    final String imageNoun;

    ImageSlot(String table, String ownerTable, String ownerColumn, String ownerNoun, String missingCode,
              String imageNoun) {
        this.table = table;
        this.ownerTable = ownerTable;
        this.ownerColumn = ownerColumn;
        this.ownerNoun = ownerNoun;
        this.missingCode = missingCode;
        this.imageNoun = imageNoun;
    }
}
