package id.desadigital.village.district;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.project;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.platform.web.ApiProblem;
import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageCode;
import reactor.core.publisher.Flux;

/** GET /api/districts?regencyCode=: the kecamatan of a regency (or of the whole country), by code. */
@RestController
public class DistrictController {

    private final ReactiveMongoTemplate mongo;

    public DistrictController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/districts")
    public Flux<DistrictSummary> districts(@RequestParam(required = false) String regencyCode) {
        if (regencyCode != null && !VillageCode.isRegencyCode(regencyCode)) {
            throw ApiProblem.invalid("regencyCode", "must look like NN.NN");
        }
        // A prefix of the village code rather than regencyCode: real MongoDB answers it from the _id index.
        Criteria area = regencyCode == null ? new Criteria()
                : Criteria.where("_id").regex("^" + regencyCode.replace(".", "\\.") + "\\.");
        Aggregation byDistrict = newAggregation(
                match(area),
                group("districtCode").first("districtName").as("name").count().as("villages"),
                project("name", "villages").and("_id").as("code"),
                sort(Sort.by("code")));
        return mongo.aggregate(byDistrict, Village.COLLECTION, DistrictSummary.class);
    }
}
