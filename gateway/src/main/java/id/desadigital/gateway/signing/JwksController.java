package id.desadigital.gateway.signing;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;

import reactor.core.publisher.Mono;

/** Publishes the public keys, so the services (or anyone) can verify the gateway's tokens themselves. */
@RestController
class JwksController {

    private static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final SigningKeyStore keys;

    JwksController(SigningKeyStore keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> jwks() {
        return keys.publicKeys().collectList()
                .map(publicKeys -> ResponseEntity.ok()
                        .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new JWKSet(publicKeys).toString(true)));
    }
}
