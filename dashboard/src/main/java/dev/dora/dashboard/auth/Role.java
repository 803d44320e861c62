package dev.dora.dashboard.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What a token may do. Each role includes the ones before it: a viewer reads pages and the read
 * API, an exporter may also export, an admin may also manage tokens, surveys and the catalog.
 */
public enum Role implements RouteRole {
    VIEWER,
    EXPORTER,
    ADMIN;

    /** Whether a caller with this role may use a route that needs {@code needed}. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** The role's name as users type it: {@code viewer}, {@code exporter}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.id().equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "role must be viewer, exporter or admin, got '" + s + "'");
    }
}
