package dev.dora.jobs.circleci;

import dev.dora.jobs.UnparseableEventException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository's full name ({@code owner/name}, or {@code group/subgroup/name} on GitLab) from the
 * URLs CircleCI reports: web URLs ({@code https://github.com/acme/shop}), clone URLs ({@code
 * https://host/scm/PROJ/shop.git}, {@code ssh://git@host:7999/proj/shop.git}) and scp-like SSH
 * addresses ({@code git@gitlab.com:acme/shop.git}). It is the URL's path without a trailing {@code
 * .git} and without Bitbucket Data Center's {@code scm/} prefix for HTTP clones.
 */
final class RepositoryUrls {
    private static final Pattern SCP_LIKE = Pattern.compile("^[^/@:]+@[^/:]+:(.+)$");

    private RepositoryUrls() {}

    static String fullName(String url, String field) {
        String path = path(url.trim());
        if (path != null) {
            path = path.replaceAll("^/+|/+$", "").replaceFirst("\\.git$", "");
            if (path.startsWith("scm/")) {
                path = path.substring("scm/".length());
            }
        }
        if (path == null || !path.contains("/") || path.contains("//")) {
            throw new UnparseableEventException(
                    "field '" + field + "' is not a repository URL: " + url);
        }
        return path;
    }

    private static String path(String url) {
        Matcher scp = SCP_LIKE.matcher(url);
        if (!url.contains("://") && scp.matches()) {
            return scp.group(1);
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() == null ? null : uri.getPath();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
