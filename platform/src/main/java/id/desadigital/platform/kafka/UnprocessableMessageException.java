package id.desadigital.platform.kafka;

/**
 * A message that can never be handled, however often it is retried: it breaks the event contract. Consumers throw
 * it (or a subclass) so that the message goes straight to its topic's dead-letter twin.
 */
public class UnprocessableMessageException extends RuntimeException {

    public UnprocessableMessageException(String message) {
        super(message);
    }

    public UnprocessableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
