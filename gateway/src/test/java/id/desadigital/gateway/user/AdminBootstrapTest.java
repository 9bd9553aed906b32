package id.desadigital.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import id.desadigital.gateway.support.FreshDatabase;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    /** The secret is marked for the launcher, which shows it on its terminal and redacts it from its log file. */
    private static final Pattern NOTICE =
            Pattern.compile("(?m)^NOTICE admin password \\(shown once\\): \\[secret\\](\\S+)\\[/secret\\]$");

    private final ReactiveMongoTemplate mongo = FreshDatabase.create();
    private final PasswordHasher hasher = new PasswordHasher(new IdentityProperties(null, 4, 10));

    private AdminBootstrap instance(String adminPassword) {
        return new AdminBootstrap(new UserStore(mongo), hasher, new Notices(), Clock.systemUTC(),
                new IdentityProperties(adminPassword, 4, 10));
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndShownOnceEvenWhenInstancesStartTogether(CapturedOutput output) {
        StepVerifier.create(Mono.when(instance("").ensureAdmin(), instance(null).ensureAdmin())).verifyComplete();
        StepVerifier.create(instance("").ensureAdmin()).verifyComplete();

        List<String> shown = NOTICE.matcher(output.getOut()).results().map(match -> match.group(1)).toList();
        assertThat(shown).hasSize(1);
        String password = shown.get(0);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        UserAccount admin = mongo.findById("admin", UserAccount.class).block();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        StepVerifier.create(hasher.matches(password, admin.passwordHash())).expectNext(true).verifyComplete();
        assertThat(output.getAll().replace(matcherLine(output), "")).doesNotContain(password);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
        StepVerifier.create(instance("configured-admin-pw").ensureAdmin()).verifyComplete();

        UserAccount admin = mongo.findById("admin", UserAccount.class).block();
        StepVerifier.create(hasher.matches("configured-admin-pw", admin.passwordHash()))
                .expectNext(true).verifyComplete();
        assertThat(output.getAll()).doesNotContain("NOTICE", "configured-admin-pw");
    }

    @Test
    void anExistingAdminIsLeftAsItIs() {
        StepVerifier.create(instance("first-password-1").ensureAdmin()).verifyComplete();
        String firstHash = mongo.findById("admin", UserAccount.class).block().passwordHash();

        StepVerifier.create(instance("second-password-2").ensureAdmin()).verifyComplete();

        assertThat(mongo.findById("admin", UserAccount.class).block().passwordHash()).isEqualTo(firstHash);
    }

    private static String matcherLine(CapturedOutput output) {
        Matcher matcher = NOTICE.matcher(output.getAll());
        return matcher.find() ? matcher.group() : "";
    }
}
