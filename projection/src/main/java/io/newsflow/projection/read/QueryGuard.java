package io.newsflow.projection.read;

import java.util.Map;

import io.newsflow.service.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps query-language syntax out of the read APIs: a parameter named like an operator
 * ({@code q[$ne]}, {@code outlet.$gt}) or a value shaped like one ({@code {"$gt": ""}},
 * {@code $where}) is answered 400 before any controller runs. Controllers only ever
 * compare plain strings, so nothing a client sends reaches MongoDB as an operator either
 * way. Names and values are checked by one scan each.
 */
public class QueryGuard implements HandlerInterceptor {

    private static final String OPERATOR_NAME_CHARACTERS = "[]$.{}";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (isOperatorName(parameter.getKey())) {
                throw new InvalidFieldException(parameter.getKey(), "is not a parameter of this API");
            }
            for (String value : parameter.getValue()) {
                if (isOperatorValue(value)) {
                    throw new InvalidFieldException(parameter.getKey(), "must be plain text, not a query operator");
                }
            }
            if (parameter.getValue().length > 1) {
                throw new InvalidFieldException(parameter.getKey(), "must be given once");
            }
        }
        return true;
    }

    static boolean isOperatorName(String name) {
        return name.chars().anyMatch(c -> OPERATOR_NAME_CHARACTERS.indexOf(c) >= 0);
    }

    /**
     * A JSON object or array ({@code {…}}, {@code […]}), or text holding {@code $}
     * followed by a letter.
     */
    static boolean isOperatorValue(String value) {
        String trimmed = value.stripLeading();
        if (!trimmed.isEmpty() && (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[')) {
            return true;
        }
        for (int i = value.indexOf('$'); i >= 0 && i < value.length() - 1; i = value.indexOf('$', i + 1)) {
            char next = value.charAt(i + 1);
            if (next >= 'A' && next <= 'Z' || next >= 'a' && next <= 'z') {
                return true;
            }
        }
        return false;
    }

}
