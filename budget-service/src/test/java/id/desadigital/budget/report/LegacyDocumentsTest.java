package id.desadigital.budget.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import id.desadigital.budget.BudgetServiceTest;
import reactor.test.StepVerifier;

/**
 * Documents written before the reports existed: an account whose allocations keep no spending per category, a
 * village view without area names. The reports read them without failing and lose no rupiah. Fiscal year 2044 and
 * province 75 are this class's alone.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyDocumentsTest {

    static final int YEAR = 2044;
    static final String VILLAGE = "75.01.01.2001";
    static final Area PROVINCE = Area.of("75", null, null);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    RealizationReport report;

    @BeforeAll
    void documentsAsTheyWereWritten() {
        Document allocation = new Document("id", "legacy-allocation").append("programId", "legacy-program")
                .append("fiscalYear", YEAR).append("amount", 5_000_000L).append("spent", 1_200_000L);
        // Every field an account had then but the new one; no chain (sequence 0), so that the ledger's verification,
        // which other tests run over every account of this shared store, has nothing to check here.
        mongo.save(new Document("_id", VILLAGE).append("revision", 3L).append("sequence", 0L)
                .append("publishedSequence", 0L).append("allocations", List.of(allocation))
                .append("closedPrograms", List.of()).append("reversed", List.of()).append("pending", List.of()),
                "village_accounts").block();
        mongo.save(new Document("_id", VILLAGE).append("name", "Lama").append("districtCode", "75.01.01")
                .append("regencyCode", "75.01").append("status", "ACTIVE").append("sequence", 1L),
                "known_villages").block();
    }

    @Test
    void spendingWithoutACategoryIsItsOwnRow() {
        StepVerifier.create(report.rows(YEAR, GroupBy.CATEGORY, PROVINCE))
                .assertNext(rows -> {
                    assertThat(rows).extracting(RealizationRow::key).containsExactly("CONNECTIVITY", "DATA",
                            "HARDWARE", "OTHER", "SOFTWARE", "TRAINING", "UNCATEGORISED", "WEBSITE");
                    assertThat(rows).filteredOn(row -> row.key().equals("UNCATEGORISED"))
                            .extracting(RealizationRow::allocated, RealizationRow::spent, RealizationRow::rate)
                            .containsExactly(tuple(5_000_000L, 1_200_000L, new BigDecimal("0.2400")));
                    assertThat(rows.stream().mapToLong(RealizationRow::spent).sum()).isEqualTo(1_200_000);
                })
                .verifyComplete();
    }

    @Test
    void aDistrictWhoseNameWasNeverKeptIsReportedWithoutIt() {
        StepVerifier.create(report.rows(YEAR, GroupBy.DISTRICT, PROVINCE))
                .assertNext(rows -> assertThat(rows).containsExactly(
                        new RealizationRow("75.01.01", null, 5_000_000, 1_200_000, new BigDecimal("0.2400"))))
                .verifyComplete();
        StepVerifier.create(report.rows(YEAR, GroupBy.VILLAGE, PROVINCE))
                .assertNext(rows -> assertThat(rows).extracting(RealizationRow::key, RealizationRow::name)
                        .containsExactly(tuple(VILLAGE, "Lama")))
                .verifyComplete();
    }
}
