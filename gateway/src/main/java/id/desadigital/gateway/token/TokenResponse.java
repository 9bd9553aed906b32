package id.desadigital.gateway.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth 2.0 shaped answer to a sign-in (RFC 6749 section 5.1). */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static TokenResponse bearer(String token, long expiresInSeconds) {
        return new TokenResponse(token, "Bearer", expiresInSeconds);
    }
}
