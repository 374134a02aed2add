package io.newsflow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartTests {

    @Test
    void ratesAreTakenOverSeveralSecondsSoBatchesAnsweredTogetherDoNotShowAsSpikes() {
        List<Timeline.Sample> samples = new ArrayList<>();
        long[] accepted = { 0, 0, 1000, 1000, 2000, 2000, 3000, 3000, 4000 };
        for (int second = 0; second < accepted.length; second++) {
            samples.add(new Timeline.Sample(second, "pipeline", Map.of("accepted", accepted[second]), 0));
        }

        List<double[]> rates = Chart.rates(samples).get("accepted");

        assertThat(rates).hasSize(accepted.length - 1);
        // after the first window every rate is 500/s give or take one batch over three
        // seconds
        rates.subList(2, rates.size()).forEach(point -> assertThat(point[1]).isBetween(333.0, 667.0));
    }

    @Test
    void aCounterOnlyCountsWithinTheLegsThatRecordIt() {
        List<Timeline.Sample> samples = List.of(new Timeline.Sample(0, "pipeline", Map.of("stored", 0L), 0),
                new Timeline.Sample(1, "pipeline", Map.of("stored", 100L), 0),
                new Timeline.Sample(2, "reads", Map.of(), 0),
                new Timeline.Sample(3, "freshness", Map.of("stored", 5000L), 0),
                new Timeline.Sample(4, "freshness", Map.of("stored", 6000L), 0));

        List<double[]> rates = Chart.rates(samples).get("stored");

        assertThat(rates).extracting(point -> point[0]).containsExactly(1.0, 4.0);
        assertThat(rates.get(1)[1]).isEqualTo(1000.0);
    }

}
