package id.desadigital.village.village;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.platform.web.PageOf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading the registry: any signed-in role may. */
@RestController
@RequestMapping("/api/villages")
public class VillageController {

    private final VillageStore store;
    private final VillageViews views;
    private final VillageSearch search;

    public VillageController(VillageStore store, VillageViews views, VillageSearch search) {
        this.store = store;
        this.views = views;
        this.search = search;
    }

    @GetMapping
    public Mono<PageOf<VillageView>> list(@RequestParam(required = false) String regencyCode,
            @RequestParam(required = false) String districtCode, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return search.page(regencyCode, districtCode, q, page, size)
                .flatMap(found -> views.of(found.items())
                        .map(items -> new PageOf<>(items, found.page(), found.size(), found.total())));
    }

    /** An unknown code answers 404 even when budget figures are stored for it. */
    @GetMapping("/{code}")
    public Mono<VillageView> get(@PathVariable String code) {
        return views.of(code, existing(code));
    }

    /**
     * Oldest first; each entry is the change's event: type, occurredAt, actor, sequence, eventId, and under
     * {@code details} its payload, exactly as published on village-events.
     */
    @GetMapping("/{code}/history")
    public Flux<Map<String, Object>> history(@PathVariable String code) {
        VillageCodes.require(code);
        return store.find(code)
                .switchIfEmpty(Mono.error(() -> VillageCodes.unknown(code)))
                .flatMapIterable(Village::changes)
                .map(VillageController::historyEntry);
    }

    private Mono<Village> existing(String code) {
        VillageCodes.require(code);
        return store.findCurrent(code).switchIfEmpty(Mono.error(() -> VillageCodes.unknown(code)));
    }

    private static Map<String, Object> historyEntry(VillageChange change) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", change.type());
        entry.put("occurredAt", change.occurredAt());
        entry.put("actor", change.actor());
        entry.put("sequence", change.sequence());
        entry.put("eventId", change.eventId());
        entry.put("details", change.details());
        return entry;
    }
}
