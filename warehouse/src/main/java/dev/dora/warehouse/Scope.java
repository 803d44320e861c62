package dev.dora.warehouse;

/**
 * Which deployments, changes and incidents a query covers: the API's {@code service}, {@code team}
 * and {@code environment} filters. Null means no filter; no environment means production.
 */
public record Scope(String service, String team, String environment) {
    public static final Scope ALL = new Scope(null, null, null);

    public Scope {
        service = blankToNull(service);
        team = blankToNull(team);
        environment = blankToNull(environment);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
