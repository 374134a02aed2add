package io.newsflow.service.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/** Installs {@link ProblemErrorReportValve} in the service's Tomcat. */
@AutoConfiguration
@ConditionalOnClass(TomcatServletWebServerFactory.class)
public class TomcatProblemsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return TomcatProblemsConfiguration::installValve;
    }

    static void installValve(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The same for the management port, which runs a Tomcat of its own. */
    @ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    public static class ManagementPort {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementProblemErrorReports() {
            return TomcatProblemsConfiguration::installValve;
        }

    }

}
