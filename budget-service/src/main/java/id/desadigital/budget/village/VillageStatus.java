package id.desadigital.budget.village;

/** Whether a village may receive new allocations (an inactive one was merged, split or dissolved). */
public enum VillageStatus {
    ACTIVE,
    INACTIVE
}
