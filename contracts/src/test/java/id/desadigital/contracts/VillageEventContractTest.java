package id.desadigital.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageHeadAssigned;
import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.contracts.village.VillageUpdated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the village-events contract: each type's sample message (what a consumer in another service was written
 * against) must be exactly what the code produces, must read back to the same event, and must satisfy the type's
 * published JSON schema. Changing a payload record without its schema and sample fails here, not in production.
 */
class VillageEventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCodec CODEC = VillageEvents.codec();

    static Map<String, EventEnvelope<?>> samples() {
        return Map.of(
                VillageEvents.VILLAGE_REGISTERED, new EventEnvelope<>("7d1c2f0e-3f7a-4c39-9a51-2f8c6a0d5b11",
                        "VillageRegistered", Instant.parse("2026-01-05T03:00:00Z"), "admin", "33.03.01.2001", 1,
                        new VillageRegistered("33.03.01.2001", "Kedungbenda", "DESA", "33.03.01", "Kemangkon",
                                "33.03", "Kabupaten Purbalingga", "33", "Jawa Tengah", "ACTIVE")),
                VillageEvents.VILLAGE_UPDATED, new EventEnvelope<>("0b6f8f3e-2c55-4b8e-8c2e-5d7e1f9a4c22",
                        "VillageUpdated", Instant.parse("2026-02-10T08:30:00Z"), "admin", "12.07.28.1007", 2,
                        new VillageUpdated("12.07.28.1007", "Lubuk Pakam I,II", "KELURAHAN", "12.07.28",
                                "Lubuk Pakam", "12.07", "Kabupaten Deli Serdang", "12", "Sumatera Utara", "ACTIVE")),
                VillageEvents.VILLAGE_HEAD_ASSIGNED, new EventEnvelope<>("a3e5c1d2-9b7f-4e6a-8d3c-1f2e4a5b6c33",
                        "VillageHeadAssigned", Instant.parse("2026-03-01T02:15:00Z"), "admin", "33.03.01.2001", 3,
                        new VillageHeadAssigned("33.03.01.2001", "Siti Rahayu", LocalDate.parse("2026-03-01"))),
                VillageEvents.VILLAGE_STATUS_CHANGED, new EventEnvelope<>("c9d8e7f6-5a4b-4c3d-9e2f-1a0b9c8d7e44",
                        "VillageStatusChanged", Instant.parse("2026-04-20T07:45:00Z"), "admin", "33.03.01.2001", 4,
                        new VillageStatusChanged("33.03.01.2001", "INACTIVE", "merged into Bokol by Perda 3/2026")));
    }

    static Set<String> types() {
        return VillageEvents.PAYLOAD_TYPES.keySet();
    }

    @ParameterizedTest
    @MethodSource("types")
    void codeWritesExactlyThePublishedSample(String type) {
        JsonNode written = JSON.readTree(CODEC.encode(samples().get(type)));

        assertThat(written).isEqualTo(sample(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void publishedSampleReadsBackToTheSameEvent(String type) {
        assertThat(CODEC.decode(sample(type).toString())).isEqualTo(samples().get(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleSatisfiesEnvelopeAndPayloadSchemas(String type) {
        JsonNode sample = sample(type);

        assertThat(SchemaCheck.violations(schema("envelope.schema.json"), sample)).isEmpty();
        assertThat(SchemaCheck.violations(schema("village-events/" + type + ".schema.json"), sample.get("payload")))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaNamesEveryFieldOfThePayloadRecordAndNoOther(String type) {
        Set<String> recordFields = Arrays.stream(VillageEvents.PAYLOAD_TYPES.get(type).getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        JsonNode schema = schema("village-events/" + type + ".schema.json");

        assertThat(new TreeSet<>(schema.get("properties").propertyNames())).isEqualTo(recordFields);
    }

    @Test
    void schemaCheckRejectsAPayloadThatBreaksTheContract() {
        JsonNode broken = JSON.readTree("""
                {"code":"33.3.1.2001","name":"Kedungbenda","since":20260301}""");

        assertThat(SchemaCheck.violations(schema("village-events/VillageHeadAssigned.schema.json"), broken))
                .contains("code: does not match pattern", "since: expected string");
    }

    @Test
    void unknownTypeIsAMalformedEventNotAGuess() {
        String unknown = sample(VillageEvents.VILLAGE_REGISTERED).toString()
                .replace("\"VillageRegistered\"", "\"VillageRenamed\"");

        assertThatThrownBy(() -> CODEC.decode(unknown))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("VillageRenamed");
    }

    private static JsonNode sample(String type) {
        return read("samples/village-events/" + type + ".json");
    }

    private static JsonNode schema(String name) {
        return read("schemas/" + name);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = VillageEventContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
