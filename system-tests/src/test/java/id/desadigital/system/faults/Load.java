package id.desadigital.system.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Patient clients writing side by side, each on a thread of its own, until stopped. */
final class Load implements AutoCloseable {

    private final List<PatientClient> clients;
    private final Map<String, LongAdder> repeatedBecause;
    private final ExecutorService threads;

    private Load(List<PatientClient> clients, Map<String, LongAdder> repeatedBecause) {
        this.clients = List.copyOf(clients);
        this.repeatedBecause = repeatedBecause;
        this.threads = Executors.newFixedThreadPool(clients.size());
        this.clients.forEach(threads::execute);
    }

    /** Starts clients made with the tally they share of why attempts were repeated. */
    static Load start(Function<Map<String, LongAdder>, List<PatientClient>> clients) {
        Map<String, LongAdder> repeatedBecause = new ConcurrentHashMap<>();
        return new Load(clients.apply(repeatedBecause), repeatedBecause);
    }

    /**
     * Waits until every client had {@code more} writes answered for good since now: the system answers all of them
     * again, through the gateway and directly.
     */
    void awaitEveryClientAnswered(int more, Duration within, String why) {
        Map<PatientClient, Integer> before = clients.stream()
                .collect(Collectors.toMap(client -> client, client -> client.answered().size()));
        await(why).atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            failIfAnyFailed();
            return clients.stream().allMatch(client -> client.answered().size() >= before.get(client) + more);
        });
    }

    /** How many clients are waiting for an answer now. */
    long inFlight() {
        return clients.stream().filter(PatientClient::sending).count();
    }

    /** Stops every client once the write it is on is answered for good. */
    void stop(Duration within) {
        clients.forEach(PatientClient::stop);
        threads.shutdown();
        await("every client's last write answered for good").atMost(within).pollInterval(Duration.ofMillis(250))
                .until(threads::isTerminated);
        failIfAnyFailed();
    }

    /** Ends the clients at once (a test that failed half way): no write of theirs is waited for. */
    @Override
    public void close() {
        clients.forEach(PatientClient::stop);
        threads.shutdownNow();
    }

    List<PatientClient> clients() {
        return clients;
    }

    List<PatientClient.Answered> answered() {
        return clients.stream().flatMap(client -> client.answered().stream()).toList();
    }

    /** Why attempts were sent again, most frequent first: {@code 'HTTP 503' × 12, ...}. */
    String repeatedBecause() {
        return repeatedBecause.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(
                        (a, b) -> Long.compare(b.sum(), a.sum())))
                .map(entry -> "'" + entry.getKey() + "' × " + entry.getValue().sum())
                .collect(Collectors.joining(", "));
    }

    private void failIfAnyFailed() {
        for (PatientClient client : clients) {
            client.failure().ifPresent(failure -> {
                throw new AssertionError("client " + client.name() + " failed: " + failure.getMessage(), failure);
            });
        }
    }
}
