package io.rapport.server.audit;

import java.util.Set;

/** The audited actions. Their names are part of the API contract (the {@code action} filter): never rename one. */
public final class AuditActions {
    public static final String ORGANIZATION_CREATED = "organization.created";
    public static final String ORGANIZATION_UPDATED = "organization.updated";
    public static final String API_KEY_CREATED = "api_key.created";
    public static final String API_KEY_REVOKED = "api_key.revoked";
    public static final String API_KEY_ROTATED = "api_key.rotated";
    public static final String APP_INSTALL_CREATED = "app_install.created";
    public static final String APP_INSTALL_REVOKED = "app_install.revoked";
    public static final String APP_INSTALL_ROTATED = "app_install.rotated";
    public static final String SCORING_MODEL_CHANGED = "scoring_model.changed";
    public static final String WEBHOOK_SUBSCRIPTION_CREATED = "webhook_subscription.created";
    public static final String WEBHOOK_SUBSCRIPTION_UPDATED = "webhook_subscription.updated";
    public static final String WEBHOOK_SUBSCRIPTION_DELETED = "webhook_subscription.deleted";
    public static final String WEBHOOK_SECRET_ROTATED = "webhook_secret.rotated";
    public static final String PARTNER_ERASED = "partner.erased";
    public static final String PARTNER_EXPORTED = "partner.exported";

    public static final Set<String> ALL = Set.of(ORGANIZATION_CREATED, ORGANIZATION_UPDATED, API_KEY_CREATED,
            API_KEY_REVOKED, API_KEY_ROTATED, APP_INSTALL_CREATED, APP_INSTALL_REVOKED, APP_INSTALL_ROTATED,
            SCORING_MODEL_CHANGED, WEBHOOK_SUBSCRIPTION_CREATED, WEBHOOK_SUBSCRIPTION_UPDATED,
            WEBHOOK_SUBSCRIPTION_DELETED, WEBHOOK_SECRET_ROTATED, PARTNER_ERASED, PARTNER_EXPORTED);

    private AuditActions() {
    }
}
