package dev.dora.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The HTML pages, read once from {@code web/} on the classpath. The Chart.js path is filled in from
 * the webjar on the classpath, so upgrading the webjar needs no page edit.
 */
final class Pages {
    /** The dashboard pages, each {@code web/<name>.html} served at {@link #path}. */
    static final List<String> NAMES =
            List.of("index", "teams", "deployments", "incidents", "data-quality", "report");

    private final Map<String, String> pages = new HashMap<>();
    final String signIn;

    Pages() {
        String chartJs =
                "/webjars/chart.js/" + webjarVersion("chart.js") + "/dist/chart.umd.min.js";
        // Every page shares one header (navigation and filter bar), filled in here.
        String header = resource("web/header.html");
        for (String name : NAMES) {
            pages.put(
                    name,
                    resource("web/" + name + ".html")
                            .replace("{{header}}", header)
                            .replace("{{chartjs}}", chartJs));
        }
        this.signIn = resource("web/sign-in.html");
    }

    static String path(String name) {
        return name.equals("index") ? "/" : "/" + name;
    }

    String page(String name, boolean canExport) {
        return pages.get(name).replace("{{can_export}}", Boolean.toString(canExport));
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
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing page " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
