package dev.dora.dashboard.auth;

import dev.dora.dashboard.ApiException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling and whether they may: an API token in {@code Authorization: Bearer}, or a session
 * cookie that the sign-in page exchanged for a token. Every route declares the role it needs (a
 * route without one is public); {@link #check} runs before each matched route and answers 401
 * without credentials, 403 with a role that is not enough. Pages without a session go to sign-in
 * instead of a 401.
 *
 * <p>Sessions are random ids kept in memory (the token never goes into a cookie or URL); they end
 * at sign-out, after their lifetime, on restart, or when their token is revoked.
 */
public final class Auth {
    public static final String SESSION_COOKIE = "dora_session";
    static final String BOOTSTRAP_ID = "bootstrap";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A caller: its role and the id of the token it came with. */
    public record Caller(Role role, String tokenId) {}

    private record Session(Caller caller, Instant expires) {}

    private final byte[] adminToken;
    private final TokenStore tokens;
    private final Duration sessionLifetime;
    private final boolean secureCookies;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * @param adminToken the bootstrap admin token (configured or generated at first start)
     * @param tokens the tokens created with {@code dora token create} or the tokens API
     */
    public Auth(
            String adminToken,
            TokenStore tokens,
            Duration sessionLifetime,
            boolean secureCookies,
            Clock clock) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
        this.sessionLifetime = sessionLifetime;
        this.secureCookies = secureCookies;
        this.clock = clock;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** The caller a token stands for; the bootstrap token compared in constant time. */
    public Optional<Caller> callerOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), adminToken)) {
            return Optional.of(new Caller(Role.ADMIN, BOOTSTRAP_ID));
        }
        return tokens.find(token).map(e -> new Caller(e.parsedRole(), e.id()));
    }

    /** The caller of a request: bearer token first, else a live session. */
    public Optional<Caller> caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return callerOf(header.substring(7).trim());
        }
        String id = ctx.cookie(SESSION_COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(session.expires())
                || !(BOOTSTRAP_ID.equals(session.caller().tokenId())
                        || tokens.exists(session.caller().tokenId()))) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session.caller());
    }

    /** Before every matched route: enforces the role the route declares. */
    public void check(Context ctx) {
        Role needed = needed(ctx.routeRoles());
        if (needed == null) {
            return; // a public route: sign-in, health, webhooks, static assets
        }
        Optional<Caller> caller = caller(ctx);
        boolean api = ctx.path().startsWith("/api/");
        if (caller.isEmpty()) {
            if (api) {
                throw new ApiException(
                        401, "missing or invalid credentials: send Authorization: Bearer <token>");
            }
            ctx.redirect("/sign-in", HttpStatus.FOUND);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!caller.get().role().includes(needed)) {
            throw new ApiException(
                    403,
                    "this needs the "
                            + needed.id()
                            + " role; the credentials you sent have the "
                            + caller.get().role().id()
                            + " role");
        }
        ctx.attribute("dora.caller", caller.get());
    }

    private static Role needed(Set<RouteRole> roles) {
        Role needed = null;
        for (RouteRole r : roles) {
            if (r instanceof Role role && (needed == null || role.includes(needed))) {
                needed = role;
            }
        }
        return needed;
    }

    /** Starts a session for a caller and sets its HttpOnly, SameSite=Strict cookie. */
    public void signIn(Context ctx, Caller caller) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(session, new Session(caller, clock.instant().plus(sessionLifetime)));
        Cookie cookie =
                new Cookie(
                        SESSION_COOKIE,
                        session,
                        "/",
                        (int) sessionLifetime.toSeconds(),
                        secureCookies,
                        true,
                        null,
                        SameSite.STRICT);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
    }

    public void signOut(Context ctx) {
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null) {
            sessions.remove(session);
        }
        ctx.removeCookie(SESSION_COOKIE, "/");
    }
}
