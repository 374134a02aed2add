package io.newsflow.ingest.security;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that may write to ingest ({@code NEWSFLOW_API_KEYS}, comma-separated). The service
 * refuses to start without one: an open write API is never a default.
 */
@Validated
@ConfigurationProperties("newsflow.security")
public record ApiKeyProperties(
        @NotEmpty(message = "set NEWSFLOW_API_KEYS (or newsflow.security.api-keys) to at least one key")
        List<String> apiKeys) {

    @Override
    public String toString() {
        return "ApiKeyProperties[" + (this.apiKeys == null ? 0 : this.apiKeys.size()) + " keys]";
    }
}
