package io.newsflow.ingest.page;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.service.web.InvalidFieldException;

import org.springframework.http.MediaType;

/**
 * The charset a page is written in: the request's content type when it names one; else,
 * for HTML, what the page declares in its first bytes ({@code <meta charset="euc-kr">} or
 * {@code <meta http-equiv="Content-Type" content="text/html; charset=euc-kr">}); else
 * UTF-8. The Korean legacy names are read as Windows code page 949, the superset of
 * EUC-KR that browsers use for them. Decoding is strict: a byte the charset does not
 * define is an error, never replaced.
 */
final class PageCharsets {

    /** Where a page must declare its charset, as browsers look for it. */
    private static final int PRESCAN = 1024;

    private static final Pattern DECLARED = Pattern
        .compile("<meta[^>]{0,200}?charset\\s{0,5}=\\s{0,5}[\"']?([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);

    /** Where an XML document declares its encoding: in its first line. */
    private static final int XML_DECLARATION = 200;

    private static final Pattern XML_ENCODING = Pattern
        .compile("^(?:\\u00EF\\u00BB\\u00BF)?<\\?xml[^>]{0,100}?encoding\\s{0,5}=\\s{0,5}[\"']([A-Za-z0-9_.:-]{1,40})");

    private static final Charset KOREAN = Charset.forName("x-windows-949");

    private static final Map<String, Charset> KOREAN_NAMES = Map.of("euc-kr", KOREAN, "euckr", KOREAN, "ks_c_5601-1987",
            KOREAN, "ksc5601", KOREAN, "cp949", KOREAN, "ms949", KOREAN, "x-windows-949", KOREAN, "windows-949", KOREAN,
            "uhc", KOREAN);

    private PageCharsets() {
    }

    static String decode(byte[] body, MediaType type, boolean html) {
        Charset charset = type.getCharset() != null ? korean(type.getCharset())
                : html ? declared(body) : StandardCharsets.UTF_8;
        return strictly(body, charset);
    }

    private static String strictly(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        }
        catch (CharacterCodingException ex) {
            throw new InvalidFieldException("body", "is not valid " + charset.name());
        }
    }

    /**
     * An XML document's text: in the request's charset, else the one its XML declaration
     * names ({@code <?xml version="1.0" encoding="euc-kr"?>}), else UTF-8; strictly, like
     * a page.
     */
    static String decodeXml(byte[] body, MediaType type) {
        return strictly(body, type.getCharset() != null ? korean(type.getCharset()) : declaredXml(body));
    }

    private static Charset declaredXml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, XML_DECLARATION), StandardCharsets.ISO_8859_1);
        Matcher declared = XML_ENCODING.matcher(head);
        return declared.find() ? named(declared.group(1).toLowerCase(Locale.ROOT)) : StandardCharsets.UTF_8;
    }

    /** The charset the page's first bytes declare, or UTF-8. */
    private static Charset declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        return named(declared.group(1).toLowerCase(Locale.ROOT));
    }

    private static Charset named(String name) {
        if (KOREAN_NAMES.containsKey(name)) {
            return KOREAN;
        }
        try {
            return Charset.forName(name);
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            throw new InvalidFieldException("body", "declares the charset " + name + ", which is not supported");
        }
    }

    private static Charset korean(Charset charset) {
        return KOREAN_NAMES.getOrDefault(charset.name().toLowerCase(Locale.ROOT), charset);
    }

}
