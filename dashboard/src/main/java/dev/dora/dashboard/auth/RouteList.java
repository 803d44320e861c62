package dev.dora.dashboard.auth;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP routes a server has, with the role each needs: what the access-control and OpenAPI tests
 * check the real server against.
 */
public final class RouteList {
    private RouteList() {}

    /**
     * A route.
     *
     * @param method lower-case HTTP method, as OpenAPI names it
     * @param path Javalin's path, e.g. {@code /api/v1/tokens/{id}}
     * @param role the role it needs, null for a public route
     */
    public record Route(String method, String path, Role role) {}

    public static List<Route> of(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(RouteList::route)
                .toList();
    }

    private static Route route(Endpoint e) {
        Roles roles = e.metadata(Roles.class);
        Role needed = null;
        if (roles != null) {
            for (var r : roles.getRoles()) {
                if (r instanceof Role role && (needed == null || role.includes(needed))) {
                    needed = role;
                }
            }
        }
        return new Route(e.method.name().toLowerCase(Locale.ROOT), e.path, needed);
    }
}
