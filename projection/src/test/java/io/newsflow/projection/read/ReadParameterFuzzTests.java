package io.newsflow.projection.read;

import java.time.Instant;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.projection.search.KoreanTokens;

import io.newsflow.service.web.InvalidFieldException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Coverage-guided fuzzing (Jazzer) of how the read APIs take their query parameters: the
 * query guard, instants, ranges, free text and the search tokens of a query. The only
 * rejection is {@link InvalidFieldException} (400); what passes is bounded; no input
 * takes super-linear time. {@code ./mvnw verify} replays the saved findings and fuzzes
 * for a short while.
 */
class ReadParameterFuzzTests {

    private static final long BUDGET_NANOS = 2_000_000_000L;

    private static final long BUDGET_NANOS_PER_CHARACTER = 200_000L;

    @FuzzTest(maxDuration = "15s")
    void queryParameters(FuzzedDataProvider data) {
        fuzz(data);
    }

    /**
     * The long run:
     * {@code ./mvnw -pl projection -am test -Dfuzz.test=ReadParameterFuzzTests#queryParametersForTwentyMinutes}.
     */
    @FuzzTest(maxDuration = "20m")
    void queryParametersForTwentyMinutes(FuzzedDataProvider data) {
        fuzz(data);
    }

    private static void fuzz(FuzzedDataProvider data) {
        String name = data.consumeString(50);
        String first = data.consumeString(500);
        String second = data.consumeRemainingAsString();
        long started = System.nanoTime();
        guard(name, first, second);
        try {
            Instant instant = QueryParameters.instant("from", first);
            if (instant != null
                    && (instant.isBefore(QueryParameters.EARLIEST) || instant.isAfter(QueryParameters.LATEST))) {
                throw new AssertionError("an instant no store compares: " + instant);
            }
        }
        catch (InvalidFieldException expected) {
            // 400
        }
        try {
            QueryParameters.range(first, second);
        }
        catch (InvalidFieldException expected) {
            // 400
        }
        try {
            String text = QueryParameters.text("q", second);
            if (text != null) {
                if (text.length() > QueryParameters.LONGEST_TEXT || !text.equals(text.strip())) {
                    throw new AssertionError("unbounded or untrimmed text: " + text.length());
                }
                KoreanTokens.of(text);
            }
        }
        catch (InvalidFieldException expected) {
            // 400
        }
        long elapsed = System.nanoTime() - started;
        long size = (long) name.length() + first.length() + second.length();
        if (elapsed > BUDGET_NANOS + BUDGET_NANOS_PER_CHARACTER * size) {
            throw new AssertionError("took " + elapsed / 1_000_000 + " ms for " + size + " characters");
        }
    }

    private static void guard(String name, String first, String second) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/articles");
        if (!name.isEmpty()) {
            request.addParameter(name, first);
            if (second.length() % 2 == 0) {
                request.addParameter(name, second);
            }
        }
        try {
            new QueryGuard().preHandle(request, new MockHttpServletResponse(), new Object());
        }
        catch (InvalidFieldException expected) {
            // 400
        }
    }

}
