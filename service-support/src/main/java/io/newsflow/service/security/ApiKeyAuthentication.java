package io.newsflow.service.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Authentication by the {@code X-API-Key} header: the converter reads the header, the
 * provider checks the key against the {@link KeyRing} and grants the authority the key
 * carries. The key is never the principal and is erased once checked, so it reaches no
 * log and no error message.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    public static final String HEADER = "X-API-Key";

    private static final String PRINCIPAL = "api-key";

    private String key;

    private ApiKeyAuthentication(String key, List<SimpleGrantedAuthority> authorities) {
        super(authorities);
        this.key = key;
        setAuthenticated(!authorities.isEmpty());
    }

    static ApiKeyAuthentication unchecked(String key) {
        return new ApiKeyAuthentication(key, List.of());
    }

    static ApiKeyAuthentication granting(String authority) {
        return new ApiKeyAuthentication(null, List.of(new SimpleGrantedAuthority(authority)));
    }

    @Override
    public Object getCredentials() {
        return this.key;
    }

    @Override
    public Object getPrincipal() {
        return PRINCIPAL;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        this.key = null;
    }

    /** Reads the header; a request without one (or with a blank one) is anonymous. */
    static final class HeaderConverter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            String key = request.getHeader(HEADER);
            return key == null || key.isBlank() ? null : unchecked(key);
        }

    }

    /** Checks a key in constant time against every configured key. */
    static final class Provider implements AuthenticationProvider {

        private final KeyRing keys;

        Provider(KeyRing keys) {
            this.keys = keys;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String key = (String) authentication.getCredentials();
            return this.keys.authorityOf(key)
                .map(ApiKeyAuthentication::granting)
                .orElseThrow(() -> new BadCredentialsException("not one of this service's keys"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiKeyAuthentication.class.isAssignableFrom(authentication);
        }

    }

}
