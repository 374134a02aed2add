package io.newsflow.service.edge;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The edge every newsflow service shares: {@link RequestBodies} right after Spring
 * Security (so a request without its key is refused before its body is read, and costs
 * neither budget nor a thread), and {@link UnreadBodyValve} in the API's and the
 * management port's Tomcat.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeAutoConfiguration {

    /** Right after Spring Security's filter chain (order -100). */
    public static final int ORDER = -90;

    @Bean
    InFlightBudget requestBodyBudget(EdgeProperties properties) {
        return new InFlightBudget(properties.inFlightBudget());
    }

    @Bean
    FilterRegistrationBean<RequestBodies> requestBodies(EdgeProperties properties, InFlightBudget requestBodyBudget,
            MeterRegistry registry) {
        FilterRegistrationBean<RequestBodies> registration = new FilterRegistrationBean<>(
                new RequestBodies(properties, requestBodyBudget, new EdgeMetrics(registry, requestBodyBudget)));
        registration.setOrder(ORDER);
        registration.setAsyncSupported(true);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodyValve() {
        return EdgeAutoConfiguration::installValve;
    }

    static void installValve(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new UnreadBodyValve());
    }

    /** The valve on the management port, which runs a Tomcat of its own. */
    @ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    public static class ManagementPort {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementUnreadBodyValve() {
            return EdgeAutoConfiguration::installValve;
        }

    }

}
