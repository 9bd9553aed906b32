package id.desadigital.village.village;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.platform.web.PageOf;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/**
 * The registry for the public transparency portal, without a token (platform's service security leaves
 * {@code /api/public/**} open): the same search, filters, paging and refusals as {@code GET /api/villages}
 * ({@link VillageSearch}), each village as a {@link PublicVillage}. Nothing here reads a village's history, head or
 * budget figures.
 */
@RestController
@RequestMapping("/api/public/villages")
class PublicVillageController {

    private final VillageStore store;
    private final VillageSearch search;

    PublicVillageController(VillageStore store, VillageSearch search) {
        this.store = store;
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search the village registry; no token",
            description = """
                    The villages (desa and kelurahan) of the Kemendagri area list in code order, narrowed by \
                    regencyCode (NN.NN), districtCode (NN.NN.NN) and q (any part of the name, ignoring case, taken \
                    literally), page from 0 and size 1 to 500 (50 by default). Each village is its public registry \
                    data only. A malformed parameter is a 400 naming it.""")
    Mono<PageOf<PublicVillage>> list(@RequestParam(required = false) String regencyCode,
            @RequestParam(required = false) String districtCode, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return search.page(regencyCode, districtCode, q, page, size)
                .map(found -> new PageOf<>(found.items().stream().map(PublicVillage::of).toList(), found.page(),
                        found.size(), found.total()));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One village of the registry; no token",
            description = "A malformed code (not NN.NN.NN.NNNN) is a 400 naming code; an unknown one is a 404.")
    Mono<PublicVillage> get(@PathVariable String code) {
        VillageCodes.require(code);
        return store.findCurrent(code)
                .switchIfEmpty(Mono.error(() -> VillageCodes.unknown(code)))
                .map(PublicVillage::of);
    }
}
