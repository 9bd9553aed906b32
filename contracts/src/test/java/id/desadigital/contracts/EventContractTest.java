package id.desadigital.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import id.desadigital.contracts.account.AccountEvents;
import id.desadigital.contracts.account.AccountStateChanged;
import id.desadigital.contracts.budget.AllocationAdjusted;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.CeilingRevised;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.contracts.budget.ProgramClosed;
import id.desadigital.contracts.budget.ProgramCreated;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.contracts.budget.SpendingReversed;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageHeadAssigned;
import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.contracts.village.VillageUpdated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the event contracts of every topic: each type's sample message (what a consumer in another service was
 * written against) must be exactly what the code produces, must read back to the same event, and must satisfy the
 * type's published JSON schema. Changing a payload record without its schema and sample fails here, not in
 * production.
 */
class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROGRAM = "0f3c9a52-6d1e-4b8a-9c27-5e4d3b2a1f00";
    private static final String ALLOCATION = "5b2e8c1d-7a4f-4e39-b6d0-9c8a7e6f5d11";
    private static final String SPENDING = "e1d2c3b4-a5f6-4789-8abc-def012345622";

    /** One topic's contract: where its schemas and samples live, its payload types, and the sample events. */
    record Topic(String name, Map<String, Class<?>> payloadTypes, Map<String, EventEnvelope<?>> samples) {

        EventCodec codec() {
            return new EventCodec(payloadTypes);
        }
    }

    static final Topic VILLAGE_EVENTS = new Topic(Topics.VILLAGE_EVENTS, VillageEvents.PAYLOAD_TYPES, Map.of(
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
                    new VillageStatusChanged("33.03.01.2001", "INACTIVE", "merged into Bokol by Perda 3/2026"))));

    static final Topic BUDGET_EVENTS = new Topic(Topics.BUDGET_EVENTS, BudgetEvents.PAYLOAD_TYPES, Map.of(
            BudgetEvents.PROGRAM_CREATED, new EventEnvelope<>("1a2b3c4d-0001-4000-8000-000000000001",
                    "PROGRAM_CREATED", Instant.parse("2026-01-12T02:00:00Z"), "keuangan.dinpermasdes", PROGRAM, 1,
                    new ProgramCreated(PROGRAM, 2026, "Digitalisasi Desa 2026", 1_400_000_000L, "PBK", "1.4.08")),
            BudgetEvents.CEILING_REVISED, new EventEnvelope<>("1a2b3c4d-0002-4000-8000-000000000002",
                    "CEILING_REVISED", Instant.parse("2026-06-30T03:00:00Z"), "keuangan.dinpermasdes", PROGRAM, 2,
                    new CeilingRevised(PROGRAM, 2026, 1_400_000_000L, 1_450_000_000L, "APBD Perubahan 2026")),
            BudgetEvents.PROGRAM_CLOSED, new EventEnvelope<>("1a2b3c4d-0003-4000-8000-000000000003",
                    "PROGRAM_CLOSED", Instant.parse("2026-12-31T09:00:00Z"), "keuangan.dinpermasdes", PROGRAM, 3,
                    new ProgramClosed(PROGRAM, 2026, 1_450_000_000L, 1_344_000_000L)),
            BudgetEvents.FUNDS_ALLOCATED, new EventEnvelope<>("1a2b3c4d-0004-4000-8000-000000000004",
                    "FUNDS_ALLOCATED", Instant.parse("2026-01-20T02:30:00Z"), "keuangan.dinpermasdes",
                    "33.03.01.2001", 1, new FundsAllocated(ALLOCATION, PROGRAM, 2026, "33.03.01.2001", 6_000_000L,
                            "Internet desa dan komputer kantor")),
            BudgetEvents.ALLOCATION_ADJUSTED, new EventEnvelope<>("1a2b3c4d-0005-4000-8000-000000000005",
                    "ALLOCATION_ADJUSTED", Instant.parse("2026-07-01T04:00:00Z"), "keuangan.dinpermasdes",
                    "33.03.01.2001", 2, new AllocationAdjusted(ALLOCATION, PROGRAM, 2026, "33.03.01.2001",
                            -500_000L, 5_500_000L, "Harga modem turun")),
            BudgetEvents.SPENDING_RECORDED, new EventEnvelope<>("1a2b3c4d-0006-4000-8000-000000000006",
                    "SPENDING_RECORDED", Instant.parse("2026-03-03T05:10:00Z"), "kades.kedungbenda",
                    "33.03.01.2001", 3, new SpendingRecorded(SPENDING, ALLOCATION, PROGRAM, 2026, "33.03.01.2001",
                            2_350_000L, LocalDate.parse("2026-03-02"), "HARDWARE", "Laptop untuk operator SID",
                            "CV Maju Jaya, Purbalingga", "INV/2026/03/017")),
            BudgetEvents.SPENDING_REVERSED, new EventEnvelope<>("1a2b3c4d-0007-4000-8000-000000000007",
                    "SPENDING_REVERSED", Instant.parse("2026-03-04T01:00:00Z"), "kades.kedungbenda",
                    "33.03.01.2001", 4, new SpendingReversed(SPENDING, ALLOCATION, PROGRAM, 2026, "33.03.01.2001",
                            2_350_000L, "Salah catat: nota ganda"))));

    static final Topic ACCOUNT_EVENTS = new Topic(Topics.ACCOUNT_EVENTS, AccountEvents.PAYLOAD_TYPES, Map.of(
            AccountEvents.ACCOUNT_STATE_CHANGED, new EventEnvelope<>("4f1e2d3c-8b7a-4c69-9d58-0a1b2c3d4e55",
                    "AccountStateChanged", Instant.parse("2026-05-04T10:00:05.300Z"), "admin", "kades.kedungbenda", 2,
                    new AccountStateChanged("kades.kedungbenda", false, Instant.parse("2026-05-04T10:00:06Z")))));

    /** Every event type of every topic. */
    record Type(Topic topic, String name) {

        @Override
        public String toString() {
            return topic.name() + "/" + name;
        }
    }

    static List<Type> types() {
        return List.of(VILLAGE_EVENTS, BUDGET_EVENTS, ACCOUNT_EVENTS).stream()
                .flatMap(topic -> topic.payloadTypes().keySet().stream().sorted().map(name -> new Type(topic, name)))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyTypeHasASample(Type type) {
        assertThat(type.topic().samples()).containsKey(type.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void codeWritesExactlyThePublishedSample(Type type) {
        JsonNode written = JSON.readTree(type.topic().codec().encode(type.topic().samples().get(type.name())));

        assertThat(written).isEqualTo(sample(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void publishedSampleReadsBackToTheSameEvent(Type type) {
        assertThat(type.topic().codec().decode(sample(type).toString()))
                .isEqualTo(type.topic().samples().get(type.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void sampleSatisfiesEnvelopeAndPayloadSchemas(Type type) {
        JsonNode sample = sample(type);

        assertThat(SchemaCheck.violations(schema("envelope.schema.json"), sample)).isEmpty();
        assertThat(SchemaCheck.violations(payloadSchema(type), sample.get("payload"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schemaNamesEveryFieldOfThePayloadRecordAndNoOther(Type type) {
        Set<String> recordFields = Arrays.stream(type.topic().payloadTypes().get(type.name()).getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(payloadSchema(type).get("properties").propertyNames())).isEqualTo(recordFields);
    }

    @Test
    void schemaCheckRejectsAPayloadThatBreaksTheContract() {
        JsonNode broken = JSON.readTree("""
                {"code":"33.3.1.2001","name":"Kedungbenda","since":20260301}""");

        assertThat(SchemaCheck.violations(schema("village-events/VillageHeadAssigned.schema.json"), broken))
                .contains("code: does not match pattern", "since: expected string");
    }

    @Test
    void schemaCheckRejectsMoneyOutsideItsRangeAndAnUnknownCategory() {
        JsonNode broken = JSON.readTree(sample(new Type(BUDGET_EVENTS, BudgetEvents.SPENDING_RECORDED)).get("payload")
                .toString().replace("2350000", "10000000000001").replace("HARDWARE", "FOOD"));

        assertThat(SchemaCheck.violations(payloadSchema(new Type(BUDGET_EVENTS, BudgetEvents.SPENDING_RECORDED)),
                broken)).contains("amount: above 10000000000000").anyMatch(v -> v.startsWith("category: not one of"));
    }

    @Test
    void anAccountWhoseTokensNoChangeHasEndedYetCarriesANullValidFrom() {
        EventEnvelope<AccountStateChanged> enabled = new EventEnvelope<>("4f1e2d3c-8b7a-4c69-9d58-0a1b2c3d4e66",
                "AccountStateChanged", Instant.parse("2026-05-04T10:00:05Z"), "admin", "auditor.one", 1,
                new AccountStateChanged("auditor.one", true, null));
        JsonNode written = JSON.readTree(ACCOUNT_EVENTS.codec().encode(enabled));

        assertThat(written.get("payload").get("tokensValidFrom").isNull()).isTrue();
        assertThat(SchemaCheck.violations(payloadSchema(new Type(ACCOUNT_EVENTS,
                AccountEvents.ACCOUNT_STATE_CHANGED)), written.get("payload"))).isEmpty();
        assertThat(ACCOUNT_EVENTS.codec().decode(written.toString())).isEqualTo(enabled);
    }

    @Test
    void unknownTypeIsAMalformedEventNotAGuess() {
        String unknown = sample(new Type(VILLAGE_EVENTS, VillageEvents.VILLAGE_REGISTERED)).toString()
                .replace("\"VillageRegistered\"", "\"VillageRenamed\"");

        assertThatThrownBy(() -> VILLAGE_EVENTS.codec().decode(unknown))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("VillageRenamed");
    }

    private static JsonNode sample(Type type) {
        return read("samples/" + type.topic().name() + "/" + type.name() + ".json");
    }

    private static JsonNode payloadSchema(Type type) {
        return schema(type.topic().name() + "/" + type.name() + ".schema.json");
    }

    private static JsonNode schema(String name) {
        return read("schemas/" + name);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
