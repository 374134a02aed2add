package io.newsflow.service.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * One access policy for every newsflow service, on the API and the management port alike,
 * enforced by Spring Security after its firewall has rejected malformed paths and on the
 * path as Spring routes it (decoded, without path parameters):
 * <ul>
 * <li>{@code health}, {@code info} and {@code prometheus} are open, for probes and
 * scrapers;</li>
 * <li>everything else on the management port, and every other actuator endpoint (dead
 * letters, rebuild), needs an operator key;</li>
 * <li>GET, HEAD and OPTIONS elsewhere are open: the read APIs and the API
 * description;</li>
 * <li>every other request, whatever its path, needs an API key: a state change is never
 * let through because of how its path is spelled.</li>
 * </ul>
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessKeys.class)
public class EdgeSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurityAutoConfiguration.class);

    private final SecurityProblems problems = new SecurityProblems();

    /**
     * Declared as a bean so that Spring Boot creates no user with a generated password.
     */
    @Bean
    ApiKeyAuthentication.Provider apiKeyAuthenticationProvider(AccessKeys keys) {
        if (keys.operatorKeys().isEmpty()) {
            log.warn("No operator key is set (NEWSFLOW_OPERATOR_KEYS): the operator endpoints refuse every request");
        }
        return new ApiKeyAuthentication.Provider(KeyRing.of(keys));
    }

    @Bean
    SecurityFilterChain newsflowSecurityFilterChain(HttpSecurity http, ApiKeyAuthentication.Provider provider)
            throws Exception {
        AuthenticationFilter apiKeys = new AuthenticationFilter(new ProviderManager(provider),
                new ApiKeyAuthentication.HeaderConverter());
        apiKeys.setSuccessHandler((request, response, authentication) -> {
        });
        apiKeys.setFailureHandler(this.problems);
        return http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            // the read APIs answer conditional requests with ETags; caching stays theirs
            // to decide
            .headers(headers -> headers.cacheControl(cache -> cache.disable()))
            .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(this.problems).accessDeniedHandler(this.problems))
            .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                .permitAll()
                .requestMatchers(ManagementRequests.any())
                .hasAuthority(Authorities.OPERATE)
                .requestMatchers(HttpMethod.GET)
                .permitAll()
                .requestMatchers(HttpMethod.HEAD)
                .permitAll()
                .requestMatchers(HttpMethod.OPTIONS)
                .permitAll()
                .anyRequest()
                .hasAuthority(Authorities.WRITE))
            .build();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return this.problems;
    }

}
