package id.desadigital.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;

/**
 * Passwords go in, but never come out in plain text: not in the store's file, the broker's logs or any process's log
 * under DATA_DIR, whatever a user did with them (created, signed in, mistyped).
 */
@ExtendWith(StackExtension.class)
class NoPlaintextPasswordsIT {

    @Test
    void noPasswordIsStoredOrLoggedInPlainText(Fixture fixture, RunningStack stack) throws IOException {
        String gateway = stack.gateway();
        String password = "plaintext-canary-" + UUID.randomUUID();
        String username = "canary-" + UUID.randomUUID().toString().substring(0, 8);
        Api.ok("POST", gateway + "/api/auth/users", fixture.token(Who.ADMIN),
                Map.of("username", username, "password", password, "role", "AUDITOR"));
        Api.signIn(gateway, username, password);
        String mistyped = password + "-mistyped";
        assertThat(Api.send("POST", gateway + "/api/auth/token", null,
                Map.of("username", username, "password", mistyped)).status()).isEqualTo(401);

        List<String> secrets = List.of(password, mistyped, RunningStack.ADMIN_PASSWORD,
                Fixture.password(fixture.username(Who.FINANCE_OFFICER)));
        assertThat(filesHolding(stack.dataDir(), secrets)).as("files under DATA_DIR holding a password").isEmpty();
        // The search itself works: the username, stored in plain text as it should be, is found.
        assertThat(filesHolding(stack.dataDir(), List.of(username))).isNotEmpty();
    }

    private static List<String> filesHolding(Path root, List<String> secrets) throws IOException {
        List<byte[]> needles = secrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    // The broker's checkpoint temp files come and go while the stack runs.
                    continue;
                }
                for (int i = 0; i < needles.size(); i++) {
                    if (indexOf(content, needles.get(i)) >= 0) {
                        found.add(root.relativize(file) + " holds secret #" + i);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
