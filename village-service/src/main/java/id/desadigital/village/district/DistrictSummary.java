package id.desadigital.village.district;

/** A kecamatan (district) and how many villages the registry holds in it. */
public record DistrictSummary(String code, String name, long villages) {
}
