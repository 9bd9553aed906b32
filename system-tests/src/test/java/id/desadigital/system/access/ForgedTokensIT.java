package id.desadigital.system.access;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static id.desadigital.system.support.Fixture.VILLAGE_C;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;

/**
 * Forged tokens, at the gateway and straight at each service: every one is refused with 401 and changes nothing. The
 * forgeries start from a real token of a village head and claim a stronger role, or from a real token of the role the
 * write needs and break one rule (expiry, issuer, audience). Those signed "with the real key" read the gateway's key
 * from the store, as an attacker who had stolen it could not do with the others: they prove that each rule is checked
 * on its own, not only the signature.
 */
@ExtendWith(StackExtension.class)
class ForgedTokensIT {

    /** A write that the role in the token's claims would be allowed to make. */
    enum Target {
        GATEWAY(Who.FINANCE_OFFICER, "POST", "/api/budget/programs"),
        BUDGET_SERVICE(Who.FINANCE_OFFICER, "POST", "/api/budget/programs"),
        VILLAGE_SERVICE(Who.ADMIN, "PUT", "/api/villages/" + VILLAGE_C + "/head");

        final Who entitled;
        final String method;
        final String path;

        Target(Who entitled, String method, String path) {
            this.entitled = entitled;
            this.method = method;
            this.path = path;
        }

        String base(RunningStack stack) {
            return switch (this) {
                case GATEWAY -> stack.gateway();
                case BUDGET_SERVICE -> stack.budgetService();
                case VILLAGE_SERVICE -> stack.villageService();
            };
        }

        Object body() {
            return this == VILLAGE_SERVICE
                    ? Map.of("name", "Kepala " + UUID.randomUUID(), "since", FISCAL_YEAR + "-01-02")
                    : Map.of("fiscalYear", FISCAL_YEAR, "name", "Program " + UUID.randomUUID(), "ceiling", 1_000,
                            "fundingSource", "DLL", "activityCode", "1.4.08");
        }
    }

    enum Forgery {
        NO_TOKEN, NOT_A_JWT, SIGNATURE_ALTERED, ALG_NONE, ROLE_RAISED_KEEPING_SIGNATURE, SIGNED_BY_ANOTHER_KEY,
        HMAC_WITH_THE_PUBLIC_KEY, EXPIRED, ANOTHER_ISSUER, ANOTHER_AUDIENCE, NO_EXPIRY
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(Target.values()).flatMap(target -> Stream.of(Forgery.values())
                .map(forgery -> Arguments.of(target, forgery)));
    }

    @ParameterizedTest(name = "{1} at the {0}")
    @MethodSource("forgeries")
    void forgedTokensAreRefused(Target target, Forgery forgery, Fixture fixture, RunningStack stack) throws Exception {
        String token = forge(forgery, target, fixture, stack);
        String before = state(fixture);

        Api.Answer answer = Api.send(target.method, target.base(stack) + target.path, token, target.body());

        assertThat(answer.status()).as("%s at %s: %s", forgery, target, answer).isEqualTo(401);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(state(fixture)).as("nothing changed").isEqualTo(before);
    }

    @ParameterizedTest(name = "a real token at the {0}")
    @MethodSource("targets")
    void theRealTokenPasses(Target target, Fixture fixture, RunningStack stack) {
        Api.Answer answer = Api.send(target.method, target.base(stack) + target.path, fixture.token(target.entitled),
                target.body());

        assertThat(answer.status()).as("%s", answer).isIn(200, 201);
    }

    static Stream<Target> targets() {
        return Stream.of(Target.values());
    }

    private static String forge(Forgery forgery, Target target, Fixture fixture, RunningStack stack) throws Exception {
        String head = fixture.token(Who.HEAD_OWN);
        String entitled = fixture.token(target.entitled);
        String raisedRole = target.entitled.role();
        return switch (forgery) {
            case NO_TOKEN -> null;
            case NOT_A_JWT -> "not-a-token";
            case SIGNATURE_ALTERED -> alterSignature(entitled);
            case ALG_NONE -> new PlainJWT(claims(head, c -> c.claim("role", raisedRole).claim("villageCode", null)))
                    .serialize();
            case ROLE_RAISED_KEEPING_SIGNATURE -> withClaims(head, claims(head, c -> c.claim("role", raisedRole)));
            case SIGNED_BY_ANOTHER_KEY -> sign(claims(head, c -> c.claim("role", raisedRole)),
                    new RSAKeyGenerator(2048).keyID(SignedJWT.parse(head).getHeader().getKeyID()).generate());
            case HMAC_WITH_THE_PUBLIC_KEY -> hmacWithPublicKey(claims(head, c -> c.claim("role", raisedRole)),
                    realKey(stack, head));
            case EXPIRED -> sign(claims(entitled, c -> c.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(3600)))), realKey(stack, entitled));
            case ANOTHER_ISSUER -> sign(claims(entitled, c -> c.issuer("https://issuer.example")),
                    realKey(stack, entitled));
            case ANOTHER_AUDIENCE -> sign(claims(entitled, c -> c.audience("another-api")), realKey(stack, entitled));
            case NO_EXPIRY -> sign(claims(entitled, c -> c.expirationTime(null)), realKey(stack, entitled));
        };
    }

    private static JWTClaimsSet claims(String token, UnaryOperator<JWTClaimsSet.Builder> change) throws ParseException {
        return change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())).build();
    }

    /** The token's header and signature around other claims. */
    private static String withClaims(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String payload = com.nimbusds.jose.util.Base64URL.encode(claims.toString()).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String alterSignature(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The old algorithm confusion: HS256 with the (public) RSA key as the shared secret. */
    private static String hmacWithPublicKey(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    /** The gateway's signing key, read from its collection in the store (what a stolen key would be). */
    private static RSAKey realKey(RunningStack stack, String token) throws ParseException {
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            Document stored = client.getDatabase("gateway").getCollection("signing_keys")
                    .find(new Document("kid", kid)).first();
            if (stored == null) {
                throw new AssertionError("no signing key " + kid + " in the gateway's store");
            }
            return RSAKey.parse(stored.getString("jwk"));
        }
    }

    /** What the forged writes would have changed. */
    private static String state(Fixture fixture) {
        String gateway = fixture.gateway();
        return String.join("\n", List.of(
                Api.ok("GET", gateway + "/api/budget/programs?size=500&fiscalYear=" + FISCAL_YEAR,
                        fixture.token(Who.FINANCE_OFFICER), null).path("total").toString(),
                Api.ok("GET", gateway + "/api/villages/" + VILLAGE_C + "/history", fixture.token(Who.ADMIN), null)
                        .toString()));
    }
}
