package id.desadigital.village.village;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Makes the next change of a village from a village-events payload record (its type is the record's name). Times
 * are cut to milliseconds, the precision MongoDB stores, so a change reads back equal to the one written.
 */
@Component
public class VillageChanges {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final Clock clock;
    private final ObjectMapper mapper;

    public VillageChanges(Clock clock, ObjectMapper mapper) {
        this.clock = clock;
        this.mapper = mapper;
    }

    /** @param traceparent the trace of the request making the change, null when none */
    public VillageChange next(long currentVersion, String actor, Record payload, String traceparent) {
        return new VillageChange(UUID.randomUUID().toString(), payload.getClass().getSimpleName(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, currentVersion + 1,
                mapper.convertValue(payload, DETAILS), traceparent);
    }
}
