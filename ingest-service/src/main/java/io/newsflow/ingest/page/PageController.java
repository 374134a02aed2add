package io.newsflow.ingest.page;

import java.time.Clock;
import java.time.Instant;

import io.newsflow.ingest.api.ApiExamples;
import io.newsflow.ingest.normalize.Dates;
import io.newsflow.ingest.page.PageIntake.PageRequest;
import io.newsflow.service.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pages")
class PageController {

    /** As long as a date field of an article or post may be. */
    private static final int LONGEST_DATE = 64;

    private final PageIntake intake;

    private final Clock clock;

    PageController(PageIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * A whole scraped board page as {@code text/plain} or {@code text/html} (UTF-8 unless
     * the content type names another charset), or an RSS or Atom feed
     * ({@code application/rss+xml}, {@code application/atom+xml}). 202 once Kafka
     * acknowledged every extracted event. {@code number} is the list number of the post
     * the page shows, when the crawler knows it (an HTML listing's marked row tells it
     * too): that post is published with the page's article as its body, and the two are
     * linked (a repost), so the article's story lists the post.
     */
    @Operation(summary = "Ingest a whole scraped board page",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = "text/plain", examples = @ExampleObject(value = ApiExamples.PAGE))),
            responses = {
                    @ApiResponse(responseCode = "202",
                            content = @Content(examples = @ExampleObject(value = ApiExamples.PAGE_RESULT))),
                    @ApiResponse(responseCode = "400",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = ApiExamples.PROBLEM))) })
    @PostMapping(
            consumes = { MediaType.TEXT_PLAIN_VALUE, MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_RSS_XML_VALUE,
                    MediaType.APPLICATION_ATOM_XML_VALUE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
    @ResponseStatus(HttpStatus.ACCEPTED)
    PageResult ingest(@RequestParam String board, @RequestParam(required = false) String url,
            @RequestParam(required = false) String crawledAt, @RequestParam(required = false) String title,
            @RequestParam(required = false) Long number, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestBody byte[] body) {
        Instant now = this.clock.instant();
        if (crawledAt != null && crawledAt.length() > LONGEST_DATE) {
            throw new InvalidFieldException("crawledAt", "must be at most " + LONGEST_DATE + " characters");
        }
        Instant crawled = crawledAt == null || crawledAt.isBlank() ? now : Dates.parse("crawledAt", crawledAt, now);
        return this.intake.accept(new PageRequest(board, url, crawled, title, number), body, contentType);
    }

}
