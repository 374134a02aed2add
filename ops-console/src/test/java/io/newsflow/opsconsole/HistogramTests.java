package io.newsflow.opsconsole;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramTests {

    private static final String BEFORE = """
            # TYPE newsflow_freshness_seconds histogram
            newsflow_freshness_seconds_bucket{application="article-service",topic="a",le="0.05"} 10.0
            newsflow_freshness_seconds_bucket{application="article-service",topic="a",le="0.1"} 10.0
            newsflow_freshness_seconds_bucket{application="article-service",topic="a",le="+Inf"} 10.0
            newsflow_freshness_seconds_count{application="article-service",topic="a"} 10.0
            newsflow_other_seconds_bucket{le="0.05"} 99.0
            """;

    private static final String AFTER = """
            newsflow_freshness_seconds_bucket{application="article-service",topic="a",le="0.05"} 60.0
            newsflow_freshness_seconds_bucket{application="article-service",topic="a",le="0.1"} 100.0
            newsflow_freshness_seconds_bucket{application="article-service",topic="a",le="+Inf"} 110.0
            newsflow_freshness_seconds_bucket{application="board-service",topic="p",le="0.05"} 0.0
            newsflow_freshness_seconds_bucket{application="board-service",topic="p",le="0.1"} 0.0
            newsflow_freshness_seconds_bucket{application="board-service",topic="p",le="+Inf"} 0.0
            """;

    @Test
    void quantilesOfWhatWasRecordedBetweenTwoScrapesInterpolateInsideTheBucket() {
        Histogram recorded = freshness(AFTER).since(freshness(BEFORE));

        assertThat(recorded.count()).isEqualTo(100);
        // 50 in (0, 50 ms], 40 in (50, 100 ms], 10 above 100 ms
        assertThat(recorded.quantile(0.25)).isCloseTo(0.025, within(1e-9));
        assertThat(recorded.quantile(0.70)).isCloseTo(0.075, within(1e-9));
        assertThat(recorded.quantile(0.99)).isEqualTo(0.1);
    }

    @Test
    void nothingRecordedHasNoQuantile() {
        Histogram none = freshness(BEFORE).since(freshness(BEFORE));

        assertThat(none.quantile(0.5)).isNaN();
    }

    @Test
    void aCounterThatStartedAgainCountsAsNothingRecordedNeverNegative() {
        Histogram restarted = freshness(BEFORE).since(freshness(AFTER));

        assertThat(restarted.count()).isZero();
        assertThat(restarted.quantile(0.99)).isNaN();
    }

    @Test
    void quantileInterpolatesInsideTheBucketLikePrometheus() {
        Histogram histogram = Histogram.of(Map.of(0.05, 50.0, 0.1, 90.0, 0.25, 100.0, Double.POSITIVE_INFINITY, 100.0));

        assertThat(histogram.quantile(0.5)).isCloseTo(0.05, within(1e-9));
        assertThat(histogram.quantile(0.7)).isCloseTo(0.075, within(1e-9));
        assertThat(histogram.quantile(0.99)).isCloseTo(0.235, within(1e-9));
    }

    @Test
    void aRankInTheInfiniteBucketIsTheHighestFiniteBound() {
        Histogram histogram = Histogram.of(Map.of(0.05, 50.0, 0.1, 90.0, Double.POSITIVE_INFINITY, 100.0));

        assertThat(histogram.quantile(0.99)).isEqualTo(0.1);
    }

    @Test
    void seriesOfSeveralServicesAreSummedAndOtherMetricsIgnored() {
        Histogram summed = freshness(AFTER).plus(freshness(BEFORE));

        assertThat(summed.count()).isEqualTo(120);
    }

    private static Histogram freshness(String exposition) {
        return Histogram.of(PrometheusText.parse(exposition), "newsflow_freshness_seconds");
    }

}
