package id.desadigital.contracts;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns envelopes into the JSON text that travels on a topic and back. Payload classes are looked up by the
 * envelope's {@code type}, so a consumer gets typed payloads and an unknown type is a clear error (which sends the
 * message to the dead-letter topic) rather than a silently half-read message.
 */
public final class EventCodec {

    private final ObjectMapper mapper;
    private final Map<String, Class<?>> payloadTypes;

    public EventCodec(Map<String, Class<?>> payloadTypes) {
        this(JsonMapper.builder().build(), payloadTypes);
    }

    public EventCodec(ObjectMapper mapper, Map<String, Class<?>> payloadTypes) {
        this.mapper = mapper;
        this.payloadTypes = Map.copyOf(payloadTypes);
    }

    public String encode(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public EventEnvelope<Object> decode(String json) {
        JsonNode tree = mapper.readTree(json);
        if (!(tree instanceof ObjectNode object)) {
            throw new MalformedEventException("event is not a JSON object");
        }
        String type = text(object, "type");
        Class<?> payloadType = payloadTypes.get(type);
        if (payloadType == null) {
            throw new MalformedEventException("unknown event type " + type);
        }
        JsonNode payload = object.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedEventException("event " + type + " has no payload object");
        }
        try {
            return new EventEnvelope<>(
                    text(object, "eventId"),
                    type,
                    mapper.treeToValue(object.get("occurredAt"), java.time.Instant.class),
                    text(object, "actor"),
                    text(object, "key"),
                    object.path("sequence").asLong(0),
                    mapper.treeToValue(payload, payloadType));
        } catch (IllegalArgumentException | NullPointerException | tools.jackson.core.JacksonException e) {
            throw new MalformedEventException("event " + type + " is malformed: " + e.getMessage());
        }
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isString()) {
            throw new MalformedEventException("event field '" + field + "' is missing or not a string");
        }
        return node.asString();
    }

    /** A message that does not follow the contract; it can never be handled, so it is not retried. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
