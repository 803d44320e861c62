package dev.dora.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: an API token in {@code Authorization: Bearer}, or a session cookie that the
 * sign-in page exchanged for a token. Sessions are random ids kept in memory (the token itself
 * never goes into a cookie or URL); they end at sign-out, after their lifetime, or on restart.
 */
public final class Auth {
    static final String SESSION_COOKIE = "dora_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DashboardConfig config;
    private final Clock clock;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

    public Auth(DashboardConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether the token is a valid API token; compared in constant time. */
    boolean validToken(String token) {
        if (token == null) {
            return false;
        }
        return MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8),
                config.adminToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries a valid bearer token or session. */
    boolean authenticated(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return validToken(header.substring(7).trim());
        }
        String session = ctx.cookie(SESSION_COOKIE);
        if (session == null) {
            return false;
        }
        Instant expires = sessions.get(session);
        if (expires == null) {
            return false;
        }
        if (clock.instant().isAfter(expires)) {
            sessions.remove(session);
            return false;
        }
        return true;
    }

    void requireApiAccess(Context ctx) {
        if (!authenticated(ctx)) {
            throw new ApiException(
                    401, "missing or invalid credentials: send Authorization: Bearer <token>");
        }
    }

    /** Starts a session and sets its HttpOnly, SameSite=Strict cookie. */
    void signIn(Context ctx) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(session, clock.instant().plus(config.sessionLifetime()));
        Cookie cookie =
                new Cookie(
                        SESSION_COOKIE,
                        session,
                        "/",
                        (int) config.sessionLifetime().toSeconds(),
                        config.secureCookies(),
                        true,
                        null,
                        SameSite.STRICT);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setSecure(config.secureCookies());
        cookie.setMaxAge((int) config.sessionLifetime().toSeconds());
        ctx.cookie(cookie);
    }

    void signOut(Context ctx) {
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null) {
            sessions.remove(session);
        }
        ctx.removeCookie(SESSION_COOKIE, "/");
    }
}
