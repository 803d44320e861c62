package dev.dora.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The HTML pages, read once from {@code web/} on the classpath. The Chart.js path is filled in from
 * the webjar on the classpath, so upgrading the webjar needs no page edit.
 */
final class Pages {
    final String index;
    final String signIn;

    Pages() {
        String chartJs =
                "/webjars/chart.js/" + webjarVersion("chart.js") + "/dist/chart.umd.min.js";
        this.index = resource("web/index.html").replace("{{chartjs}}", chartJs);
        this.signIn = resource("web/sign-in.html");
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
