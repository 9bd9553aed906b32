package id.desadigital.budget.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * The hash that chains ledger entries: SHA-256, in lower-case hex, of the entry's canonical text, which is compact
 * JSON with the fields in this order: {@code id, type, occurredAt, actor, chain, seq, programId, villageCode,
 * payload, prevHash}; {@code occurredAt} as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}, payload keys sorted, whole numbers
 * as digits. docs/audit.md shows an auditor doing it by hand. The first entry of a chain has {@link #GENESIS} as its
 * {@code prevHash}.
 */
public final class EntryHash {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryHash() {
    }

    public static String of(LedgerEntry entry) {
        return sha256(canonical(entry));
    }

    static String canonical(LedgerEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", entry.id());
        fields.put("type", entry.type());
        fields.put("occurredAt", INSTANT.format(entry.occurredAt()));
        fields.put("actor", entry.actor());
        fields.put("chain", entry.key());
        fields.put("seq", entry.sequence());
        fields.put("programId", entry.programId());
        fields.put("villageCode", entry.villageCode());
        fields.put("payload", sorted(entry.payload()));
        fields.put("prevHash", entry.prevHash());
        return JSON.writeValueAsString(fields);
    }

    /** Stored documents keep their keys' order but a reader should not have to: keys are sorted at every level. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, inner) -> sorted.put(key.toString(), sorted(inner)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EntryHash::sorted).toList();
        }
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            // Int32 and Int64 of the same amount must hash alike: the store may give back either.
            return number.longValue();
        }
        return value;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static Instant truncated(Instant instant) {
        // The store keeps milliseconds; an entry hashed with more would not match itself once read back.
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
