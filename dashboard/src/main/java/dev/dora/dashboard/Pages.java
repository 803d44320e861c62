package dev.dora.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages, read once from {@code web/} on the classpath. The Chart.js path is filled in from
 * the webjar on the classpath, so upgrading the webjar needs no page edit.
 */
final class Pages {
    /**
     * The dashboard pages, each the main content {@code web/<name>.html} (its {@code <h1>} is the
     * title) in {@code web/layout.html}, served at {@link #path}.
     */
    static final List<String> NAMES =
            List.of(
                    "index",
                    "teams",
                    "deployments",
                    "incidents",
                    "surveys",
                    "adoption",
                    "catalog",
                    "data-quality",
                    "report");

    private static final Pattern TITLE = Pattern.compile("<h1>([^<]+)</h1>");

    private final Map<String, String> pages = new HashMap<>();
    private final Map<String, String> adminParts = new HashMap<>();
    final String signIn;

    Pages() {
        String chartJs =
                "/webjars/chart.js/" + webjarVersion("chart.js") + "/dist/chart.umd.min.js";
        // Every page is its main content in the shared layout: head, navigation and filter bar.
        String layout =
                resource("web/layout.html")
                        .replace("{{header}}", resource("web/header.html"))
                        .replace("{{chartjs}}", chartJs);
        for (String name : NAMES) {
            String main = resource("web/" + name + ".html");
            Matcher title = TITLE.matcher(main);
            if (!title.find()) {
                throw new IllegalStateException("page " + name + " has no <h1>");
            }
            pages.put(
                    name,
                    layout.replace("{{title}}", title.group(1))
                            .replace("{{script}}", name.equals("index") ? "overview" : name)
                            .replace("{{main}}", main.stripTrailing()));
            // A page's admin controls (web/<name>-admin.html) go in at {{admin}} for an admin only,
            // so that no other role's page carries them at all.
            String admin = optionalResource("web/" + name + "-admin.html");
            if (admin != null) {
                if (!main.contains("{{admin}}")) {
                    throw new IllegalStateException(
                            "page " + name + " has admin controls but no {{admin}} to put them");
                }
                adminParts.put(name, admin.stripTrailing());
            }
        }
        this.signIn = resource("web/sign-in.html");
    }

    static String path(String name) {
        return name.equals("index") ? "/" : "/" + name;
    }

    /**
     * A page for one caller: {@code canExport} and {@code canAdmin} only decide which controls the
     * page draws (and {@code canAdmin} whether it holds its admin part at all); the API checks the
     * role again on every call.
     */
    String page(String name, boolean canExport, boolean canAdmin) {
        return pages.get(name)
                .replace("{{admin}}", canAdmin ? adminParts.getOrDefault(name, "") : "")
                .replace("{{can_export}}", Boolean.toString(canExport))
                .replace("{{can_admin}}", Boolean.toString(canAdmin));
    }

    String signIn(String message) {
        return signIn.replace(
                "{{message}}",
                message == null ? "" : "<p class=\"error\" role=\"alert\">" + message + "</p>");
    }

    private static String webjarVersion(String name) {
        String path = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("webjar " + name + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        String text = optionalResource(path);
        if (text == null) {
            throw new IllegalStateException("missing page " + path);
        }
        return text;
    }

    /** A resource's text, or null if there is none. */
    private static String optionalResource(String path) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
