package io.newsflow.ingest.normalize;

import io.newsflow.service.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlsTests {

    @ParameterizedTest
    @CsvSource({ "HTTPS://News.Example.KR/a/1?utm_source=x&id=7#top, https://news.example.kr/a/1?id=7",
            "http://news.example.kr:80/a?fbclid=1, http://news.example.kr/a",
            "https://news.example.kr:8443/a?b=1&utm_medium=m&c=2, https://news.example.kr:8443/a?b=1&c=2",
            "https://news.example.kr, https://news.example.kr/",
            "https://news.example.kr/%EA%B8%B0%EC%82%AC?q=%ED%95%9C, https://news.example.kr/%EA%B8%B0%EC%82%AC?q=%ED%95%9C" })
    void canonicalFormDropsWhatDoesNotIdentifyTheArticle(String url, String canonical) {
        assertThat(Urls.canonical("url", url)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = { "ftp://news.example.kr/a", "news.example.kr/a", "/relative/path", "https://", "http://a b" })
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> Urls.canonical("url", url)).isInstanceOf(InvalidFieldException.class)
            .extracting(ex -> ((InvalidFieldException) ex).field())
            .isEqualTo("url");
    }

    @Test
    void sameArticleSentTwiceWithDifferentTrackingHasOneCanonicalUrl() {
        assertThat(Urls.canonical("url", "https://news.example.kr/a?utm_campaign=1"))
            .isEqualTo(Urls.canonical("url", "https://NEWS.example.kr/a#comments"));
    }

}
