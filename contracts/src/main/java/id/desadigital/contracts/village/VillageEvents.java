package id.desadigital.contracts.village;

import java.util.Map;

import id.desadigital.contracts.EventCodec;

/** The event types on {@code village-events}, keyed by village code. Their schemas are in schemas/village-events. */
public final class VillageEvents {

    public static final String VILLAGE_REGISTERED = "VillageRegistered";
    public static final String VILLAGE_UPDATED = "VillageUpdated";
    public static final String VILLAGE_HEAD_ASSIGNED = "VillageHeadAssigned";
    public static final String VILLAGE_STATUS_CHANGED = "VillageStatusChanged";

    public static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            VILLAGE_REGISTERED, VillageRegistered.class,
            VILLAGE_UPDATED, VillageUpdated.class,
            VILLAGE_HEAD_ASSIGNED, VillageHeadAssigned.class,
            VILLAGE_STATUS_CHANGED, VillageStatusChanged.class);

    private VillageEvents() {
    }

    public static EventCodec codec() {
        return new EventCodec(PAYLOAD_TYPES);
    }
}
