package id.desadigital.platform.security;

import java.util.Arrays;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses (401) a token that does not say who the caller is to this system: a {@code role} naming one of the
 * {@link Role}s and, for a village head, the village they are scoped to. Without this, a correctly signed token of
 * another shape (an external OIDC issuer's, say) would pass the signature check and then fail inside a handler
 * reading {@link Caller}, a 5xx for what is a bad token.
 */
final class CallerClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object role = jwt.getClaims().get(Caller.ROLE_CLAIM);
        if (!(role instanceof String name) || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(name))) {
            return invalid("The token's role claim names no role of this system");
        }
        Object village = jwt.getClaims().get(Caller.VILLAGE_CLAIM);
        if (Role.valueOf(name) == Role.VILLAGE_HEAD && !(village instanceof String code && !code.isBlank())) {
            return invalid("A village head's token must name their village");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return invalid("The token names no user");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
