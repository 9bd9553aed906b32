package id.desadigital.contracts.village;

/** A village entered the registry (first import of its code). {@code type} is DESA or KELURAHAN. */
public record VillageRegistered(
        String code,
        String name,
        String type,
        String districtCode,
        String districtName,
        String regencyCode,
        String regencyName,
        String provinceCode,
        String provinceName,
        String status) {
}
