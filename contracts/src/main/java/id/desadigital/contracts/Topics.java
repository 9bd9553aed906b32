package id.desadigital.contracts;

/** Kafka topic names. Each topic's dead-letter twin carries the messages its consumers could not handle. */
public final class Topics {

    public static final String VILLAGE_EVENTS = "village-events";
    public static final String BUDGET_EVENTS = "budget-events";
    /** Compacted, keyed by username: the gateway's account changes that end tokens, read by every service. */
    public static final String ACCOUNT_EVENTS = "account-events";
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
