package id.desadigital.budget.bench;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.TimeOrderedIds;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.ProgramStatus;
import id.desadigital.budget.spending.Category;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.contracts.budget.AllocationAdjusted;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.contracts.budget.ProgramCreated;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.contracts.budget.SpendingReversed;

/**
 * Writes a realistic national ledger into a running stack's store, for the audit benchmarks: a program per regency
 * (PBK, 1.4.08) allocating Rp 6–10 million to each active village budget-service knows, then spending across the
 * year in every category, with the odd reversal and increase, until the ledger holds {@code gen.entries} entries
 * (1,000,000 by default). Not a test: run it as docs/audit.md says.
 *
 * <p>It writes budget-service's own collections directly (programs, village_accounts, ledger_entries) with the
 * service's own classes: entries made by {@link EntryFactory}, so chained and hashed exactly as the service chains
 * them, and documents as the service maps them. Going through the API instead would take about forty minutes at
 * the write path's rate; this takes a few. What it does not do is publish the entries to {@code budget-events}:
 * village-service's figures do not include the generated ledger. Villages that already have an account are left
 * alone, so it can run on a stack that holds real data. Ids are time-ordered by each entry's instant, as the service makes them,
 * with the rest derived from {@code gen.seed}.
 */
public final class NationalLedgerGenerator {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final String mongoUri = System.getProperty("gen.mongo", "mongodb://localhost:27017");
    private final String database = System.getProperty("gen.database", "budget");
    private final long targetEntries = Long.getLong("gen.entries", 1_000_000L);
    private final int fiscalYear = Integer.getInteger("gen.fiscalYear", 2026);
    private final long seed = Long.getLong("gen.seed", 2026L);
    private final int batch = Integer.getInteger("gen.batch", 2_000);

    private final Random random = new Random(seed);
    private final SettableClock clock = new SettableClock();
    private final EntryFactory entries = new EntryFactory(clock);
    private final List<LedgerEntry> entryBuffer = new ArrayList<>();
    private final List<VillageAccount> accountBuffer = new ArrayList<>();
    private MongoTemplate mongo;
    private long written;

    public static void main(String[] args) {
        new NationalLedgerGenerator().generate();
        System.exit(0);
    }

    private void generate() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            mongo = new MongoTemplate(client, database);
            Set<String> withAccounts = mongo.findDistinct(query(where("_id").exists(true)), "_id",
                    VillageAccount.class, String.class).stream().collect(Collectors.toCollection(HashSet::new));
            Map<String, List<KnownVillage>> byRegency = mongo.find(query(where("status").is("ACTIVE")),
                            KnownVillage.class).stream()
                    .filter(village -> village.regencyCode() != null && !withAccounts.contains(village.code()))
                    .collect(Collectors.groupingBy(KnownVillage::regencyCode, TreeMap::new, Collectors.toList()));
            long villages = byRegency.values().stream().mapToLong(List::size).sum();
            if (villages == 0) {
                throw new IllegalStateException("budget-service knows no active village without an account: import"
                        + " the area list first (docs/audit.md)");
            }
            long perVillage = (targetEntries - byRegency.size()) / villages;
            long extra = (targetEntries - byRegency.size()) % villages;
            System.out.printf("%,d villages in %,d regencies without an account: %,d entries each (+1 for %,d)%n",
                    villages, byRegency.size(), perVillage, extra);
            long started = System.nanoTime();
            long index = 0;
            for (var regency : byRegency.entrySet()) {
                List<KnownVillage> inRegency = regency.getValue();
                inRegency.sort(java.util.Comparator.comparing(KnownVillage::code));
                List<Integer> lengths = new ArrayList<>();
                for (int i = 0; i < inRegency.size(); i++, index++) {
                    lengths.add((int) Math.max(1, perVillage + (index < extra ? 1 : 0)));
                }
                program(regency.getKey(), inRegency, lengths);
                if (written > 0 && index % 5_000 < inRegency.size()) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("%,d villages, %,d entries, %.0f s (%,.0f entries/s)%n", index, written,
                            seconds, written / seconds);
                }
            }
            flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("done: %,d villages, %,d entries in %.0f s (%,.0f entries/s)%n", villages, written,
                    seconds, written / seconds);
        }
    }

    /** One regency's program, its villages' accounts and chains, written as they are made. */
    private void program(String regencyCode, List<KnownVillage> villages, List<Integer> lengths) {
        Instant programCreated = LocalDate.of(fiscalYear, 1, 2).atTime(9, 0).atZone(JAKARTA).toInstant();
        String programId = id(programCreated);
        long allocatedTotal = 0;
        for (int i = 0; i < villages.size(); i++) {
            allocatedTotal = Math.addExact(allocatedTotal, village(villages.get(i), programId, lengths.get(i)));
        }
        // A ceiling a little above what was allocated, in whole millions, as a regency's budget would be.
        long ceiling = (allocatedTotal / 10 * 11 / 1_000_000 + 1) * 1_000_000;
        clock.set(programCreated);
        LedgerEntry created = entries.first(programId, BudgetEvents.PROGRAM_CREATED, "keuangan-" + regencyCode,
                programId, programId, null, new ProgramCreated(programId, fiscalYear,
                        "Digitalisasi Desa " + regencyCode + " " + fiscalYear, ceiling, "PBK", "1.4.08"));
        mongo.insert(new Program(programId, fiscalYear, created.payload().getString("name"), "PBK", "1.4.08",
                ceiling, allocatedTotal, ProgramStatus.OPEN, created.occurredAt(), 1, 1, created.hash(), 1, List.of(),
                List.of(), List.of(), null, null));
        entryBuffer.add(created);
    }

    /** A village's year: its allocation, then spending until its chain has {@code length} entries. */
    private long village(KnownVillage village, String programId, int length) {
        String code = village.code();
        Instant at = LocalDate.of(fiscalYear, 1, 10).atTime(8, 0).atZone(JAKARTA).toInstant()
                .plusSeconds(random.nextInt(20 * 86_400));
        String allocationId = id(at);
        long amount = (6 + random.nextInt(5)) * 1_000_000L;
        AccountAllocation allocation = new AccountAllocation(allocationId, programId, fiscalYear, amount, 0);
        VillageAccount account = new VillageAccount(code, 0, 0, null, 0, List.of(), List.of(), List.of(), List.of(),
                null);
        Instant yearEnd = LocalDate.of(fiscalYear, 11, 28).atTime(17, 0).atZone(JAKARTA).toInstant();
        long step = Math.max(60, Duration.between(at, yearEnd).toSeconds() / Math.max(1, length));
        List<LedgerEntry> chain = new ArrayList<>();
        List<LedgerEntry> reversible = new ArrayList<>();
        List<String> reversed = new ArrayList<>();
        chain.add(append(account, at, allocationId, BudgetEvents.FUNDS_ALLOCATED, "keuangan-" + village.regencyCode(),
                programId, code, new FundsAllocated(allocationId, programId, fiscalYear, code, amount,
                        "Internet dan perangkat desa")));
        account = next(account, chain);
        while (chain.size() < length) {
            at = at.plusSeconds(1 + random.nextLong(step));
            String head = "kades-" + code;
            int dice = random.nextInt(100);
            if (dice < 4 && !reversible.isEmpty()) {
                LedgerEntry spending = reversible.remove(random.nextInt(reversible.size()));
                long spent = spending.longValue("amount");
                String category = spending.text("category");
                chain.add(append(account, at, id(at), BudgetEvents.SPENDING_REVERSED, head, programId, code,
                        new SpendingReversed(spending.id(), allocationId, programId, fiscalYear, code, spent,
                                "Nota ganda, dibatalkan")));
                reversed.add(spending.id());
                allocation = allocation.withReversal(category, spent);
            } else if (dice < 7 || allocation.remaining() < 10_000) {
                long delta = 1_000_000L;
                String adjustmentId = id(at);
                chain.add(append(account, at, adjustmentId, BudgetEvents.ALLOCATION_ADJUSTED, "keuangan-"
                        + village.regencyCode(), programId, code, new AllocationAdjusted(allocationId, programId,
                                fiscalYear, code, delta, allocation.amount() + delta, "Tambahan pagu perubahan APBD")));
                allocation = allocation.adjustedBy(adjustmentId, allocation.amount() + delta);
            } else {
                long most = Math.max(1, Math.min(allocation.remaining(), allocation.amount() / Math.max(2, length / 2)));
                long spent = Math.max(1, (most / 2 + random.nextLong(most / 2 + 1)) / 1_000 * 1_000);
                Category category = Category.values()[random.nextInt(Category.values().length)];
                String spendingId = id(at);
                LocalDate spentOn = LocalDate.ofInstant(at, JAKARTA).minusDays(random.nextInt(3));
                LedgerEntry entry = append(account, at, spendingId, BudgetEvents.SPENDING_RECORDED, head, programId,
                        code, new SpendingRecorded(spendingId, allocationId, programId, fiscalYear, code, spent,
                                spentOn, category.name(), description(category), "CV Mitra " + village.name(),
                                "INV/" + fiscalYear + "/" + (chain.size() + 1)));
                chain.add(entry);
                reversible.add(entry);
                allocation = allocation.withSpending(category.name(), spent);
            }
            account = next(account, chain);
        }
        LedgerEntry last = chain.get(chain.size() - 1);
        accountBuffer.add(new VillageAccount(code, chain.size(), chain.size(), last.hash(), chain.size(),
                List.of(allocation), List.of(), reversed, List.of(), null));
        entryBuffer.addAll(chain);
        if (entryBuffer.size() >= batch) {
            flush();
        }
        return allocation.amount();
    }

    private LedgerEntry append(VillageAccount account, Instant at, String id, String type, String actor,
            String programId, String villageCode, Object payload) {
        clock.set(at);
        return entries.next(account, id, type, actor, programId, villageCode, payload);
    }

    /** The account as the chain leaves it: only its sequence and chain hash matter to the next entry. */
    private static VillageAccount next(VillageAccount account, List<LedgerEntry> chain) {
        LedgerEntry last = chain.get(chain.size() - 1);
        return new VillageAccount(account.id(), last.sequence(), last.sequence(), last.hash(), 0, List.of(),
                List.of(), List.of(), List.of(), null);
    }

    private void flush() {
        if (!accountBuffer.isEmpty()) {
            mongo.insert(accountBuffer, VillageAccount.class);
            accountBuffer.clear();
        }
        if (!entryBuffer.isEmpty()) {
            mongo.insert(entryBuffer, LedgerEntry.class);
            written += entryBuffer.size();
            entryBuffer.clear();
        }
    }

    /** Made at {@code at} as budget-service makes its ids, with the random part from the seed. */
    private String id(Instant at) {
        return TimeOrderedIds.next(at, random);
    }

    private static String description(Category category) {
        return switch (category) {
            case CONNECTIVITY -> "Langganan internet kantor desa";
            case HARDWARE -> "Laptop operator sistem informasi desa";
            case SOFTWARE -> "Lisensi aplikasi keuangan desa";
            case WEBSITE -> "Hosting dan domain situs desa";
            case TRAINING -> "Pelatihan perangkat desa";
            case DATA -> "Pemutakhiran data kependudukan";
            case OTHER -> "Keperluan digitalisasi lainnya";
        };
    }

    /** The generator decides when each entry happened; the factory reads it from this clock. */
    private static final class SettableClock extends Clock {

        private Instant instant = Instant.EPOCH;

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
