package io.newsflow.ingest.config;

import io.newsflow.ingest.publish.PublishDeadline;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The filters of ingest: the arrival time the publish deadline counts from, and the body
 * size limit in front of everything that reads a body. (Keys are checked by the shared
 * access policy of service-support.)
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            @Value("${newsflow.ingest.max-request-size:10MB}") DataSize limit) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeFilter(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** First of all: the publish deadline counts from the request's arrival. */
    @Bean
    FilterRegistrationBean<PublishDeadline> publishDeadline() {
        FilterRegistrationBean<PublishDeadline> registration = new FilterRegistrationBean<>(new PublishDeadline());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

}
