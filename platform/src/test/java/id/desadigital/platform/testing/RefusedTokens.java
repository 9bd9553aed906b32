package id.desadigital.platform.testing;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

/**
 * Every kind of token a service must answer with 401, for a parameterised test:
 * {@code @MethodSource("id.desadigital.platform.testing.RefusedTokens#all")}. A null token stands for a request
 * without an Authorization header.
 *
 * <p>The tampered ones are variants of {@link #REMEMBERED}, a valid token a test sends first: services remember
 * verified tokens ({@code VerifiedTokens}), and a forged variant of a remembered token must still be refused.
 */
public final class RefusedTokens {

    /** A valid finance officer's token; send it (and see it accepted) before the variants. */
    public static final String REMEMBERED = TestTokens.financeOfficer();

    private RefusedTokens() {
    }

    public static Stream<Named<String>> all() {
        return Stream.of(
                Named.of("no token", null),
                Named.of("not a JWT", "not-a-token"),
                Named.of("altered signature", TestTokens.withSignatureChanged(REMEMBERED)),
                Named.of("alg none", TestTokens.unsigned("finance", "FINANCE_OFFICER")),
                Named.of("role changed to ADMIN, old signature",
                        TestTokens.withClaimsChanged(REMEMBERED, Map.of("role", "ADMIN"))),
                Named.of("user changed, old signature",
                        TestTokens.withClaimsChanged(REMEMBERED, Map.of("sub", "someone-else"))),
                Named.of("expired", TestTokens.expired("finance", "FINANCE_OFFICER")),
                Named.of("no expiry", TestTokens.withoutExpiry("finance", "FINANCE_OFFICER")),
                Named.of("another issuer", TestTokens.fromIssuer("https://accounts.example.org", "finance",
                        "FINANCE_OFFICER")),
                Named.of("another audience", TestTokens.forAudience("another-app", "finance", "FINANCE_OFFICER")),
                Named.of("no audience", TestTokens.forAudience(null, "finance", "FINANCE_OFFICER")),
                Named.of("a key the service does not trust", TestTokens.forged("finance", "FINANCE_OFFICER")),
                Named.of("a role this system does not have", TestTokens.token("finance", "SUPERUSER", null)),
                Named.of("a village head without a village", TestTokens.token("kades", "VILLAGE_HEAD", null)));
    }
}
