package id.desadigital.village.village;

/** An inactive village (merged, split, or under review) stays in the registry but takes no new allocations. */
public enum VillageStatus {
    ACTIVE,
    INACTIVE
}
