package id.desadigital.village.village;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kemendagri area code of a village, {@code NN.NN.NN.NNNN}: province, regency (kabupaten/kota), district
 * (kecamatan), village. Each prefix is the code of the area that contains it.
 */
public record VillageCode(String value) {

    public static final String FORMAT = "NN.NN.NN.NNNN";
    private static final Pattern VILLAGE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");
    private static final Pattern DISTRICT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");
    private static final Pattern REGENCY = Pattern.compile("\\d{2}\\.\\d{2}");

    public static Optional<VillageCode> parse(String value) {
        return value != null && VILLAGE.matcher(value).matches() ? Optional.of(new VillageCode(value))
                : Optional.empty();
    }

    public static boolean isDistrictCode(String value) {
        return value != null && DISTRICT.matcher(value).matches();
    }

    public static boolean isRegencyCode(String value) {
        return value != null && REGENCY.matcher(value).matches();
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    public String regencyCode() {
        return value.substring(0, 5);
    }

    public String districtCode() {
        return value.substring(0, 8);
    }

    /** Empty when the first digit of the village part is none of 1, 2, 3. */
    public Optional<VillageType> type() {
        return switch (value.charAt(9)) {
            case '1' -> Optional.of(VillageType.KELURAHAN);
            case '2', '3' -> Optional.of(VillageType.DESA);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
