package id.desadigital.village.village;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import id.desadigital.platform.web.ApiProblem;
import id.desadigital.platform.web.PageOf;
import id.desadigital.platform.web.Paging;
import reactor.core.publisher.Mono;

/**
 * The registry search behind both village lists, the signed-in one and the public one, so that they filter, page and
 * refuse bad parameters alike: the parameters are checked as data (a malformed code or an overlong {@code q} is a 400
 * naming it), then one page of villages in code order is read together with the count of all that match. Each list
 * shows the villages its own way.
 */
@Component
class VillageSearch {

    private final VillageStore store;

    VillageSearch(VillageStore store) {
        this.store = store;
    }

    Mono<PageOf<Village>> page(String regencyCode, String districtCode, String q, Integer page, Integer size) {
        Paging paging = Paging.of(page, size);
        VillageStore.VillageFilter filter = filter(regencyCode, districtCode, q);
        return Mono.zip(store.search(filter, paging.offset(), paging.size()).collectList(), store.count(filter))
                .map(found -> new PageOf<>(found.getT1(), paging.page(), paging.size(), found.getT2()));
    }

    private static VillageStore.VillageFilter filter(String regencyCode, String districtCode, String q) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (regencyCode != null && !VillageCode.isRegencyCode(regencyCode)) {
            errors.add(new ApiProblem.FieldError("regencyCode", "must look like NN.NN"));
        }
        if (districtCode != null && !VillageCode.isDistrictCode(districtCode)) {
            errors.add(new ApiProblem.FieldError("districtCode", "must look like NN.NN.NN"));
        }
        if (q != null && q.length() > 100) {
            errors.add(new ApiProblem.FieldError("q", "must be at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new VillageStore.VillageFilter(regencyCode, districtCode, q);
    }
}
