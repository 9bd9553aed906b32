package id.desadigital.budget.report;

import java.util.regex.Pattern;

import id.desadigital.platform.web.ApiProblem;

/**
 * Where a report looks: a province, a regency (kabupaten/kota) or a district (kecamatan), named by its Kemendagri
 * code, or the whole country. A village belongs to an area when its code starts with the area's code and a dot, so
 * an area is read as an anchored prefix of {@code _id}, which an index serves on MongoDB and on the embedded store.
 *
 * @param code the narrowest area code asked for; null for the whole country
 */
record Area(String code) {

    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern REGENCY = Pattern.compile("\\d{2}\\.\\d{2}");
    private static final Pattern DISTRICT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

    /**
     * The area the parameters name, each optional and checked for its form (a 400 naming it otherwise). Several may
     * be given if they nest ({@code provinceCode=33&regencyCode=33.03}); one outside the other is a 400 naming the
     * inner one, rather than a report that is silently empty.
     */
    static Area of(String provinceCode, String regencyCode, String districtCode) {
        String province = checked("provinceCode", provinceCode, PROVINCE, "NN, such as 33");
        String regency = checked("regencyCode", regencyCode, REGENCY, "NN.NN, such as 33.03");
        String district = checked("districtCode", districtCode, DISTRICT, "NN.NN.NN, such as 33.03.01");
        if (regency != null && province != null && !regency.startsWith(province + ".")) {
            throw ApiProblem.invalid("regencyCode", "is not in province " + province);
        }
        if (district != null && regency != null && !district.startsWith(regency + ".")) {
            throw ApiProblem.invalid("districtCode", "is not in regency " + regency);
        }
        if (district != null && province != null && !district.startsWith(province + ".")) {
            throw ApiProblem.invalid("districtCode", "is not in province " + province);
        }
        return new Area(district != null ? district : regency != null ? regency : province);
    }

    private static String checked(String name, String value, Pattern form, String example) {
        if (value == null) {
            return null;
        }
        if (!form.matcher(value).matches()) {
            throw ApiProblem.invalid(name, "must look like " + example);
        }
        return value;
    }

    /** The anchored {@code _id} prefix of the area's villages ({@code ^33\.03\.}); null for the whole country. */
    String idPrefixRegex() {
        return code == null ? null : "^" + code.replace(".", "\\.") + "\\.";
    }
}
