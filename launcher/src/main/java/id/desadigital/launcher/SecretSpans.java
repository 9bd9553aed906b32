package id.desadigital.launcher;

/**
 * Secrets a child prints for the operator, such as the gateway's generated admin password, are wrapped in
 * {@value #START} and {@value #END} (the gateway's {@code Notices} prints them so). The launcher shows such a line on
 * its terminal with the markers removed ({@link #reveal}) and writes it to the child's log file with the secret
 * replaced ({@link #redact}), so no secret ends up under DATA_DIR. A start marker without an end hides the rest of
 * the line: a cut-off secret is still a secret.
 */
final class SecretSpans {

    static final String START = "[secret]";
    static final String END = "[/secret]";
    static final String REDACTED = "[secret redacted: shown once on the launcher's terminal]";

    private SecretSpans() {
    }

    /** The line for the log file: every secret replaced. */
    static String redact(String line) {
        return rewrite(line, true);
    }

    /** The line for the terminal: every secret shown as it is, without the markers. */
    static String reveal(String line) {
        return rewrite(line, false);
    }

    private static String rewrite(String line, boolean hide) {
        int start = line.indexOf(START);
        if (start < 0) {
            return line;
        }
        StringBuilder result = new StringBuilder(line.length());
        int from = 0;
        while (start >= 0) {
            result.append(line, from, start);
            int secretFrom = start + START.length();
            int end = line.indexOf(END, secretFrom);
            int secretTo = end < 0 ? line.length() : end;
            result.append(hide ? REDACTED : line.substring(secretFrom, secretTo));
            from = end < 0 ? line.length() : end + END.length();
            start = line.indexOf(START, from);
        }
        return result.append(line, from, line.length()).toString();
    }
}
