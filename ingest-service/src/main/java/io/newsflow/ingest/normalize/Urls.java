package io.newsflow.ingest.normalize;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.newsflow.service.web.InvalidFieldException;

/**
 * Canonical URLs, so that the same article sent twice gets the same id: scheme and host
 * lower-cased, an internationalised host in its ASCII (punycode) form, default ports,
 * userinfo, fragments and tracking parameters dropped, and path and query in one
 * spelling: NFC, every character outside ASCII percent-encoded as UTF-8, an escape of an
 * unreserved character ({@code %41}) decoded, every other escape in upper case. A raw
 * Korean path, its percent-encoded form and its NFD form (as macOS writes it) are one
 * URL.
 */
public final class Urls {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid",
            "igshid", "mc_cid", "mc_eid", "_ga", "ref_src");

    private static final String INVALID = "must be an absolute http or https URL";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {
    }

    /**
     * The canonical form of an absolute http(s) URL.
     * @throws InvalidFieldException naming {@code field} when the value is not such a URL
     */
    public static String canonical(String field, String value) {
        String text = Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
        int colon = text.indexOf("://");
        if (colon <= 0) {
            throw new InvalidFieldException(field, INVALID);
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidFieldException(field, INVALID);
        }
        int authorityEnd = indexOfAny(text, colon + 3, "/?#");
        String authority = asciiAuthority(field, text.substring(colon + 3, authorityEnd));
        URI uri;
        try {
            uri = new URI(scheme + "://" + authority + component(text.substring(authorityEnd)));
        }
        catch (URISyntaxException ex) {
            throw new InvalidFieldException(field, INVALID);
        }
        if (uri.getHost() == null) {
            throw new InvalidFieldException(field, INVALID);
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

    /** The authority with an internationalised host in ASCII, without userinfo. */
    private static String asciiAuthority(String field, String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostAndPort.startsWith("[")) {
            return hostAndPort;
        }
        int portAt = hostAndPort.lastIndexOf(':');
        String host = portAt < 0 ? hostAndPort : hostAndPort.substring(0, portAt);
        String port = portAt < 0 ? "" : hostAndPort.substring(portAt);
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '%' || c == '\\')) {
            throw new InvalidFieldException(field, INVALID);
        }
        try {
            return IDN.toASCII(host) + port;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException(field, "has a host name that is not a valid domain name");
        }
    }

    /**
     * Path, query and fragment in one spelling: escapes of unreserved characters decoded,
     * escapes of UTF-8 text decoded, NFC, and everything outside what a URI allows
     * (non-ASCII, spaces, quotes) encoded again as UTF-8 with upper-case hex. An escape
     * that is no UTF-8 text (a CP949 query, say) stays as it is, in upper case.
     */
    static String component(String raw) {
        StringBuilder decoded = new StringBuilder(raw.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            int run = i;
            bytes.reset();
            while (run + 2 < raw.length() && raw.charAt(run) == '%' && isHex(raw.charAt(run + 1))
                    && isHex(raw.charAt(run + 2))) {
                bytes.write(Integer.parseInt(raw, run + 1, run + 3, 16));
                run += 3;
            }
            if (run == i) {
                decoded.append(raw.charAt(i++));
                continue;
            }
            String text = utf8(bytes.toByteArray());
            if (text == null) {
                decoded.append(raw, i, run);
            }
            else {
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch < 0x80 && !isUnreserved(ch)) {
                        escape(decoded, (byte) ch);
                    }
                    else {
                        decoded.append(ch);
                    }
                }
            }
            i = run;
        }
        String text = Normalizer.normalize(decoded, Normalizer.Form.NFC);
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (int c = 0; c < text.length(); c++) {
            char ch = text.charAt(c);
            if (ch == '%' && c + 2 < text.length() && isHex(text.charAt(c + 1)) && isHex(text.charAt(c + 2))) {
                encoded.append('%')
                    .append(Character.toUpperCase(text.charAt(c + 1)))
                    .append(Character.toUpperCase(text.charAt(c + 2)));
                c += 2;
            }
            else if (ch >= 0x80 || ch <= ' ' || "\"<>\\^`{|}%".indexOf(ch) >= 0) {
                int end = Character.isHighSurrogate(ch) && c + 1 < text.length() ? c + 2 : c + 1;
                for (byte b : text.substring(c, end).getBytes(StandardCharsets.UTF_8)) {
                    escape(encoded, b);
                }
                c = end - 1;
            }
            else {
                encoded.append(ch);
            }
        }
        return encoded.toString();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }

    private static void escape(StringBuilder to, byte b) {
        to.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
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
