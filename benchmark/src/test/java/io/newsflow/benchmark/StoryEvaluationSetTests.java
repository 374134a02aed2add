package io.newsflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StoryEvaluationSetTests {

    /**
     * article-service's regression guard holds the sample as it is generated here:
     * regenerate it with {@code StoryEvaluationSet <file>} after changing the set.
     */
    @Test
    void theSampleArticleServiceHoldsIsTheOneGeneratedHere() throws IOException {
        Path held = Path.of("../article-service/src/test/resources/stories/evaluation-sample.json");
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(Files.readString(held)))
            .isEqualTo(json.readTree(json.writeValueAsString(StoryEvaluationSet.sample())));
    }

    /**
     * Every story has its original and seven reprints, every lone round one original and
     * one reprint; URLs are distinct, so ingest gives every article an id of its own.
     */
    @Test
    void theSetIsLabelledAsItSays() {
        List<StoryEvaluationSet.Labelled> set = StoryEvaluationSet.all();
        Map<String, Long> perStory = set.stream()
            .collect(Collectors.groupingBy(StoryEvaluationSet.Labelled::story, Collectors.counting()));
        assertThat(perStory).containsEntry("port-expansion", 8L).containsEntry("port-expansion@new-lead", 2L);
        assertThat(perStory.entrySet().stream().filter(story -> story.getKey().contains("@")))
            .allSatisfy(round -> assertThat(round.getValue()).isEqualTo(2L));
        assertThat(set.stream().map(StoryEvaluationSet.Labelled::url).distinct()).hasSize(set.size());
    }

}
