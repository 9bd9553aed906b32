package id.desadigital.system.access;

import static id.desadigital.system.access.Endpoint.anyone;
import static id.desadigital.system.access.Endpoint.budget;
import static id.desadigital.system.access.Endpoint.gateway;
import static id.desadigital.system.access.Endpoint.only;
import static id.desadigital.system.access.Endpoint.signedIn;
import static id.desadigital.system.access.Endpoint.village;
import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static id.desadigital.system.support.Fixture.VILLAGE_A;
import static id.desadigital.system.support.Fixture.VILLAGE_C;
import static id.desadigital.system.support.Who.ADMIN;
import static id.desadigital.system.support.Who.AUDITOR;
import static id.desadigital.system.support.Who.FINANCE_OFFICER;
import static id.desadigital.system.support.Who.HEAD_OWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.desadigital.system.access.Endpoint.Call;
import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The role × endpoint matrix of API.md, every caller against every endpoint, through the gateway and again straight
 * to the service behind it (which must refuse on its own what the gateway refuses). A village head meets each
 * village-scoped endpoint about their own village and about another's. Behind every refusal nothing changed.
 */
@ExtendWith(StackExtension.class)
class AccessMatrixIT {

    private static final String CSV_TYPE = "text/csv";
    /** Daemon threads: they end with the test JVM, however the suite ends. */
    private static final ExecutorService STATE_READERS = Executors.newFixedThreadPool(8, read -> {
        Thread thread = new Thread(read, "state-reader");
        thread.setDaemon(true);
        return thread;
    });

    static List<Endpoint> endpoints() {
        return List.of(
                gateway("who am I", "GET", f -> Call.of("/api/auth/me"), signedIn(200)),
                gateway("create a user", "POST", f -> new Call("/api/auth/users", Map.of("username",
                        "user-" + UUID.randomUUID(), "password", "a-long-password-1", "role", "AUDITOR")),
                        only(201, ADMIN)),
                gateway("list users", "GET", f -> Call.of("/api/auth/users?size=10"), only(200, ADMIN)),
                gateway("set a user's password", "PUT", f -> new Call("/api/auth/users/" + throwawayUser(f)
                        + "/password", Map.of("password", "another-long-password-2")), only(204, ADMIN)),
                gateway("disable a user", "PUT", f -> new Call("/api/auth/users/" + throwawayUser(f) + "/status",
                        Map.of("enabled", false)), only(200, ADMIN)),
                village("import villages", "POST", f -> new Call("/api/villages/import", Fixture.CSV), only(200, ADMIN)),
                village("list villages", "GET", f -> Call.of("/api/villages?regencyCode=33.03&q=sumi"), signedIn(200)),
                village("read a village", "GET", f -> Call.of("/api/villages/" + VILLAGE_A), signedIn(200)),
                village("a village's history", "GET", f -> Call.of("/api/villages/" + VILLAGE_A + "/history"),
                        signedIn(200)),
                village("list districts", "GET", f -> Call.of("/api/districts?regencyCode=33.03"), signedIn(200)),
                village("assign a head", "PUT", f -> new Call("/api/villages/" + VILLAGE_C + "/head",
                        Map.of("name", "Kepala " + UUID.randomUUID(), "since", FISCAL_YEAR + "-01-02")), only(200, ADMIN)),
                village("change a status", "PUT", f -> new Call("/api/villages/" + VILLAGE_C + "/status",
                        Map.of("status", "ACTIVE", "reason", "system test")), only(200, ADMIN)),
                budget("create a program", "POST", f -> new Call("/api/budget/programs", Map.of("fiscalYear",
                        FISCAL_YEAR, "name", "Program " + UUID.randomUUID(), "ceiling", 5_000_000, "fundingSource", "ADD",
                        "activityCode", "1.4.08")), only(201, FINANCE_OFFICER)),
                budget("list programs", "GET", f -> Call.of("/api/budget/programs?fiscalYear=" + FISCAL_YEAR),
                        signedIn(200)),
                budget("read a program", "GET", f -> Call.of("/api/budget/programs/" + f.programId()), signedIn(200)),
                budget("revise a ceiling", "POST", f -> new Call("/api/budget/programs/" + freshProgram(f)
                        + "/revisions", Map.of("ceiling", 2_000_000, "reason", "APBD perubahan")), only(200, FINANCE_OFFICER)),
                budget("close a program", "POST", f -> new Call("/api/budget/programs/" + freshProgram(f) + "/close",
                        Map.of()), only(200, FINANCE_OFFICER)),
                budget("allocate", "POST", f -> new Call("/api/budget/programs/" + freshProgram(f) + "/allocations",
                        Map.of("villageCode", VILLAGE_C, "amount", 1_000, "note", "system test")), only(201, FINANCE_OFFICER)),
                budget("adjust an allocation", "POST", f -> new Call("/api/budget/allocations/" + f.allocationA()
                        + "/adjustments", Map.of("delta", 1, "reason", "system test")), only(200, FINANCE_OFFICER)),
                budget("list a program's allocations", "GET", f -> Call.of("/api/budget/allocations?programId="
                        + f.programId()), signedIn(200)),
                budget("list a village's allocations", "GET", f -> Call.of("/api/budget/allocations?villageCode="
                        + VILLAGE_A), only(200, ADMIN, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("read an allocation", "GET", f -> Call.of("/api/budget/allocations/" + f.allocationA()),
                        only(200, ADMIN, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("report spending", "POST", f -> new Call("/api/budget/allocations/" + f.allocationA()
                        + "/spending", spending()), only(201, HEAD_OWN)),
                budget("reverse a spending", "POST", f -> new Call("/api/budget/spending/" + freshSpending(f)
                        + "/reversal", Map.of("reason", "salah input")), only(201, HEAD_OWN, FINANCE_OFFICER)),
                budget("read a spending", "GET", f -> Call.of("/api/budget/spending/" + f.spendingA()),
                        only(200, ADMIN, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("a village's summary", "GET", f -> Call.of("/api/budget/villages/" + VILLAGE_A
                        + "/summary?fiscalYear=" + FISCAL_YEAR), only(200, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("a village's summary as of an instant", "GET", f -> Call.of("/api/budget/villages/" + VILLAGE_A
                        + "/summary?fiscalYear=" + FISCAL_YEAR + "&asOf=" + Instant.now()),
                        only(200, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("a program as of an instant", "GET", f -> Call.of("/api/budget/programs/" + f.programId()
                        + "?asOf=" + Instant.now()), signedIn(200)),
                budget("a village's ledger", "GET", f -> Call.of("/api/budget/ledger?villageCode=" + VILLAGE_A),
                        only(200, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("a village's ledger as CSV", "GET", f -> Call.csv("/api/budget/ledger?villageCode="
                        + VILLAGE_A), only(200, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("the whole ledger", "GET", f -> Call.of("/api/budget/ledger?size=10"),
                        only(200, FINANCE_OFFICER, AUDITOR)),
                budget("verify the ledger", "GET", f -> Call.of("/api/budget/ledger/verify"), only(200, AUDITOR)),
                budget("realization by district", "GET", f -> Call.of("/api/budget/reports/realization?fiscalYear="
                        + FISCAL_YEAR + "&groupBy=district"), only(200, FINANCE_OFFICER, AUDITOR)),
                budget("a village's semester report", "GET", f -> Call.csv("/api/budget/villages/" + VILLAGE_A
                        + "/reports/realization?fiscalYear=" + FISCAL_YEAR + "&semester=1"),
                        only(200, FINANCE_OFFICER, HEAD_OWN, AUDITOR)),
                budget("public realization", "GET", f -> Call.of("/api/public/realization?fiscalYear=" + FISCAL_YEAR
                        + "&groupBy=village"), anyone(200)),
                budget("the Fiscal Data Package", "GET", f -> Call.of("/api/public/fiscal-data/" + FISCAL_YEAR
                        + "/datapackage.json"), anyone(200)));
    }

    static Stream<Arguments> throughTheGateway() {
        return endpoints().stream().flatMap(endpoint -> Stream.of(Who.values())
                .filter(who -> !refusedWrite(endpoint, who))
                .map(who -> Arguments.of(endpoint, who)));
    }

    static Stream<Arguments> straightToTheService() {
        return endpoints().stream().filter(endpoint -> endpoint.service() != null)
                .flatMap(endpoint -> Stream.of(Who.values())
                        .filter(who -> !refusedWrite(endpoint, who))
                        .map(who -> Arguments.of(endpoint, who)));
    }

    /** Each write that somebody is refused, at the gateway and, where a service owns it, at the service. */
    static Stream<Arguments> refusedWrites() {
        return endpoints().stream()
                .filter(endpoint -> Stream.of(Who.values()).anyMatch(who -> refusedWrite(endpoint, who)))
                .flatMap(endpoint -> endpoint.service() == null ? Stream.of(Arguments.of(endpoint, Door.GATEWAY))
                        : Stream.of(Arguments.of(endpoint, Door.GATEWAY), Arguments.of(endpoint, Door.SERVICE)));
    }

    @ParameterizedTest(name = "{0}, as {1}")
    @MethodSource("throughTheGateway")
    void throughTheGateway(Endpoint endpoint, Who who, Fixture fixture, RunningStack stack) {
        Call call = endpoint.prepare().apply(fixture);
        assertAnswer(endpoint, who, call, send(endpoint, who, call, fixture, Door.GATEWAY.base(endpoint, stack)));
    }

    @ParameterizedTest(name = "{0}, as {1}")
    @MethodSource("straightToTheService")
    void straightToTheService(Endpoint endpoint, Who who, Fixture fixture, RunningStack stack) {
        Call call = endpoint.prepare().apply(fixture);
        assertAnswer(endpoint, who, call, send(endpoint, who, call, fixture, Door.SERVICE.base(endpoint, stack)));
    }

    /**
     * Everyone a write refuses, one after another, and then a look at everything they could have changed. One look
     * for all of an endpoint's refusals rather than one per caller: the look reads a dozen resources, and the
     * refusals are most of the matrix. A change behind any of them still fails the case; the callers are named.
     */
    @ParameterizedTest(name = "{0}, refused at the {1}: nothing changed")
    @MethodSource("refusedWrites")
    void refusedWritesChangeNothing(Endpoint endpoint, Door door, Fixture fixture, RunningStack stack) {
        List<Who> refused = Stream.of(Who.values()).filter(who -> refusedWrite(endpoint, who)).toList();
        // Prepared first: preparing may itself write (a fresh program to close, a user to disable).
        Map<Who, Call> calls = new EnumMap<>(Who.class);
        refused.forEach(who -> calls.put(who, endpoint.prepare().apply(fixture)));
        String before = state(fixture);

        SoftAssertions softly = new SoftAssertions();
        calls.forEach((who, call) -> softly.check(() ->
                assertAnswer(endpoint, who, call, send(endpoint, who, call, fixture, door.base(endpoint, stack)))));
        softly.assertAll();
        assertThat(state(fixture)).as("nothing changed behind the refusals of %s to %s", refused, endpoint)
                .isEqualTo(before);
    }

    /** The services' OpenAPI documents (docs/api-reference.md): the integrators' reference, public at the gateway. */
    @Test
    void theApiDocumentsArePublicThroughTheGateway(RunningStack stack) {
        Map<String, String> documents = Map.of("/api/villages/v3/api-docs", "/api/villages/{code}",
                "/api/budget/v3/api-docs", "/api/budget/allocations/{allocationId}/spending");
        documents.forEach((path, onePath) -> {
            Api.Answer answer = Api.get(stack.gateway() + path, null);
            assertThat(answer.status()).as("GET %s without a token: %s", path, answer).isEqualTo(200);
            JsonNode document = answer.json();
            assertThat(document.path("openapi").asString()).as("%s: openapi", path).startsWith("3.");
            assertThat(document.path("paths").has(onePath)).as("%s: paths has %s", path, onePath).isTrue();
        });
    }

    /** A GET is safe by HTTP's contract (and none of ours writes), so only a refused write needs the look. */
    private static boolean refusedWrite(Endpoint endpoint, Who who) {
        return endpoint.expected().get(who) >= 400 && !endpoint.method().equals("GET");
    }

    private static Api.Answer send(Endpoint endpoint, Who who, Call call, Fixture fixture, String base) {
        return call.body() instanceof String csv
                ? Api.send(endpoint.method(), base + call.path(), fixture.token(who), csv, CSV_TYPE)
                : call.accept() != null
                        ? Api.send(endpoint.method(), base + call.path(), fixture.token(who), null, null, call.accept())
                        : Api.send(endpoint.method(), base + call.path(), fixture.token(who), call.body());
    }

    private static void assertAnswer(Endpoint endpoint, Who who, Call call, Api.Answer answer) {
        int expected = endpoint.expected().get(who);
        assertThat(answer.status()).as("%s %s as %s: %s", endpoint.method(), call.path(), who, answer)
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.isProblem()).as("a refusal is problem+json: %s", answer).isTrue();
            assertThat(answer.json().path("status").asInt()).isEqualTo(expected);
        }
    }

    /** What a refused request could have changed, read as a finance officer and an admin see it. */
    private static String state(Fixture fixture) {
        String gateway = fixture.gateway();
        String officer = fixture.token(FINANCE_OFFICER);
        String admin = fixture.token(ADMIN);
        List<Supplier<String>> parts = new ArrayList<>();
        parts.add(() -> Api.ok("GET", gateway + "/api/budget/programs?size=500&fiscalYear=" + FISCAL_YEAR, officer,
                null).toString());
        parts.add(() -> Api.ok("GET", gateway + "/api/budget/allocations?size=500&programId=" + fixture.programId(),
                officer, null).toString());
        for (String code : List.of(VILLAGE_A, Fixture.VILLAGE_B, VILLAGE_C)) {
            parts.add(() -> Api.ok("GET", gateway + "/api/budget/villages/" + code + "/summary?fiscalYear="
                    + FISCAL_YEAR, officer, null).toString());
            parts.add(() -> {
                // Without its budget figures, which follow the ledger asynchronously from Kafka.
                ObjectNode village = (ObjectNode) Api.ok("GET", gateway + "/api/villages/" + code, admin, null);
                village.remove("budget");
                return village.toString();
            });
            parts.add(() -> Api.ok("GET", gateway + "/api/villages/" + code + "/history", admin, null).toString());
        }
        parts.add(() -> Api.ok("GET", gateway + "/api/budget/spending/" + fixture.spendingA(), officer, null)
                .toString());
        parts.add(() -> Api.ok("GET", gateway + "/api/auth/users?size=500", admin, null).toString());
        // Read at once rather than one after another: they are independent.
        List<CompletableFuture<String>> reads = parts.stream()
                .map(read -> CompletableFuture.supplyAsync(read, STATE_READERS)).toList();
        return reads.stream().map(CompletableFuture::join).collect(Collectors.joining("\n"));
    }

    private static String freshProgram(Fixture fixture) {
        return Fixture.program(fixture.gateway(), fixture.token(FINANCE_OFFICER), 1_000_000);
    }

    /** An account made for one request, so that changing it leaves the fixture's users as they are. */
    private static String throwawayUser(Fixture fixture) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Api.ok("POST", fixture.gateway() + "/api/auth/users", fixture.token(ADMIN),
                Map.of("username", username, "password", "a-long-password-1", "role", "AUDITOR"));
        return username;
    }

    private static String freshSpending(Fixture fixture) {
        return Fixture.spend(fixture.gateway(), fixture.token(HEAD_OWN), fixture.allocationA(), 1);
    }

    private static Map<String, Object> spending() {
        return Map.of("amount", 1, "spentOn", FISCAL_YEAR + "-03-03", "category", "DATA", "description",
                "Paket data", "vendor", "Toko Sinar", "receiptNo", "R-" + UUID.randomUUID());
    }

    /** Where a call goes in: the gateway, or straight to the service behind it, which must refuse on its own. */
    enum Door {
        GATEWAY, SERVICE;

        String base(Endpoint endpoint, RunningStack stack) {
            if (this == GATEWAY) {
                return stack.gateway();
            }
            return endpoint.service() == Endpoint.Service.VILLAGE ? stack.villageService() : stack.budgetService();
        }

        @Override
        public String toString() {
            return this == GATEWAY ? "gateway" : "service";
        }
    }
}
