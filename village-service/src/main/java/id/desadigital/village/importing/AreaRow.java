package id.desadigital.village.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageCode;
import id.desadigital.village.village.VillageType;

/** One valid row of the Kemendagri area list: a village and the names of the areas that contain it. */
record AreaRow(
        int line,
        String code,
        String name,
        VillageType type,
        String districtCode,
        String districtName,
        String regencyCode,
        String regencyName,
        String provinceCode,
        String provinceName) {

    static final List<String> HEADER = List.of("code", "name", "district_code", "district_name", "regency_code",
            "regency_name", "province_code", "province_name");
    static final int MAX_NAME_LENGTH = 200;

    /** Either a row or the reason it is rejected, in words an officer fixing the file can act on. */
    static Outcome read(CsvRecord record) {
        if (!record.readable()) {
            return Outcome.rejected(record.line(), record.error());
        }
        List<String> f = record.fields().stream().map(String::strip).toList();
        if (f.size() != HEADER.size()) {
            return Outcome.rejected(record.line(),
                    "expected " + HEADER.size() + " fields, found " + f.size());
        }
        Optional<VillageCode> parsed = VillageCode.parse(f.get(0));
        if (parsed.isEmpty()) {
            return Outcome.rejected(record.line(),
                    "code '" + f.get(0) + "' is not a village code " + VillageCode.FORMAT);
        }
        VillageCode code = parsed.get();
        List<String> problems = new ArrayList<>();
        Optional<VillageType> type = code.type();
        if (type.isEmpty()) {
            problems.add("code " + code + ": the village part must start with 1 (kelurahan) or 2 or 3 (desa)");
        }
        requireCode(problems, "district_code", f.get(2), code.districtCode());
        requireCode(problems, "regency_code", f.get(4), code.regencyCode());
        requireCode(problems, "province_code", f.get(6), code.provinceCode());
        requireName(problems, "name", f.get(1));
        requireName(problems, "district_name", f.get(3));
        requireName(problems, "regency_name", f.get(5));
        requireName(problems, "province_name", f.get(7));
        if (!problems.isEmpty()) {
            return Outcome.rejected(record.line(), String.join("; ", problems));
        }
        return Outcome.accepted(new AreaRow(record.line(), code.value(), f.get(1), type.get(), f.get(2), f.get(3),
                f.get(4), f.get(5), f.get(6), f.get(7)));
    }

    boolean sameAs(Village village) {
        return name.equals(village.name()) && type == village.type()
                && districtCode.equals(village.districtCode()) && districtName.equals(village.districtName())
                && regencyCode.equals(village.regencyCode()) && regencyName.equals(village.regencyName())
                && provinceCode.equals(village.provinceCode()) && provinceName.equals(village.provinceName());
    }

    private static void requireCode(List<String> problems, String field, String value, String expected) {
        if (!expected.equals(value)) {
            problems.add(field + " '" + value + "' does not match the code (expected " + expected + ")");
        }
    }

    private static void requireName(List<String> problems, String field, String value) {
        if (value.isEmpty()) {
            problems.add(field + " is empty");
        } else if (value.length() > MAX_NAME_LENGTH) {
            problems.add(field + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
    }

    /** A row read from the file: accepted, or rejected with its line and reason. */
    record Outcome(AreaRow row, ImportReport.Rejection rejection) {

        static Outcome accepted(AreaRow row) {
            return new Outcome(row, null);
        }

        static Outcome rejected(int line, String reason) {
            return new Outcome(null, new ImportReport.Rejection(line, reason));
        }

        boolean isAccepted() {
            return row != null;
        }
    }
}
