package io.newsflow.ingest.normalize;

import java.time.Instant;

import io.newsflow.service.web.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatesTests {

    /**
     * 2024-07-24 01:00 in Seoul: the crawl is on the 24th there, still the 23rd in UTC. A
     * time alone later than the crawl (beyond an hour of skew) is of the day before:
     * 14:32 on the 24th is still to come.
     */
    private static final Instant CRAWLED_AT = Instant.parse("2024-07-23T16:00:00Z");

    @ParameterizedTest
    @CsvSource({ "2024.07.24, 2024-07-23T15:00:00Z", "2024-07-24, 2024-07-23T15:00:00Z",
            "2024/7/4, 2024-07-03T15:00:00Z", "2024-07-24 14:32, 2024-07-24T05:32:00Z",
            "2024.07.24 14:32:10, 2024-07-24T05:32:10Z", "2024-07-24T14:32, 2024-07-24T05:32:00Z",
            "2024-07-24T14:32:00+09:00, 2024-07-24T05:32:00Z", "2024-07-24T05:32:00Z, 2024-07-24T05:32:00Z",
            "00:30, 2024-07-23T15:30:00Z", "01:45, 2024-07-23T16:45:00Z", "14:32, 2024-07-23T05:32:00Z",
            "09:05, 2024-07-23T00:05:00Z", "2024년 07월 23일 21시 14분 08초, 2024-07-23T12:14:08Z",
            "2024년 7월 4일, 2024-07-03T15:00:00Z", "2024년 7월 24일 (수) 오후 2시 5분, 2024-07-24T05:05:00Z",
            "2024년 7월 24일 오전 12시 30분, 2024-07-23T15:30:00Z", "2024-07-24T14:32:00+0900, 2024-07-24T05:32:00Z",
            "2024-07-24 14:32:00+09:00, 2024-07-24T05:32:00Z", "2024-07-24 14:32:00+0900, 2024-07-24T05:32:00Z" })
    void readsKoreanAndIsoFormsWithSeoulAsTheDefaultZone(String value, String expected) {
        assertThat(Dates.parse("postedAt", value, CRAWLED_AT)).isEqualTo(Instant.parse(expected));
    }

    /**
     * A day without a year is the latest such day not after the crawl in Seoul: a page
     * shows no post from its future, so on 2 January {@code 12-31} is last year's.
     */
    @ParameterizedTest
    @CsvSource({ "2025-01-01T22:00:00Z, 12-31, 2024-12-30T15:00:00Z",
            "2025-01-01T22:00:00Z, 01-02, 2025-01-01T15:00:00Z", "2025-01-01T22:00:00Z, 01-03, 2024-01-02T15:00:00Z",
            "2024-07-23T16:00:00Z, 07.24, 2024-07-23T15:00:00Z", "2024-07-23T16:00:00Z, 07.25, 2023-07-24T15:00:00Z",
            "2025-03-01T00:00:00Z, 02-29, 2024-02-28T15:00:00Z" })
    void aDayWithoutItsYearIsNeverInTheFutureOfTheCrawl(String crawledAt, String value, String expected) {
        assertThat(Dates.parse("postedAt", value, Instant.parse(crawledAt))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024.13.01", "02-30", "13-01", "2024-02-30", "25:00", "yesterday", "2024년 13월 1일",
            "2024년 7월 24일 오후 13시", "2024년 7월 24일 25시", "7월 24일", "" })
    void rejectsWhatIsNotADateNamingTheField(String value) {
        assertThatThrownBy(() -> Dates.parse("postedAt", value, CRAWLED_AT)).isInstanceOf(InvalidFieldException.class)
            .hasMessageContaining("2024.07.24");
    }

}
