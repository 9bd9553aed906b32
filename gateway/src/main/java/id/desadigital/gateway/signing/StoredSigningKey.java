package id.desadigital.gateway.signing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The token-signing key as kept in Mongo, so every gateway instance and every restart signs with the same key and
 * tokens stay valid. {@code jwk} holds the private key (JWK JSON): access to this collection is access to signing.
 */
@Document("signing_keys")
record StoredSigningKey(@Id String id, String kid, String jwk, Instant createdAt) {
}
