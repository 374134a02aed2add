package io.newsflow.ingest.normalize;

import java.util.Random;

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
    @ValueSource(strings = { "ftp://news.example.kr/a", "news.example.kr/a", "/relative/path", "https://", "http://a b",
            "https://exa%41mple.kr/", "https://a..b/", "javascript://news.example.kr/%0aalert(1)" })
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> Urls.canonical("url", url)).isInstanceOf(InvalidFieldException.class)
            .extracting(ex -> ((InvalidFieldException) ex).field())
            .isEqualTo("url");
    }

    @Test
    void aKoreanPathIsOneUrlHoweverItIsSpelled() {
        String canonical = "https://news.example.kr/%EA%B8%B0%EC%82%AC/%ED%95%9C%EA%B8%80?q=%EB%89%B4%EC%8A%A4";
        // raw, percent-encoded in lower case, NFD (conjoining jamo) raw and encoded
        assertThat(Urls.canonical("url", "https://news.example.kr/기사/한글?q=뉴스")).isEqualTo(canonical);
        assertThat(Urls.canonical("url",
                canonical.toLowerCase().replace("https://news.example.kr", "https://news.example.kr")))
            .isEqualTo(canonical);
        assertThat(Urls.canonical("url", "https://news.example.kr/기사/\u1112\u1161\u11AB\u1100\u1173\u11AF?q=뉴스"))
            .isEqualTo(canonical);
        assertThat(Urls.canonical("url",
                "https://news.example.kr/%EA%B8%B0%EC%82%AC/%E1%84%92%E1%85%A1%E1%86%AB%E1%84%80%E1%85%B3%E1%86%AF?q=뉴스"))
            .isEqualTo(canonical);
    }

    @Test
    void escapesOfUnreservedCharactersAreDecodedAndReservedOnesKept() {
        assertThat(Urls.canonical("url", "https://news.example.kr/%61rticle%2Fx/a%20b?x=%3d&y=%7E"))
            .isEqualTo("https://news.example.kr/article%2Fx/a%20b?x=%3D&y=~");
        assertThat(Urls.canonical("url", "https://news.example.kr/a b")).isEqualTo("https://news.example.kr/a%20b");
        // a query in CP949 is no UTF-8 text: kept byte for byte
        assertThat(Urls.canonical("url", "https://board.example.kr/list?q=%c7%d1"))
            .isEqualTo("https://board.example.kr/list?q=%C7%D1");
        assertThat(Urls.canonical("url", "https://board.example.kr/100%")).isEqualTo("https://board.example.kr/100%25");
    }

    @Test
    void anInternationalisedHostIsItsPunycode() {
        assertThat(Urls.canonical("url", "https://뉴스.한국/기사?id=1"))
            .isEqualTo(Urls.canonical("url", "https://xn--vg1b002a.xn--3e0b707e/%EA%B8%B0%EC%82%AC?id=1"))
            .startsWith("https://xn--vg1b002a.xn--3e0b707e/");
        assertThat(Urls.canonical("url", "https://user:secret@News.Example.kr:443/a"))
            .isEqualTo("https://news.example.kr/a");
    }

    /**
     * One spelling means the canonical form of a canonical form is itself, for paths
     * mixing raw and escaped Korean, NFD jamo, reserved characters and stray percent
     * signs.
     */
    @Test
    void theCanonicalFormIsCanonical() {
        String[] pieces = { "기사", "\u1100\u1161", "%EA%B8%B0", "%ea%b8", "%2F", "%25", "%", "/", "?", "&", "=", "a",
                "%41", " ", "~", "+", "%C7%D1", "#", "\uD83D\uDE00", "\u0301" };
        Random random = new Random(22);
        for (int i = 0; i < 5000; i++) {
            StringBuilder url = new StringBuilder("https://news.example.kr/");
            for (int n = random.nextInt(12); n > 0; n--) {
                url.append(pieces[random.nextInt(pieces.length)]);
            }
            String once;
            try {
                once = Urls.canonical("url", url.toString());
            }
            catch (InvalidFieldException ex) {
                continue;
            }
            assertThat(Urls.canonical("url", once)).as(url.toString()).isEqualTo(once);
            assertThat(once).as(url.toString()).matches("[\\x21-\\x7E]+");
        }
    }

    @Test
    void sameArticleSentTwiceWithDifferentTrackingHasOneCanonicalUrl() {
        assertThat(Urls.canonical("url", "https://news.example.kr/a?utm_campaign=1"))
            .isEqualTo(Urls.canonical("url", "https://NEWS.example.kr/a#comments"));
    }

}
