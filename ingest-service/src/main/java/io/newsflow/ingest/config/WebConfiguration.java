package io.newsflow.ingest.config;

import io.newsflow.ingest.publish.PublishDeadline;
import io.newsflow.service.edge.EdgeAutoConfiguration;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filter of ingest: the time the publish deadline counts from, taken once the request
 * body is in (after the shared edge of service-support has read it, which bounds the time
 * a body may take to arrive on its own). Keys, body limits and the in-flight budget are
 * service-support's.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<PublishDeadline> publishDeadline() {
        FilterRegistrationBean<PublishDeadline> registration = new FilterRegistrationBean<>(new PublishDeadline());
        registration.setOrder(EdgeAutoConfiguration.ORDER + 1);
        registration.setAsyncSupported(true);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

}
