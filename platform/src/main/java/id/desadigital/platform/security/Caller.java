package id.desadigital.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user behind a request, as the gateway's token says: username (the {@code sub} claim), role, and
 * for a village head the village they are scoped to.
 */
public record Caller(String username, Role role, String villageCode) {

    public static final String ROLE_CLAIM = "role";
    public static final String VILLAGE_CLAIM = "villageCode";

    public static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), Role.valueOf(jwt.getClaimAsString(ROLE_CLAIM)),
                jwt.getClaimAsString(VILLAGE_CLAIM));
    }
}
