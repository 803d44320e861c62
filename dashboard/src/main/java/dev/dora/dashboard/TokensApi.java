package dev.dora.dashboard;

import dev.dora.dashboard.auth.Role;
import dev.dora.dashboard.auth.TokenStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/tokens} (admin): list tokens (ids, roles, names, never the token or its hash),
 * create one ({@code {"role": "viewer", "name": "..."}}, the token shown once in the answer), and
 * revoke one by id.
 */
final class TokensApi {
    private final TokenStore store;

    TokensApi(TokenStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        List<Map<String, Object>> out = store.list().stream().map(TokensApi::describe).toList();
        ctx.json(Map.of("tokens", out));
    }

    void create(Context ctx) {
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (RuntimeException e) {
            throw new ApiException(400, "the body must be a JSON object with a 'role'");
        }
        Object role = body.get("role");
        Object name = body.get("name");
        if (!(role instanceof String r)) {
            throw new ApiException(400, "'role' is required: viewer, exporter or admin");
        }
        if (name != null && !(name instanceof String)) {
            throw new ApiException(400, "'name' must be a string");
        }
        Role parsed;
        try {
            parsed = Role.parse(r);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        TokenStore.Created created = store.create(parsed, (String) name);
        Map<String, Object> out = describe(created.entry());
        out.put("token", created.token());
        ctx.status(201).json(out);
    }

    void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store.revoke(id)) {
            throw new ApiException(404, "no token has the id '" + id + "'");
        }
        ctx.status(204);
    }

    private static Map<String, Object> describe(TokenStore.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("role", e.role());
        m.put("name", e.name());
        m.put("created", e.created());
        return m;
    }
}
