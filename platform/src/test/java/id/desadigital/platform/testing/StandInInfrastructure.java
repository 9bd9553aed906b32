package id.desadigital.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What a service under test is given in place of the real store and identity provider. */
public final class StandInInfrastructure {

    private StandInInfrastructure() {
    }

    /** The MongoDB stand-in, and trust in {@link TestTokens}'s issuer, audience and key. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MongoStandIn::uri);
        registry.add("desa.security.public-key", TestTokens::publicKeyPem);
        registry.add("desa.security.issuer", () -> TestTokens.ISSUER);
        registry.add("desa.security.audience", () -> TestTokens.AUDIENCE);
    }
}
