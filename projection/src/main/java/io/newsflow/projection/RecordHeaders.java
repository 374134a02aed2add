package io.newsflow.projection;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The one reading of a text header (UTF-8) of a Kafka record. */
public final class RecordHeaders {

    private RecordHeaders() {
    }

    /** The last value of header {@code name} as text, null when the record has none. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
