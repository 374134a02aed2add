package io.newsflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends batches to ingest-service as a crawler would, with the run's API key. */
final class IngestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;

    private final String baseUrl;

    IngestClient(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * Sends items {@code from}..{@code to} of one kind in one batch request, again for
     * the items Kafka did not acknowledge in time, until all are accepted.
     * @return the ids ingest gave the items, in order
     */
    List<String> sendAll(boolean articles, long from, long to) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        long next = from;
        int attempts = 0;
        while (next < to) {
            Answer answer = send(articles, Workload.batch(articles, next, to));
            ids.addAll(answer.acceptedIds());
            next += answer.acceptedIds().size();
            if (next < to) {
                if (++attempts > 20) {
                    throw new IllegalStateException("ingest kept failing items " + next + ".." + to);
                }
                Thread.sleep(answer.retryAfter().toMillis());
            }
        }
        return ids;
    }

    /**
     * One batch request. Items after the first one that was not accepted are counted as
     * not accepted, so a retry resends a contiguous range.
     */
    Answer send(boolean articles, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http.send(HttpRequest
            .newBuilder(URI.create(this.baseUrl + (articles ? "/api/v1/articles/batch" : "/api/v1/posts/batch")))
            .header("Content-Type", "application/json")
            .header("X-API-Key", StackUnderTest.API_KEY)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            return new Answer(List.of(), Duration.ofSeconds(1));
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : JSON.readTree(response.body()).get("items")) {
            String status = item.get("status").asString();
            if (status.equals("rejected")) {
                throw new IllegalStateException("ingest rejected a generated item: " + item);
            }
            if (!status.equals("accepted")) {
                break;
            }
            ids.add(item.get("id").asString());
        }
        return new Answer(ids, Duration.ofMillis(200));
    }

    /**
     * The accepted prefix of a batch, and how long to wait before sending the rest again.
     */
    record Answer(List<String> acceptedIds, Duration retryAfter) {
    }

}
