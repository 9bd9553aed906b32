package id.desadigital.contracts.village;

/** A re-import changed a village's names or area codes; the payload is the village as it now stands. */
public record VillageUpdated(
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
