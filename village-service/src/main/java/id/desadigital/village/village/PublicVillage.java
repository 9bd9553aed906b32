package id.desadigital.village.village;

/**
 * A village as anyone may see it without signing in: what the Kemendagri area list and the registry's status say
 * of it, and nothing else. Not {@link VillageView}: the head is a named person, and the budget figures are
 * budget-service's to publish (its public endpoints), so neither is here, nor can a field added to the signed-in
 * view reach the public by accident.
 */
public record PublicVillage(
        String code,
        String name,
        VillageType type,
        String districtCode,
        String districtName,
        String regencyCode,
        String regencyName,
        String provinceCode,
        String provinceName,
        VillageStatus status) {

    static PublicVillage of(Village village) {
        return new PublicVillage(village.code(), village.name(), village.type(), village.districtCode(),
                village.districtName(), village.regencyCode(), village.regencyName(), village.provinceCode(),
                village.provinceName(), village.status());
    }
}
