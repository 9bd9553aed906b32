package id.desadigital.village.village;

import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.contracts.village.VillageUpdated;

/** The registry-level event payloads carry the whole village as it stands after the change. */
public final class VillageEventPayloads {

    private VillageEventPayloads() {
    }

    public static VillageRegistered registered(Village village) {
        return new VillageRegistered(village.code(), village.name(), village.type().name(), village.districtCode(),
                village.districtName(), village.regencyCode(), village.regencyName(), village.provinceCode(),
                village.provinceName(), village.status().name());
    }

    public static VillageUpdated updated(Village village) {
        return new VillageUpdated(village.code(), village.name(), village.type().name(), village.districtCode(),
                village.districtName(), village.regencyCode(), village.regencyName(), village.provinceCode(),
                village.provinceName(), village.status().name());
    }
}
