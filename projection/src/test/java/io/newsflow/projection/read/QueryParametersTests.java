package io.newsflow.projection.read;

import java.time.Instant;

import io.newsflow.service.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The time parameters as the read APIs document them: an instant, or a date in Seoul. */
class QueryParametersTests {

    @Test
    void textIsReadInTheFormIngestStoresItIn() {
        // NFD (conjoining jamo, as macOS sends it) is the NFC the store holds
        assertThat(QueryParameters.text("q", "\u1112\u1161\u11AB\u1100\u1173\u11AF")).isEqualTo("한글");
        assertThat(QueryParameters.text("author", " 날씨\u00A0\t 봇\u202E ")).isEqualTo("날씨 봇");
        assertThat(QueryParameters.text("q", "\u2066 \u200E")).isNull();
    }

    @Test
    void aDateIsTheStartOfThatDayInSeoul() {
        assertThat(QueryParameters.instant("from", "2024-07-01")).isEqualTo(Instant.parse("2024-06-30T15:00:00Z"));
        assertThat(QueryParameters.instant("from", " 2024-07-01T00:00:00Z "))
            .isEqualTo(Instant.parse("2024-07-01T00:00:00Z"));
    }

    @Test
    void whatIsNeitherIsRefusedNamingTheParameter() {
        for (String value : new String[] { "2024-7-1", "2024-13-01", "2024-02-30", "yesterday", "20240701" }) {
            assertThatThrownBy(() -> QueryParameters.instant("to", value)).isInstanceOf(InvalidFieldException.class)
                .extracting(ex -> ((InvalidFieldException) ex).field())
                .isEqualTo("to");
        }
    }

}
