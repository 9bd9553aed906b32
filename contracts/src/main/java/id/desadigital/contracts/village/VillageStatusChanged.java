package id.desadigital.contracts.village;

/** A village became ACTIVE or INACTIVE; an inactive village takes no new allocations. */
public record VillageStatusChanged(String code, String status, String reason) {
}
