package id.desadigital.gateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import id.desadigital.gateway.support.FreshDatabase;
import id.desadigital.gateway.support.GatewayTestBase;
import reactor.core.publisher.Mono;

class SigningKeyStoreTest extends GatewayTestBase {

    @Autowired
    ReactiveMongoTemplate gatewayDatabase;

    @Test
    void aTokenStaysValidForAGatewayThatStartsAfresh() throws Exception {
        SignedJWT token = SignedJWT.parse(adminToken());

        // A restarted (or second) gateway: a new store over the same database, nothing cached.
        SigningKeyStore restarted = new SigningKeyStore(gatewayDatabase, Clock.systemUTC());
        RSAKey key = (RSAKey) restarted.publicKeys().blockFirst();

        assertThat(key.getKeyID()).isEqualTo(token.getHeader().getKeyID());
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseAgreeOnOneKey() {
        ReactiveMongoTemplate empty = FreshDatabase.create();
        SigningKeyStore first = new SigningKeyStore(empty, Clock.systemUTC());
        SigningKeyStore second = new SigningKeyStore(empty, Clock.systemUTC());

        var keys = Mono.zip(first.signingKey(), second.signingKey()).block();

        assertThat(keys.getT1().getKeyID()).isEqualTo(keys.getT2().getKeyID());
        assertThat(keys.getT1().isPrivate()).isTrue();
        assertThat(empty.count(new org.springframework.data.mongodb.core.query.Query(), StoredSigningKey.class)
                .block()).isEqualTo(1);
    }
}
