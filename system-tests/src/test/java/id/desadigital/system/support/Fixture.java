package id.desadigital.system.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

/**
 * What every system test starts from, made through the API as its users would: three desa of Purbalingga imported,
 * one user per role (two village heads: of village A and of village B), a 2026 program with an allocation to A and to
 * B, and one spending from each.
 */
public final class Fixture {

    public static final String VILLAGE_A = "33.03.01.2001";
    public static final String VILLAGE_B = "33.03.01.2002";
    /** Takes head and status changes, so that A and B stay as the budget tests need them. */
    public static final String VILLAGE_C = "33.03.01.2003";
    public static final int FISCAL_YEAR = 2026;
    public static final String CSV = """
            code,name,district_code,district_name,regency_code,regency_name,province_code,province_name
            33.03.01.2001,Kedungbenda,33.03.01,Kemangkon,33.03,Purbalingga,33,Jawa Tengah
            33.03.01.2002,Sumilir,33.03.01,Kemangkon,33.03,Purbalingga,33,Jawa Tengah
            33.03.01.2003,Pelumutan,33.03.01,Kemangkon,33.03,Purbalingga,33,Jawa Tengah
            """;
    /** Numbers the programs made, so that each has a name of its own that reads like one in the pages. */
    private static final AtomicInteger PROGRAMS = new AtomicInteger();

    private final RunningStack stack;
    private final Map<Who, String> tokens;
    private final Map<Who, String> usernames;
    private final String programId;
    private final String allocationA;
    private final String allocationB;
    private final String spendingA;
    private final String spendingB;

    private Fixture(RunningStack stack, Map<Who, String> tokens, Map<Who, String> usernames, String programId,
            String allocationA, String allocationB, String spendingA, String spendingB) {
        this.stack = stack;
        this.tokens = tokens;
        this.usernames = usernames;
        this.programId = programId;
        this.allocationA = allocationA;
        this.allocationB = allocationB;
        this.spendingA = spendingA;
        this.spendingB = spendingB;
    }

    static Fixture create(RunningStack stack) {
        String gateway = stack.gateway();
        String admin = Api.signIn(gateway, "admin", RunningStack.ADMIN_PASSWORD);
        Api.Answer imported = Api.send("POST", gateway + "/api/villages/import", admin, CSV, "text/csv");
        if (imported.status() != 200) {
            throw new AssertionError("import answered " + imported);
        }
        Map<Who, String> tokens = new EnumMap<>(Who.class);
        Map<Who, String> usernames = new EnumMap<>(Who.class);
        tokens.put(Who.ADMIN, admin);
        usernames.put(Who.ADMIN, "admin");
        for (Who who : Who.values()) {
            if (who.role() == null || who == Who.ADMIN) {
                continue;
            }
            String username = who.name().toLowerCase().replace('_', '-');
            String village = who == Who.HEAD_OWN ? VILLAGE_A : who == Who.HEAD_OTHER ? VILLAGE_B : null;
            Map<String, Object> user = new java.util.HashMap<>(Map.of("username", username,
                    "password", password(username), "role", who.role()));
            if (village != null) {
                user.put("villageCode", village);
            }
            Api.ok("POST", gateway + "/api/auth/users", admin, user);
            tokens.put(who, Api.signIn(gateway, username, password(username)));
            usernames.put(who, username);
        }
        String officer = tokens.get(Who.FINANCE_OFFICER);
        String programId = program(gateway, officer, 1_000_000_000L);
        String allocationA = allocate(gateway, officer, programId, VILLAGE_A, 10_000_000L);
        String allocationB = allocate(gateway, officer, programId, VILLAGE_B, 10_000_000L);
        String spendingA = spend(gateway, tokens.get(Who.HEAD_OWN), allocationA, 1_000L);
        String spendingB = spend(gateway, tokens.get(Who.HEAD_OTHER), allocationB, 1_000L);
        return new Fixture(stack, tokens, usernames, programId, allocationA, allocationB, spendingA, spendingB);
    }

    public static String password(String username) {
        return username + "-pass-" + "7f3a";
    }

    public static String program(String gateway, String officer, long ceiling) {
        return Api.ok("POST", gateway + "/api/budget/programs", officer, Map.of("fiscalYear", FISCAL_YEAR,
                "name", "Sistem Informasi Desa " + FISCAL_YEAR + ", tahap " + PROGRAMS.incrementAndGet(), "ceiling",
                ceiling, "fundingSource", "PBK",
                "activityCode", "1.4.08")).path("id").asString();
    }

    /** Allocates once budget-service has learnt the village from village-events (until then it answers 422). */
    public static String allocate(String gateway, String officer, String programId, String village, long amount) {
        AtomicReference<JsonNode> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Answer answer = Api.send("POST", gateway + "/api/budget/programs/" + programId + "/allocations",
                    officer, Map.of("villageCode", village, "amount", amount, "note", "system test"));
            if (answer.status() == 201) {
                created.set(answer.json());
                return true;
            }
            if (answer.status() != 422) {
                throw new AssertionError("allocation answered " + answer);
            }
            return false;
        });
        return created.get().path("id").asString();
    }

    public static String spend(String gateway, String head, String allocationId, long amount) {
        return Api.ok("POST", gateway + "/api/budget/allocations/" + allocationId + "/spending", head,
                Map.of("amount", amount, "spentOn", FISCAL_YEAR + "-03-02", "category", "CONNECTIVITY",
                        "description", "Internet desa, Maret", "vendor", "PT Telkom", "receiptNo", "INV-1"))
                .path("id").asString();
    }

    public String token(Who who) {
        return tokens.get(who);
    }

    public String username(Who who) {
        return usernames.get(who);
    }

    public String gateway() {
        return stack.gateway();
    }

    public String programId() {
        return programId;
    }

    public String allocationA() {
        return allocationA;
    }

    public String allocationB() {
        return allocationB;
    }

    public String spendingA() {
        return spendingA;
    }

    public String spendingB() {
        return spendingB;
    }
}
