package id.desadigital.village.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.village.support.VillageServiceTest;
import id.desadigital.village.village.VillageChanges;
import id.desadigital.village.village.VillageStatus;
import id.desadigital.village.village.VillageStore;
import reactor.test.StepVerifier;

/**
 * The process dies after storing a change and before publishing it: here the change is written exactly as the use
 * case writes it and the relay is never called, which is what a kill between the two leaves behind. The sweep that
 * runs when the service starts again must publish it, once. Works in regency 35.01.
 */
class OutboxCrashTest extends VillageServiceTest {

    @Autowired
    VillageStore store;

    @Autowired
    VillageChanges changes;

    @Autowired
    OutboxSweeper sweeper;

    @Test
    void aChangeStoredButNeverPublishedIsPublishedByTheNextSweepExactlyOnce() {
        importCsv("code,name,district_code,district_name,regency_code,regency_name,province_code,province_name\n"
                + "35.01.01.2001,Sendang,35.01.01,Donorojo,35.01,Kabupaten Pacitan,35,Jawa Timur\n")
                .expectStatus().isOk();
        var change = changes.next(1, "admin",
                new VillageStatusChanged("35.01.01.2001", "INACTIVE", "flooded; relocated"), null);

        StepVerifier.create(store.apply("35.01.01.2001", 1, new Update().set("status", VillageStatus.INACTIVE),
                        change))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(store.find("35.01.01.2001"))
                .assertNext(village -> assertThat(village.pendingChanges()).containsExactly(change))
                .verifyComplete();

        try (var consumer = villageEventsConsumer()) {
            assertThat(eventsFor(consumer, "35.01.01.2001", 1)).hasSize(1);

            StepVerifier.create(sweeper.sweep()).verifyComplete();
            StepVerifier.create(sweeper.sweep()).verifyComplete();

            var events = eventsFor(consumer, "35.01.01.2001", 1).stream()
                    .map(record -> VillageEvents.codec().decode(record.value())).toList();
            assertThat(events).extracting(e -> e.eventId()).containsExactly(change.eventId());
            assertThat(events.get(0).sequence()).isEqualTo(2);
        }
        StepVerifier.create(store.find("35.01.01.2001"))
                .assertNext(village -> {
                    assertThat(village.pendingChanges()).isEmpty();
                    assertThat(village.unpublished()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void theRequestItselfPublishesSoNothingIsLeftForTheSweep() {
        importCsv("code,name,district_code,district_name,regency_code,regency_name,province_code,province_name\n"
                + "35.01.02.2001,Jetis Lor,35.01.02,Punung,35.01,Kabupaten Pacitan,35,Jawa Timur\n")
                .expectStatus().isOk();

        StepVerifier.create(store.find("35.01.02.2001"))
                .assertNext(village -> {
                    assertThat(village.pendingChanges()).isEmpty();
                    assertThat(village.publishedVersion()).isEqualTo(1);
                })
                .verifyComplete();
    }
}
