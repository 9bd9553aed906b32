package id.desadigital.platform.observability;

/**
 * An outbox kept inside the documents of {@code collection}: a document carries {@code marker} (under a unique
 * sparse index) exactly while it holds changes not yet on Kafka. Each such bean gets an {@link OutboxBacklog} gauge.
 */
public record PendingOutbox(String collection, String marker) {
}
