package io.newsflow.service.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys a newsflow service accepts in the {@code X-API-Key} header, by what they
 * allow.
 *
 * @param apiKeys {@code NEWSFLOW_API_KEYS}: writes to ingest's API (every method but GET,
 * HEAD and OPTIONS); a service without any answers every write 401/403
 * @param operatorKeys {@code NEWSFLOW_OPERATOR_KEYS}: the operator endpoints of the
 * management port (dead letters, rebuild); without any they answer 401/403 to everyone
 */
@ConfigurationProperties("newsflow.security")
public record AccessKeys(List<String> apiKeys, List<String> operatorKeys) {

    public AccessKeys {
        apiKeys = nonBlank(apiKeys);
        operatorKeys = nonBlank(operatorKeys);
    }

    private static List<String> nonBlank(List<String> keys) {
        return keys == null ? List.of() : keys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
    }

    /** Never the keys themselves: settings end up in logs and actuator output. */
    @Override
    public String toString() {
        return "AccessKeys[" + this.apiKeys.size() + " api keys, " + this.operatorKeys.size() + " operator keys]";
    }
}
