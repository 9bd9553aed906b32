package id.desadigital.budget.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.csv.Csv;
import id.desadigital.budget.program.Program;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A fiscal year's allocations and realization as a Fiscal Data Package (Frictionless Data, profile
 * {@code fiscal-data-package}, the 0.3 {@code model} that OpenSpending's packager writes and its loaders read): a
 * {@code datapackage.json} descriptor and one CSV resource beside it, {@code realization.csv}.
 *
 * <p>The CSV has one row per allocation (a village's money in one program) and, under it, one row per category the
 * village spent in. The allocation's row carries {@code allocated} and an empty category (spending has a category,
 * an allocation has none) and, as {@code spent}, only what was spent before categories were kept (normally 0); each
 * category's row carries {@code allocated} 0 and what was spent in it. So both measures add up along every
 * dimension: summed by district, village or program they are the realization report's figures, and nothing is
 * counted twice. Amounts are whole rupiah. Nothing personal is in it: no actor, vendor, receipt or description.
 *
 * <p>A year no program has is a 404 for both: a package for it could not be told from a year in which nothing was
 * spent, and a loader would import an empty dataset without complaint.
 */
@Component
class FiscalDataPackage {

    static final String RESOURCE_PATH = "realization.csv";

    /** The CSV's columns, in order; the descriptor's schema and model name them. */
    private static final List<Field> FIELDS = List.of(
            new Field("fiscal_year", "Tahun anggaran", "integer"),
            new Field("province_code", "Kode provinsi", "string"),
            new Field("province_name", "Provinsi", "string"),
            new Field("regency_code", "Kode kabupaten/kota", "string"),
            new Field("regency_name", "Kabupaten/kota", "string"),
            new Field("district_code", "Kode kecamatan", "string"),
            new Field("district_name", "Kecamatan", "string"),
            new Field("village_code", "Kode desa", "string"),
            new Field("village_name", "Desa", "string"),
            new Field("program_id", "Program", "string"),
            new Field("program_name", "Nama program", "string"),
            new Field("activity_code", "Kode kegiatan (Permendagri 20/2018)", "string"),
            new Field("funding_source", "Sumber dana (Permendagri 20/2018)", "string"),
            new Field("category_code", "Kategori belanja", "string"),
            new Field("category_name", "Nama kategori belanja", "string"),
            new Field("allocated", "Anggaran (Rp)", "integer"),
            new Field("spent", "Realisasi (Rp)", "integer"));

    private static final String HEADER = Csv.line(FIELDS.stream().map(Field::name).toArray());

    private final ReportSources sources;
    private final ReportProperties.FiscalData settings;

    FiscalDataPackage(ReportSources sources, ReportProperties properties) {
        this.sources = sources;
        this.settings = properties.fiscalData();
    }

    Mono<Map<String, Object>> descriptor(int fiscalYear) {
        return budgeted(fiscalYear).map(this::describe);
    }

    /**
     * The CSV resource, gzip-compressed: nationally it is about 100 MB of text (half a million lines) but 5 MB
     * compressed, so that is the form it is built and kept in. It is built a province at a time (that province's
     * accounts and villages read by area, sorted, written out, let go), so the service never holds the whole country
     * at once however many villages it has; rows come out sorted by village code all the same, since a village code
     * begins with its province's.
     */
    Mono<byte[]> gzippedCsv(int fiscalYear) {
        // The year's programs say both whether it is budgeted and what each row's program is: read once.
        return sources.programs(fiscalYear)
                .filter(programs -> !programs.isEmpty())
                .switchIfEmpty(Mono.error(() -> notBudgeted(fiscalYear)))
                .flatMap(programs -> sources.provincesWithAccounts().flatMap(provinces -> Flux.fromIterable(provinces)
                        .concatMap(province -> provinceLines(fiscalYear, new Area(province), programs))
                        // Compressing is CPU work: off the store driver's threads, which deliver the next province.
                        .publishOn(Schedulers.parallel())
                        .reduce(GzippedText.startingWith(HEADER), GzippedText::append)
                        .map(GzippedText::finish)));
    }

    private Mono<String> provinceLines(int year, Area province, Map<String, Program> programs) {
        return Mono.zip(
                        sources.villages(province).collectMap(VillageNames::code),
                        sources.accounts(province)
                                .filter(account -> account.in(year).findAny().isPresent())
                                .collectSortedList(Comparator.comparing(AccountFigures::villageCode)))
                .map(read -> lines(year, read.getT1(), programs, read.getT2()));
    }

    private Mono<Integer> budgeted(int fiscalYear) {
        return sources.isBudgeted(fiscalYear).flatMap(budgeted -> budgeted ? Mono.just(fiscalYear)
                : Mono.error(notBudgeted(fiscalYear)));
    }

    private static ApiProblem notBudgeted(int fiscalYear) {
        return ApiProblem.notFound("No program has fiscal year " + fiscalYear
                + ", so there is no fiscal data to publish for it");
    }

    private static String lines(int year, Map<String, VillageNames> villages, Map<String, Program> programs,
            List<AccountFigures> accounts) {
        StringBuilder lines = new StringBuilder(accounts.size() * 1024);
        for (AccountFigures account : accounts) {
            String code = account.villageCode();
            VillageNames village = villages.get(code);
            // Codes come from the village code itself (each code begins with its areas' codes), so they are right
            // even for a village whose registration this service never saw; names only from the village view.
            Object[] area = {year, code.substring(0, 2), village == null ? null : village.provinceName(),
                    code.substring(0, 5), village == null ? null : village.regencyName(),
                    code.substring(0, 8), village == null ? null : village.districtName(),
                    code, village == null ? null : village.name()};
            account.in(year).sorted(Comparator.comparing(AccountAllocation::programId)).forEach(allocation -> {
                Program program = programs.get(allocation.programId());
                Object[] activity = {allocation.programId(), program == null ? null : program.name(),
                        program == null ? null : program.activityCode(),
                        program == null ? null : program.fundingSource()};
                lines.append(line(area, activity, null, null, allocation.amount(), allocation.uncategorised()));
                new TreeMap<>(allocation.spentByCategory()).forEach((category, spent) -> {
                    if (spent != 0) {
                        lines.append(line(area, activity, category, CategoryNames.of(category), 0, spent));
                    }
                });
            });
        }
        return lines.toString();
    }

    private static String line(Object[] area, Object[] activity, String category, String categoryName,
            long allocated, long spent) {
        List<Object> fields = new ArrayList<>(FIELDS.size());
        fields.addAll(Arrays.asList(area));
        fields.addAll(Arrays.asList(activity));
        fields.add(category);
        fields.add(categoryName);
        fields.add(allocated);
        fields.add(spent);
        return Csv.line(fields.toArray());
    }

    private Map<String, Object> describe(int year) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("profile", "fiscal-data-package");
        descriptor.put("name", "desa-digital-realization-" + year);
        descriptor.put("title", "Anggaran dan realisasi digitalisasi desa tahun " + year);
        descriptor.put("description", "Dana digitalisasi desa yang dialokasikan kepada desa per program dan yang "
                + "dibelanjakan per kategori, tahun anggaran " + year + ". Funds allocated to villages for "
                + "digitalization per program, and spent per category, in fiscal year " + year + ".");
        descriptor.put("countryCode", "ID");
        descriptor.put("granularity", "aggregated");
        descriptor.put("fiscalPeriod", object("start", year + "-01-01", "end", year + "-12-31"));
        descriptor.put("licenses", List.of(object("name", settings.licenseName(), "title", settings.licenseTitle(),
                "path", settings.licensePath())));
        descriptor.put("contributors", List.of(object("title", settings.publisher(), "role", "publisher")));
        descriptor.put("resources", List.of(resource()));
        descriptor.put("model", model());
        return descriptor;
    }

    private static Map<String, Object> resource() {
        List<Object> fields = new ArrayList<>();
        for (Field field : FIELDS) {
            fields.add(object("name", field.name(), "title", field.title(), "type", field.type()));
        }
        return object("name", "realization", "path", RESOURCE_PATH, "profile", "tabular-data-resource",
                "format", "csv", "mediatype", "text/csv", "encoding", "utf-8",
                "schema", object("fields", fields,
                        "primaryKey", List.of("fiscal_year", "village_code", "program_id", "category_code")));
    }

    /**
     * The logical model. Measures in IDR, both expenditure: {@code allocated} is the allocation as it stands after
     * any adjustments (phase "adjusted"), {@code spent} what was realized (phase "executed"). Dimensions: the fiscal
     * year; the Kemendagri areas as an administrative classification whose levels are parents of each other; the
     * program (an activity) with its name and funding source; the Permendagri 20/2018 activity code as a functional
     * classification; the spending category as an economic classification. A classification's own code is its
     * {@code code} attribute, as the specification asks.
     */
    private static Map<String, Object> model() {
        Map<String, Object> measures = object(
                "allocated", object("source", "allocated", "title", "Anggaran", "currency", "IDR", "factor", 1,
                        "direction", "expenditure", "phase", "adjusted"),
                "spent", object("source", "spent", "title", "Realisasi", "currency", "IDR", "factor", 1,
                        "direction", "expenditure", "phase", "executed"));
        Map<String, Object> dimensions = object(
                "date", object("dimensionType", "datetime",
                        "attributes", object("fiscal_year", attribute("fiscal_year", "Tahun anggaran")),
                        "primaryKey", List.of("fiscal_year")),
                "administrative-classification", object("dimensionType", "classification",
                        "classificationType", "administrative",
                        "attributes", object(
                                "province_code", attribute("province_code", "Kode provinsi"),
                                "province_name", labelFor(attribute("province_name", "Provinsi"), "province_code"),
                                "regency_code", parent(attribute("regency_code", "Kode kabupaten/kota"),
                                        "province_code"),
                                "regency_name", labelFor(attribute("regency_name", "Kabupaten/kota"), "regency_code"),
                                "district_code", parent(attribute("district_code", "Kode kecamatan"), "regency_code"),
                                "district_name", labelFor(attribute("district_name", "Kecamatan"), "district_code"),
                                "code", parent(attribute("village_code", "Kode desa"), "district_code"),
                                "label", labelFor(attribute("village_name", "Desa"), "code")),
                        "primaryKey", List.of("code")),
                "activity", object("dimensionType", "activity",
                        "attributes", object(
                                "program_id", attribute("program_id", "Program"),
                                "program_name", labelFor(attribute("program_name", "Nama program"), "program_id"),
                                "funding_source", attribute("funding_source", "Sumber dana")),
                        "primaryKey", List.of("program_id")),
                "functional-classification", object("dimensionType", "classification",
                        "classificationType", "functional",
                        "attributes", object("code", attribute("activity_code", "Kode kegiatan")),
                        "primaryKey", List.of("code")),
                "economic-classification", object("dimensionType", "classification",
                        "classificationType", "economic",
                        "attributes", object(
                                "code", attribute("category_code", "Kategori belanja"),
                                "label", labelFor(attribute("category_name", "Nama kategori belanja"), "code")),
                        "primaryKey", List.of("code")));
        return object("measures", measures, "dimensions", dimensions);
    }

    private static Map<String, Object> attribute(String source, String title) {
        return object("source", source, "title", title);
    }

    private static Map<String, Object> labelFor(Map<String, Object> attribute, String key) {
        attribute.put("labelfor", key);
        return attribute;
    }

    private static Map<String, Object> parent(Map<String, Object> attribute, String key) {
        attribute.put("parent", key);
        return attribute;
    }

    /** A JSON object keeping its keys in the order given (names first, as people read descriptors). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private record Field(String name, String title, String type) {
    }
}
