package io.newsflow.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.newsflow.service.web.InvalidFieldException;

/**
 * Canonical URLs, so that the same article sent twice gets the same id: scheme and host
 * lower-cased, default ports, fragments and tracking parameters dropped.
 */
public final class Urls {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid",
            "igshid", "mc_cid", "mc_eid", "_ga", "ref_src");

    private Urls() {
    }

    /**
     * The canonical form of an absolute http(s) URL.
     * @throws InvalidFieldException naming {@code field} when the value is not such a URL
     */
    public static String canonical(String field, String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        }
        catch (URISyntaxException ex) {
            throw new InvalidFieldException(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidFieldException(field, "must be an absolute http or https URL");
        }
        StringBuilder url = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
            url.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        url.append(path == null || path.isEmpty() ? "/" : path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
            .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
            .collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }

}
