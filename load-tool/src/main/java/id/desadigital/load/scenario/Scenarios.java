package id.desadigital.load.scenario;

import java.util.List;

/** The scenarios by the names the settings use. */
public final class Scenarios {

    private Scenarios() {
    }

    public static List<Scenario> of(List<String> names, Context context) {
        return names.stream().map(name -> switch (name) {
            case "spending" -> (Scenario) new SpendingPeak(context);
            case "allocation" -> new BulkAllocation(context);
            case "audit" -> new AuditorQueries(context);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        }).toList();
    }
}
