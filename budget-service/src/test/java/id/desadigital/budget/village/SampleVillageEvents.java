package id.desadigital.budget.village;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageHeadAssigned;
import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.contracts.village.VillageUpdated;

/** Village events as village-service publishes them, for villages no other test touches. */
final class SampleVillageEvents {

    private static final AtomicInteger NEXT_VILLAGE = new AtomicInteger(2001);

    private SampleVillageEvents() {
    }

    /** A code of the Kemendagri form that no other test in this JVM uses. */
    static String newVillageCode() {
        return "33.03.01." + NEXT_VILLAGE.getAndIncrement();
    }

    static EventEnvelope<VillageRegistered> registered(String code, long sequence) {
        return envelope(VillageEvents.VILLAGE_REGISTERED, code, sequence, new VillageRegistered(code, "Kedungbenda",
                "DESA", "33.03.01", "Kemangkon", "33.03", "Kabupaten Purbalingga", "33", "Jawa Tengah", "ACTIVE"));
    }

    static EventEnvelope<VillageUpdated> renamed(String code, long sequence, String name) {
        return envelope(VillageEvents.VILLAGE_UPDATED, code, sequence, new VillageUpdated(code, name, "DESA",
                "33.03.01", "Kemangkon", "33.03", "Kabupaten Purbalingga", "33", "Jawa Tengah", "ACTIVE"));
    }

    static EventEnvelope<VillageStatusChanged> statusChanged(String code, long sequence, String status) {
        return envelope(VillageEvents.VILLAGE_STATUS_CHANGED, code, sequence,
                new VillageStatusChanged(code, status, "Perda 3/2026"));
    }

    static EventEnvelope<VillageHeadAssigned> headAssigned(String code, long sequence) {
        return envelope(VillageEvents.VILLAGE_HEAD_ASSIGNED, code, sequence,
                new VillageHeadAssigned(code, "Siti Rahayu", LocalDate.of(2026, 3, 1)));
    }

    static String encode(EventEnvelope<?> event) {
        return VillageEvents.codec().encode(event);
    }

    private static <P> EventEnvelope<P> envelope(String type, String code, long sequence, P payload) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), type, Instant.parse("2026-01-05T03:00:00Z")
                .plusSeconds(sequence), "admin", code, sequence, payload);
    }
}
