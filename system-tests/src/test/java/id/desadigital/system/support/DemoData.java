package id.desadigital.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.awaitility.Awaitility;

/**
 * A regency's year for the screenshots of the web pages (docs/screenshots/): two desa in each of Purbalingga's 18
 * districts, an allocation to each, and spending that differs from district to district. Made only when screenshots
 * are taken, through the API as its users would, on top of the fixture.
 *
 * <p>The villages come from the Kemendagri area list of the regency, read at run time from the file named by the
 * system property {@value #VILLAGES_PROPERTY} (default: {@code ../shared/data/wilayah/purbalingga.csv} beside the
 * repository, else {@code /work/shared/data/wilayah/purbalingga.csv}); the list itself is not part of the
 * repository. The first two desa of each district are taken, leaving out the fixture's own villages.
 */
public final class DemoData {

    /** The CSV of the regency's villages, in the import's columns (API.md: POST /api/villages/import). */
    public static final String VILLAGES_PROPERTY = "demo.villages";
    private static final String FILE = "shared/data/wilayah/purbalingga.csv";
    private static final int PER_DISTRICT = 2;
    private static final long INTERNET = 6_000_000L;
    private static final long WEBSITE = 3_500_000L;
    private static final List<String> CATEGORIES = List.of("CONNECTIVITY", "HARDWARE", "WEBSITE", "TRAINING", "DATA");
    /** Spreads close district codes far apart (Fibonacci hashing), for paces from 15 to 95 %. */
    private static final int GOLDEN = 0x9E3779B9;
    /** The same pictures on every run. */
    private static final long SEED = 2026;

    private DemoData() {
    }

    private static boolean created;

    /**
     * When this run takes screenshots, the demo data, made once for the run (before the first picture that shows
     * figures); otherwise nothing.
     */
    public static synchronized void forScreenshots(Fixture fixture) {
        if (Browser.takesScreenshots() && !created) {
            create(fixture);
            created = true;
        }
    }

    private static void create(Fixture fixture) {
        String gateway = fixture.gateway();
        String admin = fixture.token(Who.ADMIN);
        String officer = fixture.token(Who.FINANCE_OFFICER);
        String csv = villagesCsv();
        Api.Answer imported = Api.send("POST", gateway + "/api/villages/import", admin, csv, "text/csv");
        if (imported.status() != 200) {
            throw new AssertionError("demo import answered " + imported);
        }
        String internet = Fixture.program(gateway, officer, 1_400_000_000L);
        String website = Fixture.program(gateway, officer, 600_000_000L);
        Random random = new Random(SEED);
        List<String> villages = csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
        for (String village : villages) {
            // How far a district has got with its spending: the same for both of its villages.
            double pace = 0.15 + Math.floorMod(village.substring(0, 8).hashCode() * GOLDEN, 1000) / 1000.0 * 0.8;
            String allocation = Fixture.allocate(gateway, officer, internet, village, INTERNET);
            String head = head(gateway, admin, village);
            spend(gateway, head, allocation, Math.round(INTERNET * pace / 50_000) * 50_000, random);
            if (random.nextBoolean()) {
                String second = Fixture.allocate(gateway, officer, website, village, WEBSITE);
                spend(gateway, head, second, Math.round(WEBSITE * pace / 50_000) * 50_000, random);
            }
        }
        awaitPublicFigures(gateway, officer);
    }

    /**
     * The public figures are kept up to a minute (PUBLIC_REPORT_CACHE_TTL), each query on its own: the pictures wait
     * for the new ones of the portal's own query, the regency's districts.
     */
    private static void awaitPublicFigures(String gateway, String officer) {
        String query = "?fiscalYear=" + Fixture.FISCAL_YEAR + "&groupBy=district&regencyCode=33.03";
        String officers = Api.ok("GET", gateway + "/api/budget/reports/realization" + query, officer, null).toString();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                Api.ok("GET", gateway + "/api/public/realization" + query, null, null).toString().equals(officers));
    }

    private static String head(String gateway, String admin, String village) {
        String username = "kades." + village.replace(".", "");
        Api.ok("POST", gateway + "/api/auth/users", admin, Map.of("username", username,
                "password", Fixture.password(username), "role", "VILLAGE_HEAD", "villageCode", village));
        return Api.signIn(gateway, username, Fixture.password(username));
    }

    private static void spend(String gateway, String head, String allocation, long amount, Random random) {
        if (amount <= 0) {
            return;
        }
        Api.ok("POST", gateway + "/api/budget/allocations/" + allocation + "/spending", head,
                Map.of("amount", amount, "spentOn", Fixture.FISCAL_YEAR + "-0" + (3 + random.nextInt(6)) + "-1"
                                + random.nextInt(10),
                        "category", CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                        "description", "Belanja digitalisasi desa", "vendor", "CV Mitra Desa",
                        "receiptNo", "KW-" + (1000 + random.nextInt(9000))));
    }

    /**
     * The header and the first two desa (not kelurahan) of each district of the shared area list, leaving out the
     * fixture's villages (their names in the fixture stay as the other tests know them).
     */
    static String villagesCsv() {
        Path file = villagesFile();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the demo villages " + file, e);
        }
        Set<String> fixture = Set.of(Fixture.VILLAGE_A, Fixture.VILLAGE_B, Fixture.VILLAGE_C);
        Map<String, Integer> perDistrict = new HashMap<>();
        List<String> picked = new ArrayList<>();
        picked.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String code = line.substring(0, line.indexOf(','));
            // NN.NN.NN.2xxx and 3xxx are desa; 1xxx kelurahan, which receive no Dana Desa.
            boolean desa = code.length() == 13 && code.charAt(9) != '1';
            if (!desa || fixture.contains(code)) {
                continue;
            }
            if (perDistrict.merge(code.substring(0, 8), 1, Integer::sum) <= PER_DISTRICT) {
                picked.add(line);
            }
        }
        if (picked.size() < 2) {
            throw new IllegalStateException("no desa in " + file + " (set -D" + VILLAGES_PROPERTY
                    + "= to a CSV of the Kemendagri area list)");
        }
        return String.join("\n", picked) + "\n";
    }

    private static Path villagesFile() {
        String given = System.getProperty(VILLAGES_PROPERTY);
        if (given != null && !given.isBlank()) {
            Path file = Path.of(given);
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("The screenshots' demo villages are not at " + file.toAbsolutePath()
                        + " (-D" + VILLAGES_PROPERTY + "): give the path of a CSV of the Kemendagri area list "
                        + "(code,name,district_code,...), such as " + FILE);
            }
            return file;
        }
        Path home = Path.of(System.getProperty("desadigital.home", "..")).toAbsolutePath().normalize();
        List<Path> defaults = List.of(home.resolveSibling(FILE), Path.of("/work").resolve(FILE));
        return defaults.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "The screenshots need Purbalingga's villages from the Kemendagri area list, which is not in the "
                        + "repository: none at " + defaults + "; give its path with -D" + VILLAGES_PROPERTY
                        + "=/path/to/purbalingga.csv (columns code,name,district_code,district_name,regency_code,"
                        + "regency_name,province_code,province_name)"));
    }
}
