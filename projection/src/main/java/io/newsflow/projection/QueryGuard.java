package io.newsflow.projection;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps query-language syntax out of the read APIs: a parameter named like an operator
 * ({@code q[$ne]}, {@code outlet.$gt}) or a value shaped like one ({@code {"$gt": ""}},
 * {@code $where}) is answered 400 before any controller runs. Controllers only ever compare plain
 * strings, so nothing a client sends reaches MongoDB as an operator either way.
 */
public class QueryGuard implements HandlerInterceptor {

    private static final Pattern OPERATOR_NAME = Pattern.compile(".*[\\[\\]$.{}].*");

    private static final Pattern OPERATOR_VALUE = Pattern.compile("(?s)\\s*[{\\[].*|.*\\$[A-Za-z]+.*");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (OPERATOR_NAME.matcher(parameter.getKey()).matches()) {
                throw new InvalidParameterException(parameter.getKey(), "is not a parameter of this API");
            }
            for (String value : parameter.getValue()) {
                if (OPERATOR_VALUE.matcher(value).matches()) {
                    throw new InvalidParameterException(parameter.getKey(), "must be plain text, not a query operator");
                }
            }
            if (parameter.getValue().length > 1) {
                throw new InvalidParameterException(parameter.getKey(), "must be given once");
            }
        }
        return true;
    }
}
