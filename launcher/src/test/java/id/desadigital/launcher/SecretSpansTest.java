package id.desadigital.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretSpansTest {

    @Test
    void aMarkedSecretIsRedactedForTheLogAndUnmarkedForTheTerminal() {
        String line = "NOTICE admin password (shown once): [secret]Xy7kPq2mN8[/secret]";

        assertThat(SecretSpans.redact(line))
            .isEqualTo("NOTICE admin password (shown once): " + SecretSpans.REDACTED)
            .doesNotContain("Xy7kPq2mN8");
        assertThat(SecretSpans.reveal(line)).isEqualTo("NOTICE admin password (shown once): Xy7kPq2mN8");
    }

    @Test
    void everySecretOfALineIsHandledAndTheTextAroundThemKept() {
        String line = "user [secret]one[/secret] and key [secret]two[/secret]!";

        assertThat(SecretSpans.redact(line)).doesNotContain("one", "two")
            .startsWith("user [secret redacted").endsWith("]!").contains(" and key ");
        assertThat(SecretSpans.reveal(line)).isEqualTo("user one and key two!");
    }

    @Test
    void aSecretWithoutItsEndMarkerHidesTheRestOfTheLine() {
        assertThat(SecretSpans.redact("NOTICE token: [secret]half-a-secr")).isEqualTo("NOTICE token: "
            + SecretSpans.REDACTED);
    }

    @Test
    void aLineWithoutSecretsIsLeftAlone() {
        String line = "2026-03-01 INFO Started GatewayApplication in 6.1 seconds [main]";

        assertThat(SecretSpans.redact(line)).isSameAs(line);
        assertThat(SecretSpans.reveal(line)).isSameAs(line);
    }
}
