package id.desadigital.village.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.village.support.VillageServiceTest;

/**
 * Two administrators load the same list at the same moment: every village is created once, by one of them, with
 * one registration event. Works in regency 36.01.
 */
class ConcurrentImportTest extends VillageServiceTest {

    static final int VILLAGES = 60;

    @Test
    void concurrentImportsOfOneFileCreateEachVillageOnce() {
        String csv = "code,name,district_code,district_name,regency_code,regency_name,province_code,province_name\n"
                + IntStream.rangeClosed(1, VILLAGES)
                        .mapToObj(i -> "36.01.%02d.2%03d,Desa %d,36.01.%02d,Kecamatan %d,36.01,Kabupaten Pandeglang,36,Banten"
                                .formatted(i % 5 + 1, i, i, i % 5 + 1, i % 5 + 1))
                        .collect(Collectors.joining("\n", "", "\n"));

        var first = CompletableFuture.supplyAsync(() -> report(csv));
        var second = CompletableFuture.supplyAsync(() -> report(csv));
        ImportReport a = first.join();
        ImportReport b = second.join();

        assertThat(a.created() + b.created()).isEqualTo(VILLAGES);
        assertThat(a.unchanged() + b.unchanged()).isEqualTo(VILLAGES);
        assertThat(a.updated() + b.updated()).isZero();
        get("/api/villages?regencyCode=36.01").exchange().expectBody().jsonPath("$.total").isEqualTo(VILLAGES);
        try (var consumer = villageEventsConsumer()) {
            var events = eventsFor(consumer, "36.01.", VILLAGES).stream()
                    .map(record -> VillageEvents.codec().decode(record.value())).toList();
            assertThat(events).extracting(e -> e.key()).hasSize(VILLAGES).doesNotHaveDuplicates();
            assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo("VillageRegistered"));
        }
    }

    private ImportReport report(String csv) {
        return importCsv(csv).expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
    }
}
