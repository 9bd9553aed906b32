package id.desadigital.budget.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spending writes per second, their latency (p50, p99) through the gateway and directly to budget-service, the lag
 * from an acknowledged write to village-service's figure, and the store's own rate for the commands one write
 * needs, on a running stack. Not a test: run it as docs/performance.md says.
 *
 * <p>Setup (not timed): a finance officer, a program per regency, one allocation per village for the first
 * {@code bench.allocations} villages village-service lists, and village-head accounts for the first
 * {@code bench.heads} of them. Load: {@code bench.concurrency} clients each spending Rp 1 again and again from a
 * random head's allocation for {@code bench.seconds}, first directly, then through the gateway. Meanwhile one
 * probe spends Rp 1 from its own allocation every 200 ms and times how long village-service takes to show it.
 * With {@code -Dbench.storeOnly=true} only the store's own rate is measured, over {@code bench.allocations}
 * documents.
 */
public final class LedgerWriteBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FISCAL_YEAR = 2026;
    private static final long AMOUNT_PER_ALLOCATION = 100_000_000L;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = System.getProperty("bench.gateway", "http://localhost:8080");
    private final String budget = System.getProperty("bench.budget", "http://localhost:8082");
    private final String village = System.getProperty("bench.village", "http://localhost:8081");
    private final String mongoUri = System.getProperty("bench.mongo", "mongodb://localhost:27017");
    private final String adminPassword = System.getProperty("bench.adminPassword");
    private final int allocations = Integer.getInteger("bench.allocations", 100);
    private final int heads = Integer.getInteger("bench.heads", 20);
    private final int concurrency = Integer.getInteger("bench.concurrency", 16);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    /** Unmeasured load first: until the JIT has compiled the write path, a third of the CPU goes to compiling. */
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 30);
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        new LedgerWriteBenchmark().measure();
        System.exit(0);
    }

    private void measure() throws Exception {
        if (Boolean.getBoolean("bench.storeOnly")) {
            storeRate();
            return;
        }
        if (adminPassword == null) {
            throw new IllegalArgumentException("set -Dbench.adminPassword to the running system's admin password");
        }
        String admin = token("admin", adminPassword);
        String finance = user(admin, "keuangan." + run, "FINANCE_OFFICER", null);
        List<String> codes = villageCodes(admin, allocations + 1);
        // One program per regency (kabupaten), as each regency funds its own villages: at national scale the
        // allocations spread over some 500 programs instead of queueing on one program's ceiling.
        Map<String, List<String>> byRegency = codes.stream().collect(Collectors.groupingBy(LedgerWriteBenchmark::regency,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, String> programOf = new ConcurrentHashMap<>();
        parallel(List.copyOf(byRegency.keySet()), regency -> programOf.put(regency, post(finance,
                budget + "/api/budget/programs", Map.of("fiscalYear", FISCAL_YEAR, "name", "Bench " + run + " " + regency,
                        "ceiling", AMOUNT_PER_ALLOCATION * byRegency.get(regency).size(), "fundingSource", "PBK",
                        "activityCode", "1.4.08")).get("id").asString()));

        Instant started = Instant.now();
        Map<String, String> allocationOf = new ConcurrentHashMap<>();
        parallel(codes, code -> {
            allocationOf.put(code, post(finance, budget + "/api/budget/programs/" + programOf.get(regency(code))
                    + "/allocations", Map.of("villageCode", code, "amount", AMOUNT_PER_ALLOCATION)).get("id").asString());
            if (allocationOf.size() % 10_000 == 0) {
                System.out.printf("setup: %d allocations after %.0f s%n", allocationOf.size(),
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
            }
        });
        System.out.printf("setup: %d allocations in %d programs in %.1f s%n", codes.size(), programOf.size(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0);

        List<String[]> spenders = new ArrayList<>();
        for (String code : codes.subList(0, heads)) {
            spenders.add(new String[] {allocationOf.get(code), user(admin, "kades." + run + "." + code, "VILLAGE_HEAD", code)});
        }
        String probeCode = codes.get(codes.size() - 1);
        String[] probe = {allocationOf.get(probeCode), user(admin, "kades." + run + ".probe", "VILLAGE_HEAD", probeCode)};

        // Through the gateway, which warms both it and budget-service.
        load("warm-up", gateway, spenders, probe, probeCode, admin, warmupSeconds);
        System.out.printf("%n%-8s %10s %9s %9s %9s %11s %11s%n", "target", "writes/s", "p50 ms", "p99 ms", "errors",
                "lag p50 ms", "lag p99 ms");
        for (String target : List.of(budget, gateway)) {
            load(target == budget ? "direct" : "gateway", target, spenders, probe, probeCode, admin, seconds);
        }
        storeRate();
    }

    private void load(String name, String target, List<String[]> spenders, String[] probe, String probeCode,
            String admin, int seconds) throws InterruptedException {
        Recorder latency = new Recorder(3);
        Recorder lag = new Recorder(3);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency + 1);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    String[] spender = spenders.get(ThreadLocalRandom.current().nextInt(spenders.size()));
                    long start = System.nanoTime();
                    int status = spend(target, spender);
                    if (status == 201) {
                        latency.recordValue((System.nanoTime() - start) / 1000);
                        ok.increment();
                    } else {
                        errors.increment();
                    }
                }
            });
        }
        AtomicLong probeSpent = new AtomicLong(villageSpent(probeCode, admin));
        clients.submit(() -> {
            while (System.nanoTime() < end) {
                if (spend(target, probe) == 201) {
                    long acknowledged = System.nanoTime();
                    long expected = probeSpent.incrementAndGet();
                    while (villageSpent(probeCode, admin) < expected && System.nanoTime() - acknowledged < 30_000_000_000L) {
                        sleep(2);
                    }
                    lag.recordValue((System.nanoTime() - acknowledged) / 1000);
                }
                sleep(200);
            }
        });
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        Histogram writes = latency.getIntervalHistogram();
        Histogram lags = lag.getIntervalHistogram();
        if (name.equals("warm-up")) {
            System.out.printf("warm-up: %d s, %d writes%n", seconds, ok.sum());
            return;
        }
        System.out.printf("%-8s %10.0f %9.1f %9.1f %9d %11.1f %11.1f%n", name, ok.sum() / (double) seconds,
                writes.getValueAtPercentile(50) / 1000.0, writes.getValueAtPercentile(99) / 1000.0, errors.sum(),
                lags.getValueAtPercentile(50) / 1000.0, lags.getValueAtPercentile(99) / 1000.0);
    }

    /**
     * The store commands one spending write needs, straight through the driver with as many clients: read the
     * allocation's entry and the account by _id, compare-and-set the account, insert the entry, pull it from the
     * account's outbox.
     */
    private void storeRate() throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            var database = client.getDatabase("bench_store_rate_" + run);
            MongoCollection<Document> accounts = database.getCollection("accounts");
            MongoCollection<Document> entries = database.getCollection("entries");
            accounts.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
            accounts.createIndex(Indexes.ascending("unpublished"), new IndexOptions().unique(true).sparse(true));
            List<Document> seed = new ArrayList<>();
            for (int i = 0; i < allocations; i++) {
                seed.add(new Document("_id", "a" + i).append("revision", 0L).append("pending", List.of()));
                if (seed.size() == 1000 || i == allocations - 1) {
                    accounts.insertMany(seed);
                    entries.insertMany(seed.stream().map(d -> new Document("_id", "e" + d.getString("_id"))).toList());
                    seed.clear();
                }
            }
            LongAdder writes = new LongAdder();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService clients = Executors.newFixedThreadPool(concurrency);
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        String id = "a" + ThreadLocalRandom.current().nextInt(Math.min(heads, allocations));
                        entries.find(Filters.eq("_id", "e" + id)).first();
                        Document account = accounts.find(Filters.eq("_id", id)).first();
                        String entryId = java.util.UUID.randomUUID().toString();
                        Document entry = new Document("_id", entryId).append("amount", 1L).append("key", id);
                        // A plain document, not Filters.and: the driver renders that as $and, which the embedded
                        // store answers by scanning the collection instead of using the {_id, revision} index.
                        if (accounts.findOneAndUpdate(new Document("_id", id).append("revision",
                                account.getLong("revision")), Updates.combine(
                                Updates.inc("revision", 1L), Updates.push("pending", entry),
                                Updates.set("unpublished", id))) == null) {
                            continue;
                        }
                        entries.insertOne(entry);
                        accounts.updateOne(Filters.eq("_id", id), Updates.combine(
                                Updates.pull("pending", new Document("_id", entryId)), Updates.unset("unpublished")));
                        writes.increment();
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            database.drop();
            System.out.printf("store    %10.0f   (the same five commands per write, %d clients, no HTTP, no Kafka)%n",
                    writes.sum() / (double) seconds, concurrency);
        }
    }

    private int spend(String target, String[] spender) {
        try {
            HttpResponse<String> response = http.send(request(spender[1], target + "/api/budget/allocations/"
                    + spender[0] + "/spending", Map.of("amount", 1, "spentOn", "2026-03-02", "category", "DATA",
                    "description", "bench")), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private long villageSpent(String code, String admin) {
        JsonNode village = get(admin, this.village + "/api/villages/" + code);
        for (JsonNode year : village.path("budget")) {
            if (year.path("fiscalYear").asInt() == FISCAL_YEAR) {
                return year.path("spent").asLong();
            }
        }
        return 0;
    }

    private List<String> villageCodes(String admin, int count) {
        List<String> codes = new ArrayList<>();
        for (int page = 0; codes.size() < count; page++) {
            JsonNode list = get(admin, gateway + "/api/villages?size=500&page=" + page);
            if (list.path("items").isEmpty()) {
                throw new IllegalStateException("only " + codes.size() + " villages are registered; import more");
            }
            list.path("items").forEach(v -> {
                if (codes.size() < count && "ACTIVE".equals(v.path("status").asString())) {
                    codes.add(v.path("code").asString());
                }
            });
        }
        return codes;
    }

    private String user(String admin, String username, String role, String villageCode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password",
                username + "-pw-" + run, "role", role));
        if (villageCode != null) {
            body.put("villageCode", villageCode);
        }
        post(admin, gateway + "/api/auth/users", body);
        return token(username, username + "-pw-" + run);
    }

    private String token(String username, String password) {
        return post(null, gateway + "/api/auth/token", Map.of("username", username, "password", password))
                .get("access_token").asString();
    }

    private JsonNode post(String token, String url, Object body) {
        return send(request(token, url, body));
    }

    private JsonNode get(String token, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpRequest request(String token, String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return token == null ? request.build() : request.header("Authorization", "Bearer " + token).build();
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                        + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The regency (kabupaten) part of a Kemendagri village code: 33.03.01.2001 is in 33.03. */
    private static String regency(String villageCode) {
        return villageCode.substring(0, 5);
    }

    private static void parallel(List<String> items, java.util.function.Consumer<String> work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        items.forEach(item -> pool.submit(() -> work.accept(item)));
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
