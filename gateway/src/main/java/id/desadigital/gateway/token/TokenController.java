package id.desadigital.gateway.token;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class TokenController {

    private final SignIn signIn;

    TokenController(SignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> token(@RequestBody Credentials credentials) {
        // RFC 6749 5.1: a token response must not be stored by caches along the way.
        return signIn.signIn(credentials)
                .map(token -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token));
    }
}
