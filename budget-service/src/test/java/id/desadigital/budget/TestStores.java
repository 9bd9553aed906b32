package id.desadigital.budget;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import id.desadigital.platform.testing.MongoStandIn;
import id.desadigital.platform.testing.TestTokens;

/** Points the service at the MongoDB stand-in and makes it trust the keys TestTokens signs with. */
public class TestStores implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.mongodb.uri=" + MongoStandIn.uri(),
                "desa.security.public-key=" + TestTokens.publicKeyPem())
                .applyTo(context);
    }
}
