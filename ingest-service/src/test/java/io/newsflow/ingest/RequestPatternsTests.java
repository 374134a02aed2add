package io.newsflow.ingest;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.post.PostRequest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean validation runs every constraint of a field, its pattern even on a value far over
 * its size limit. Every pattern on a request field must therefore answer a megabyte of
 * hostile text with a violation, never with a stack overflow (a 500) or a long backtrack.
 * (The hostile-input scenario found the language tag's pattern recursing once per
 * subtag.)
 */
class RequestPatternsTests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static Stream<RecordComponent> patternedFields() {
        List<RecordComponent> fields = new ArrayList<>();
        for (Class<?> type : List.of(ArticleRequest.class, PostRequest.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Pattern.class)
                        || component.isAnnotationPresent(Pattern.class)) {
                    fields.add(component);
                }
            }
        }
        assertThat(fields).extracting(RecordComponent::getName).contains("language", "board");
        return fields.stream();
    }

    @ParameterizedTest
    @MethodSource("patternedFields")
    void aMegabyteOfRepeatedPartsIsAViolationNotACrash(RecordComponent field) {
        for (String unit : List.of("ab-cd", "a-", "-a", "ab", "a", "aa-bb-", "가")) {
            String hostile = unit.repeat(1_000_000 / unit.length());
            assertThat(VALIDATOR.validateValue(field.getDeclaringRecord(), field.getName(), hostile)).isNotEmpty();
        }
    }

}
