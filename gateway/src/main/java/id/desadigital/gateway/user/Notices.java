package id.desadigital.gateway.user;

import org.springframework.stereotype.Component;

/**
 * Messages for the operator, not the log: printed to stdout as lines starting with {@code NOTICE }, which the
 * launcher forwards to its own console. Secrets shown here are shown nowhere else.
 * <p>
 * A secret inside a notice is wrapped in {@value #SECRET_START} and {@value #SECRET_END}. This is an agreement with
 * the launcher (its {@code SecretSpans}): it shows the line on its terminal without the markers, and writes it to
 * {@code DATA_DIR/logs/gateway.log} with the secret replaced, so no password ends up in a file. Run without the
 * launcher (docker compose), the line appears as printed, markers included.
 */
@Component
class Notices {

    static final String PREFIX = "NOTICE ";
    static final String SECRET_START = "[secret]";
    static final String SECRET_END = "[/secret]";

    void announce(String message) {
        System.out.println(PREFIX + message);
        System.out.flush();
    }

    /** Prints {@code NOTICE <label>: [secret]<secret>[/secret]}. */
    void announceSecret(String label, String secret) {
        if (secret.contains(SECRET_END) || secret.contains("\n") || secret.contains("\r")) {
            // The launcher could not tell where it ends, and would write the rest to its log file.
            throw new IllegalArgumentException("A secret notice cannot contain line breaks or " + SECRET_END);
        }
        announce(label + ": " + SECRET_START + secret + SECRET_END);
    }
}
