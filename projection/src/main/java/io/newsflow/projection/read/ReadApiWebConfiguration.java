package io.newsflow.projection.read;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web side of every read API: problem details for what its controllers throw and the
 * guard that refuses operator-like parameters before a controller runs. Imported by the
 * projection's auto-configuration, and by a controller's slice test as it is.
 */
@Configuration(proxyBeanMethods = false)
public class ReadApiWebConfiguration {

    @Bean
    ReadApiProblemDetails readApiProblemDetails() {
        return new ReadApiProblemDetails();
    }

    @Bean
    WebMvcConfigurer queryGuardConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new QueryGuard()).addPathPatterns("/api/**");
            }
        };
    }

}
