package id.desadigital.budget.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's reads on a large ledger (made by {@link NationalLedgerGenerator}), on a running stack: one village's
 * history page (p50, p99), through the gateway and directly to budget-service; the realization report by district
 * for a whole province; and the verification of every chain. Not a test: run it as docs/audit.md says.
 */
public final class AuditBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = System.getProperty("bench.gateway", "http://localhost:8080");
    private final String budget = System.getProperty("bench.budget", "http://localhost:8082");
    private final String mongoUri = System.getProperty("bench.mongo", "mongodb://localhost:27017");
    private final String adminPassword = System.getProperty("bench.adminPassword");
    /** Clients reading history pages at once: one is an auditor's pace, more saturate this machine. */
    private final List<Integer> concurrencies = Arrays.stream(System.getProperty("bench.concurrency", "1,4").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 20);
    private final int reportRuns = Integer.getInteger("bench.reportRuns", 10);
    private final String report = System.getProperty("bench.report",
            "/api/budget/reports/realization?fiscalYear=2026&groupBy=district&provinceCode=33");
    private final boolean verify = Boolean.parseBoolean(System.getProperty("bench.verify", "true"));

    public static void main(String[] args) throws Exception {
        new AuditBenchmark().measure();
        System.exit(0);
    }

    private void measure() throws Exception {
        if (adminPassword == null) {
            throw new IllegalArgumentException("-Dbench.adminPassword=... (the stack's ADMIN_PASSWORD) is required");
        }
        String admin = token("admin", adminPassword);
        String username = "bench-auditor-" + Long.toString(System.currentTimeMillis(), 36);
        String password = "bench-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        send(request(admin, gateway + "/api/auth/users", Map.of("username", username, "password", password,
                "role", "AUDITOR")), 201);
        String auditor = token(username, password);
        List<String> villages = villagesWithAccounts();
        System.out.printf("%,d villages with an account%n", villages.size());

        history("warm-up", gateway, auditor, villages, concurrencies.get(concurrencies.size() - 1), warmupSeconds, false);
        for (int concurrency : concurrencies) {
            history("history page, direct", budget, auditor, villages, concurrency, seconds, true);
            history("history page, gateway", gateway, auditor, villages, concurrency, seconds, true);
        }
        timed("realization " + report, gateway + report, auditor, reportRuns);
        if (verify) {
            timed("verify every chain", gateway + "/api/budget/ledger/verify", auditor, 1);
        }
    }

    private void history(String name, String base, String auditor, List<String> villages, int concurrency,
            int duration, boolean print) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder failures = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    String code = villages.get(ThreadLocalRandom.current().nextInt(villages.size()));
                    long start = System.nanoTime();
                    try {
                        JsonNode page = send(request(auditor, base + "/api/budget/ledger?villageCode=" + code, null), 200);
                        if (page.get("items").isEmpty()) {
                            failures.increment();
                        }
                        recorder.recordValue((System.nanoTime() - start) / 1_000);
                    } catch (RuntimeException e) {
                        failures.increment();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(duration + 60L, TimeUnit.SECONDS);
        Histogram histogram = recorder.getIntervalHistogram();
        if (print) {
            System.out.printf("%s: %,d pages in %d s (%,.0f/s) with %d clients, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                            + " %d failed or empty%n", name, histogram.getTotalCount(), duration,
                    histogram.getTotalCount() / (double) duration, concurrency,
                    histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0, failures.sum());
        }
    }

    private void timed(String name, String url, String auditor, int runs) {
        List<Long> millis = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = send(request(auditor, url, null), 200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(Long::compare);
        String answer = last.isArray() ? last.size() + " rows" : last.toString();
        System.out.printf("%s: %d runs, median %d ms, max %d ms; %s%n", name, runs, millis.get(runs / 2),
                millis.get(runs - 1), answer.length() > 300 ? answer.substring(0, 300) + "..." : answer);
    }

    private List<String> villagesWithAccounts() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            List<String> codes = new ArrayList<>();
            client.getDatabase("budget").getCollection("village_accounts").find()
                    .projection(new Document("_id", 1)).forEach(document -> codes.add(document.getString("_id")));
            return codes;
        }
    }

    private String token(String username, String password) {
        return send(request(null, gateway + "/api/auth/token", Map.of("username", username, "password", password)),
                200).get("access_token").asString();
    }

    private HttpRequest request(String token, String url, Object body) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return body == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> "
                        + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
