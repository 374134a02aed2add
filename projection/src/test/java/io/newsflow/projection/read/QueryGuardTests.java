package io.newsflow.projection.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryGuardTests {

    @ParameterizedTest
    @ValueSource(strings = { "{\"$gt\": \"\"}", "  [1, 2]", "$where", "a $ne b", "x$regex", "\t{}" })
    void operatorShapedValuesAreRefused(String value) {
        assertThat(QueryGuard.isOperatorValue(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "카자흐스탄", "가격 $5", "$", "a$", "100$ 할인", "중괄호 {가} 안" })
    void plainTextPasses(String value) {
        assertThat(QueryGuard.isOperatorValue(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "q[$ne]", "outlet.$gt", "q{", "$where" })
    void operatorShapedNamesAreRefused(String name) {
        assertThat(QueryGuard.isOperatorName(name)).isTrue();
    }

}
