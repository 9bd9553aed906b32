package id.desadigital.system.faults;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import id.desadigital.system.faults.PatientClient.Answered;
import id.desadigital.system.faults.PatientClient.Write;
import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's fault test. Under a load of spending and allocation writes from patient clients (every write has its own
 * Idempotency-Key and is sent again, unchanged, until it is answered for good), each of the stack's five processes
 * is killed with SIGKILL in turn: budget-service, village-service, the gateway, the Kafka broker, the store. Each
 * time the launcher must restart it and the system must answer every client again before the next kill. Afterwards
 * every acknowledged write is in the ledger exactly once and nothing else is, the budget rules held, the hash chains
 * verify, and village-service's figures come to equal budget-service's.
 *
 * <p>It starts a stack of its own, since its kills must not reach the other system tests, and runs only with
 * {@code -Pfaults} (docs/testing.md).
 */
class ProcessKillIT {

    private static final Map<String, String> SETTINGS = Map.of(
            // Changes stored while Kafka or their relay was away reach the topic with the next sweep: every 2 s
            // rather than 30, so that the read models catch up within the waits below.
            "OUTBOX_SWEEP_INTERVAL", "2s",
            // A write whose first attempt died is finished by a repeat once its key is this old: 5 s rather than 30
            // keeps the clients' repeats short, and lets repeats meet first attempts still under way.
            "LEDGER_COMPLETION_DELAY", "5s");

    private static final String CSV = """
            code,name,district_code,district_name,regency_code,regency_name,province_code,province_name
            33.03.02.2001,Tidu,33.03.02,Bukateja,33.03,Purbalingga,33,Jawa Tengah
            33.03.02.2002,Wirasaba,33.03.02,Bukateja,33.03,Purbalingga,33,Jawa Tengah
            33.03.02.2003,Kembangan,33.03.02,Bukateja,33.03,Purbalingga,33,Jawa Tengah
            33.03.02.2004,Cipawon,33.03.02,Bukateja,33.03,Purbalingga,33,Jawa Tengah
            """;
    /** Tidu's two clients ask for far more than this, so spending there is refused (409) as often as it is taken. */
    private static final long TIGHT_ALLOCATION = 300_000L;
    /** The other villages never run out. */
    private static final long AMPLE_ALLOCATION = 1_000_000_000L;
    /** What the officer adds to Tidu's allocation with most of its writes. */
    private static final long RAISE = 100_000L;
    /** A raise of Wirasaba's that passes the ceiling, and a cut of Tidu's below what it spent: both refused. */
    private static final long PAST_THE_CEILING = 2_000_000_000L;
    private static final long BELOW_WHAT_IS_SPENT = -1_000_000_000L;
    /** Room for a thousand raises: only the raise meant to pass it meets the ceiling. */
    private static final long CEILING = TIGHT_ALLOCATION + 3 * AMPLE_ALLOCATION + 1_000 * RAISE;

    /** Six clients writing every fifth of a second soon have two writes under way at once. */
    private static final Duration AMID_WRITES_WITHIN = Duration.ofSeconds(30);
    private static final Duration DIES_WITHIN = Duration.ofSeconds(30);
    /** The launcher restarts a process a second after it died (its back-off after a first death). */
    private static final Duration RESTARTED_WITHIN = Duration.ofSeconds(30);
    /**
     * A Spring service restarts in 10 to 30 s on two cores under this load, the broker and the store sooner; while
     * other builds loaded the machine, a restart took close to three minutes.
     */
    private static final Duration ANSWERING_AGAIN_WITHIN = Duration.ofMinutes(5);
    private static final Duration CONVERGED_WITHIN = Duration.ofSeconds(90);
    /** Requests reading the acknowledged spendings back at once: a thousand one at a time took a minute. */
    private static final int READERS = 4;

    private record Village(String code, String name, String token, String allocationId, long allocated) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesTheKillOfEachProcessOnce() {
        Instant began = Instant.now();
        try (RunningStack stack = RunningStack.start(SETTINGS)) {
            log(began, "stack ready; its logs are in " + stack.logs());
            String gateway = stack.gateway();
            String admin = Api.signIn(gateway, "admin", RunningStack.ADMIN_PASSWORD);
            Api.Answer imported = Api.send("POST", gateway + "/api/villages/import", admin, CSV, "text/csv");
            assertThat(imported.status()).as("import: %s", imported).isEqualTo(200);
            String officer = user(gateway, admin, "fault-officer", "FINANCE_OFFICER", null);
            String auditor = user(gateway, admin, "fault-auditor", "AUDITOR", null);
            String program = Fixture.program(gateway, officer, CEILING);
            List<Village> villages = new ArrayList<>();
            for (String row : CSV.lines().skip(1).toList()) {
                String code = row.split(",")[0];
                String name = row.split(",")[1];
                String head = user(gateway, admin, "head-" + name.toLowerCase(Locale.ROOT), "VILLAGE_HEAD", code);
                long amount = villages.isEmpty() ? TIGHT_ALLOCATION : AMPLE_ALLOCATION;
                villages.add(new Village(code, name, head,
                        Fixture.allocate(gateway, officer, program, code, amount), amount));
            }
            Village tidu = villages.get(0);
            Village wirasaba = villages.get(1);

            try (Load load = Load.start(repeated -> List.of(
                    spender("tidu-gateway", gateway, tidu, 1, repeated),
                    spender("tidu-direct", stack.budgetService(), tidu, 2, repeated),
                    spender("wirasaba-gateway", gateway, wirasaba, 3, repeated),
                    spender("kembangan-gateway", gateway, villages.get(2), 4, repeated),
                    spender("cipawon-direct", stack.budgetService(), villages.get(3), 5, repeated),
                    new PatientClient("officer-gateway", officer, adjustments(gateway, tidu, wirasaba), repeated)))) {
                load.awaitEveryClientAnswered(3, ANSWERING_AGAIN_WITHIN, "the load under way");
                log(began, "load under way");
                for (StackProcess victim : StackProcess.values()) {
                    killAndAwaitRecovery(stack, victim, load, began);
                }
                load.stop(ANSWERING_AGAIN_WITHIN);
                List<Answered> answered = load.answered();
                log(began, report(answered) + "; attempts sent again because of " + load.repeatedBecause());

                awaitConvergence(gateway, auditor, villages, answered);
                log(began, "village-service's figures equal budget-service's and the clients'");
                for (Village village : villages) {
                    checkLedger(stack, officer, auditor, program, village, answered);
                }
                checkProgram(gateway, officer, program, villages, answered);
                checkChains(gateway, auditor);
                log(began, "every acknowledged write is recorded once, the rules held and the chains verify");
            }
        }
    }

    /** A village head's client: spendings of 5,000 to 50,000 rupiah, the same ones on every run. */
    private static PatientClient spender(String name, String baseUrl, Village village, long seed,
            Map<String, LongAdder> repeated) {
        Random amounts = new Random(seed);
        String url = baseUrl + "/api/budget/allocations/" + village.allocationId() + "/spending";
        return new PatientClient(name, village.token(), n -> {
            String key = name + "-" + n;
            return new Write(key, url, json("amount", 1_000L * (5 + amounts.nextInt(46)), "spentOn",
                    FISCAL_YEAR + "-04-01", "category", "CONNECTIVITY", "description", "Paket data kantor desa",
                    "vendor", "PT Telkom", "receiptNo", key), 201, village.allocationId());
        }, repeated);
    }

    /**
     * The finance officer's client: mostly raises of Tidu's allocation; every tenth write a raise of Wirasaba's past
     * the ceiling, and five writes later a cut of Tidu's below what it spent, both refused.
     */
    private static IntFunction<Write> adjustments(String gateway, Village tidu, Village wirasaba) {
        return n -> {
            Village village = n % 10 == 0 ? wirasaba : tidu;
            long delta = n % 10 == 0 ? PAST_THE_CEILING : n % 10 == 5 ? BELOW_WHAT_IS_SPENT : RAISE;
            return new Write("officer-" + n, gateway + "/api/budget/allocations/" + village.allocationId()
                    + "/adjustments", json("delta", delta, "reason", "Perubahan APBDes " + n), 200,
                    village.allocationId());
        };
    }

    private static void killAndAwaitRecovery(RunningStack stack, StackProcess victim, Load load, Instant began) {
        String name = victim.processName();
        ProcessHandle killed = victim.in(stack).orElseThrow(() -> new AssertionError(name
                + " is not running before its kill; the launcher printed:\n" + stack.printed()));
        // Amid writes: a kill between two writes of every client would try nothing but the restart.
        await("writes under way to kill " + name + " amid").atMost(AMID_WRITES_WITHIN)
                .pollInterval(Duration.ofMillis(2)).until(() -> load.inFlight() >= 2);
        log(began, String.format(Locale.ROOT, "kill -9 %s (pid %d) after %d writes answered for good, with %d of %d "
                + "clients awaiting an answer", name, killed.pid(), load.answered().size(), load.inFlight(),
                load.clients().size()));
        Instant killedAt = Instant.now();
        killed.destroyForcibly();
        await(name + " (pid " + killed.pid() + ") dead of SIGKILL").atMost(DIES_WITHIN).until(() -> !killed.isAlive());
        ProcessHandle restarted = await("the launcher restarting " + name + " after its kill -9; logs in "
                + stack.logs()).atMost(RESTARTED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> victim.in(stack).filter(process -> process.pid() != killed.pid()), Optional::isPresent)
                .orElseThrow();
        Duration restartedAfter = Duration.between(killedAt, Instant.now());
        await("the gateway's health UP again after the kill of " + name + "; logs in " + stack.logs())
                .atMost(ANSWERING_AGAIN_WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> healthy(stack));
        Duration healthyAfter = Duration.between(killedAt, Instant.now());
        load.awaitEveryClientAnswered(2, ANSWERING_AGAIN_WITHIN, "every client answered for good again after the "
                + "kill of " + name + "; logs in " + stack.logs());
        log(began, String.format(Locale.ROOT, "%s running again (pid %d) after %.1f s, the stack healthy after %.1f s, "
                + "every client answered for good after %.1f s", name, restarted.pid(), seconds(restartedAfter),
                seconds(healthyAfter), seconds(Duration.between(killedAt, Instant.now()))));
    }

    private static boolean healthy(RunningStack stack) {
        try {
            Api.Answer health = Api.get(stack.gateway() + "/actuator/health", null);
            return health.status() == 200 && health.json().path("status").asString().equals("UP");
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    /** village-service learns budget-events late after some kills; its figures must come to equal the ledger's. */
    private static void awaitConvergence(String gateway, String auditor, List<Village> villages,
            List<Answered> answered) {
        for (Village village : villages) {
            long allocated = expectedAmount(village, answered);
            long spent = expectedSpent(village, answered);
            JsonNode summary = Api.ok("GET", gateway + "/api/budget/villages/" + village.code() + "/summary?fiscalYear="
                    + FISCAL_YEAR, auditor, null);
            assertThat(List.of(summary.path("allocated").asLong(), summary.path("spent").asLong()))
                    .as("budget-service's summary of %s: allocated and spent", village.name())
                    .containsExactly(allocated, spent);
            await("village-service's figures of " + village.name() + " equal to budget-service's (allocated "
                    + allocated + ", spent " + spent + ")").atMost(CONVERGED_WITHIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> villageServiceFigures(gateway, auditor, village), List.of(allocated, spent)::equals);
        }
    }

    private static List<Long> villageServiceFigures(String gateway, String auditor, Village village) {
        for (JsonNode year : Api.ok("GET", gateway + "/api/villages/" + village.code(), auditor, null).path("budget")) {
            if (year.path("fiscalYear").asInt() == FISCAL_YEAR) {
                return List.of(year.path("allocated").asLong(), year.path("spent").asLong());
            }
        }
        return List.of();
    }

    /**
     * The village's chain holds its allocation, exactly one entry per acknowledged spending and raise, and nothing
     * refused or unanswered, numbered without a gap; each acknowledged spending is found by its id.
     */
    private static void checkLedger(RunningStack stack, String officer, String auditor, String program,
            Village village, List<Answered> answered) {
        List<JsonNode> entries = ledger(stack.gateway(), auditor, "villageCode=" + village.code());
        assertThat(entries).extracting(entry -> entry.path("seq").asLong())
                .as("%s's chain, numbered from 1 without a gap or a repeat", village.name())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries).filteredOn(entry -> entry.path("type").asString().equals("FUNDS_ALLOCATED"))
                .extracting(entry -> entry.path("id").asString()).as("%s's allocation", village.name())
                .containsExactly(village.allocationId());

        Map<String, Long> spendings = acknowledged(village, answered, "/spending").stream()
                .collect(toMap(done -> done.body().path("id").asString(), done -> done.write().number("amount")));
        List<JsonNode> recorded = entries.stream()
                .filter(entry -> entry.path("type").asString().equals("SPENDING_RECORDED")).toList();
        assertThat(recorded).extracting(entry -> entry.path("id").asString())
                .as("%s's spendings in the ledger: each acknowledged one once, no other", village.name())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(spendings.keySet());
        assertThat(recorded.stream().collect(toMap(entry -> entry.path("id").asString(),
                entry -> entry.path("amount").asLong()))).as("%s's spendings' amounts", village.name())
                .isEqualTo(spendings);

        List<Long> raises = acknowledged(village, answered, "/adjustments").stream()
                .map(done -> done.write().number("delta")).toList();
        assertThat(entries).filteredOn(entry -> entry.path("type").asString().equals("ALLOCATION_ADJUSTED"))
                .extracting(entry -> entry.path("amount").asLong())
                .as("%s's acknowledged raises in the ledger, each once", village.name())
                .containsExactlyInAnyOrderElementsOf(raises);

        assertThat(found(stack, officer, spendings.keySet())).as("%s's acknowledged spendings read by id",
                village.name()).isEqualTo(spendings);

        JsonNode allocation = Api.ok("GET", stack.gateway() + "/api/budget/allocations/" + village.allocationId(),
                officer, null);
        assertThat(allocation.path("amount").asLong()).as("%s's allocation", village.name())
                .isEqualTo(expectedAmount(village, answered));
        assertThat(allocation.path("spent").asLong()).as("spent from %s's allocation", village.name())
                .isEqualTo(expectedSpent(village, answered))
                .isLessThanOrEqualTo(allocation.path("amount").asLong());
        assertThat(allocation.path("programId").asString()).isEqualTo(program);
    }

    /** Each spending as {@code GET /api/budget/spending/{id}} finds it: its amount; a few requests at a time. */
    private static Map<String, Long> found(RunningStack stack, String officer, Collection<String> ids) {
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            Map<String, CompletableFuture<JsonNode>> reads = ids.stream().collect(toMap(id -> id,
                    id -> CompletableFuture.supplyAsync(() -> Api.ok("GET", stack.budgetService()
                            + "/api/budget/spending/" + id, officer, null), readers)));
            return reads.entrySet().stream().collect(toMap(Map.Entry::getKey,
                    read -> read.getValue().join().path("amount").asLong()));
        } finally {
            readers.shutdownNow();
        }
    }

    /** The program counts every acknowledged raise once and no refused one, within its ceiling. */
    private static void checkProgram(String gateway, String officer, String program, List<Village> villages,
            List<Answered> answered) {
        JsonNode figures = Api.ok("GET", gateway + "/api/budget/programs/" + program, officer, null);
        long allocated = villages.stream().mapToLong(village -> expectedAmount(village, answered)).sum();
        long spent = villages.stream().mapToLong(village -> expectedSpent(village, answered)).sum();
        assertThat(List.of(figures.path("allocated").asLong(), figures.path("spent").asLong()))
                .as("the program's allocated and spent").containsExactly(allocated, spent);
        assertThat(allocated).as("allocated within the ceiling").isLessThanOrEqualTo(CEILING);
    }

    /** Every chain verifies, over as many entries as the ledger lists. */
    private static void checkChains(String gateway, String auditor) {
        long listed = Api.ok("GET", gateway + "/api/budget/ledger?size=1", auditor, null).path("total").asLong();
        JsonNode verified = Api.ok("GET", gateway + "/api/budget/ledger/verify", auditor, null);
        assertThat(verified.path("valid").asBoolean()).as("the chains verify: %s", verified).isTrue();
        assertThat(verified.path("entries").asLong()).as("entries verified").isEqualTo(listed);
    }

    private static List<JsonNode> ledger(String gateway, String auditor, String filter) {
        List<JsonNode> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = Api.ok("GET", gateway + "/api/budget/ledger?" + filter + "&size=500&page=" + page,
                    auditor, null);
            answer.path("items").forEach(entries::add);
            if (entries.size() >= answer.path("total").asLong() || answer.path("items").isEmpty()) {
                return entries;
            }
        }
    }

    private static List<Answered> acknowledged(Village village, List<Answered> answered, String operation) {
        return answered.stream().filter(Answered::done)
                .filter(done -> done.write().allocationId().equals(village.allocationId()))
                .filter(done -> done.write().url().endsWith(operation)).toList();
    }

    private static long expectedAmount(Village village, List<Answered> answered) {
        return village.allocated() + acknowledged(village, answered, "/adjustments").stream()
                .mapToLong(done -> done.write().number("delta")).sum();
    }

    private static long expectedSpent(Village village, List<Answered> answered) {
        return acknowledged(village, answered, "/spending").stream().mapToLong(done -> done.write().number("amount"))
                .sum();
    }

    /** Writes answered for good, acknowledged and refused, spendings and adjustments, and how many took repeats. */
    private static String report(List<Answered> answered) {
        Map<Boolean, List<Answered>> byKind = answered.stream()
                .collect(groupingBy(done -> done.write().url().endsWith("/spending")));
        return String.format(Locale.ROOT, "%d writes answered for good: spendings %s; adjustments %s", answered.size(),
                tally(byKind.getOrDefault(true, List.of())), tally(byKind.getOrDefault(false, List.of())));
    }

    private static String tally(List<Answered> answered) {
        long acknowledged = answered.stream().filter(Answered::done).count();
        long repeated = answered.stream().filter(done -> done.attempts() > 1).count();
        long attempts = answered.stream().mapToLong(Answered::attempts).sum();
        return acknowledged + " acknowledged, " + (answered.size() - acknowledged) + " refused (409), " + repeated
                + " needed more than one attempt (" + (attempts - answered.size()) + " attempts sent again)";
    }

    private static String user(String gateway, String admin, String username, String role, String villageCode) {
        Map<String, Object> user = json("username", username, "password", Fixture.password(username), "role", role);
        if (villageCode != null) {
            user.put("villageCode", villageCode);
        }
        Api.ok("POST", gateway + "/api/auth/users", admin, user);
        return Api.signIn(gateway, username, Fixture.password(username));
    }

    /** A JSON object whose fields keep their order, so that every repeat of a write sends the very same body. */
    private static Map<String, Object> json(Object... fieldsAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            object.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return object;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void log(Instant began, String line) {
        System.out.printf(Locale.ROOT, "ProcessKillIT %6.1f s: %s%n", seconds(Duration.between(began, Instant.now())),
                line);
    }
}
