package dev.dora.jobs.cdevents;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The commit, if any, named by a CDEvents {@code artifactId}: a package URL ({@code
 * pkg:type/namespace/name@version?qualifiers#subpath}) or a bare digest or version. Only a full
 * 40-hex commit id counts; an image digest ({@code sha256:...}, 64 hex) or an abbreviated id does
 * not, so a deployment is never linked to the wrong commit.
 */
final class Purl {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}");

    private Purl() {}

    /**
     * @return the commit id in lower case: the artifactId itself, the purl's version, or the commit
     *     at the end of its {@code vcs_url} qualifier; null when none is a full commit id
     */
    static String commitSha(String artifactId) {
        if (artifactId == null) {
            return null;
        }
        String s = artifactId.trim();
        if (isCommit(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (!s.startsWith("pkg:")) {
            return null;
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        String qualifiers = "";
        int question = s.indexOf('?');
        if (question >= 0) {
            qualifiers = s.substring(question + 1);
            s = s.substring(0, question);
        }
        String version = afterLastAt(s);
        if (isCommit(version)) {
            return version.toLowerCase(Locale.ROOT);
        }
        for (String pair : qualifiers.split("&")) {
            if (pair.startsWith("vcs_url=")) {
                String commit = afterLastAt(decode(pair.substring("vcs_url=".length())));
                if (isCommit(commit)) {
                    return commit.toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static String afterLastAt(String s) {
        int at = s.lastIndexOf('@');
        return at < 0 ? null : decode(s.substring(at + 1));
    }

    private static boolean isCommit(String s) {
        return s != null && COMMIT.matcher(s).matches();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%': keep the text as it is
        }
    }
}
