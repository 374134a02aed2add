package io.newsflow.testsupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Requests and checks the read APIs' controller tests share. */
public final class ReadApiRequests {

    private ReadApiRequests() {
    }

    /**
     * A GET of {@code path} with the parameters of {@code query} ({@code a=1&b=2}), each
     * value as given: no decoding, so a test can send what a client would type.
     */
    public static MockHttpServletRequestBuilder get(String path, String query) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        for (String parameter : query.split("&")) {
            String[] nameAndValue = parameter.split("=", 2);
            request.param(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        return request;
    }

    /**
     * A 400 problem (RFC 9457) that names the invalid field and says what is wrong with
     * it, as every service renders one.
     */
    public static ResultMatcher isInvalidFieldProblem() {
        return result -> {
            status().isBadRequest().match(result);
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
            jsonPath("$.errors[0].field").isNotEmpty().match(result);
            jsonPath("$.errors[0].message").isNotEmpty().match(result);
        };
    }

    /**
     * Checks that {@code path} answers 200 with an ETag and that {@code If-None-Match}
     * with it answers 304 with the same ETag and no body.
     * @return the ETag
     */
    public static String assertConditionalGetAnswers304(MockMvc mvc, String path) throws Exception {
        String etag = mvc.perform(MockMvcRequestBuilders.get(path))
            .andExpect(status().isOk())
            .andExpect(header().exists("ETag"))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
        mvc.perform(MockMvcRequestBuilders.get(path).header("If-None-Match", etag))
            .andExpect(status().isNotModified())
            .andExpect(header().string("ETag", etag))
            .andExpect(content().string(""));
        return etag;
    }

}
