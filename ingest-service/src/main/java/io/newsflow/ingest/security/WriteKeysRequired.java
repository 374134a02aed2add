package io.newsflow.ingest.security;

import io.newsflow.service.security.AccessKeys;

import org.springframework.stereotype.Component;

/**
 * Ingest refuses to start without an API key ({@code NEWSFLOW_API_KEYS}): an open write
 * API is never a default. The keys themselves are checked by the shared access policy of
 * service-support.
 */
@Component
class WriteKeysRequired {

    WriteKeysRequired(AccessKeys keys) {
        if (keys.apiKeys().isEmpty()) {
            throw new IllegalStateException(
                    "set NEWSFLOW_API_KEYS (or newsflow.security.api-keys) to at least one non-blank key");
        }
    }

}
