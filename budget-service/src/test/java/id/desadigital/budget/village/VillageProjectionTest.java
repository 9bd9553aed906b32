package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.headAssigned;
import static id.desadigital.budget.village.SampleVillageEvents.newVillageCode;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
import static id.desadigital.budget.village.SampleVillageEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.village.VillageProjection.Outcome;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.village.VillageRegistered;
import reactor.test.StepVerifier;

/** The rules the village view follows, applied directly (no broker in between) so each outcome is visible. */
@BudgetServiceTest
class VillageProjectionTest {

    @Autowired
    VillageProjection projection;

    @Autowired
    KnownVillages villages;

    @Test
    void eachEventIsAppliedOnceAndOlderOnesAreIgnored() {
        String code = newVillageCode();
        EventEnvelope<VillageRegistered> registration = registered(code, 1);

        StepVerifier.create(apply(registration)).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(apply(registration)).expectNext(Outcome.DUPLICATE).verifyComplete();
        StepVerifier.create(apply(statusChanged(code, 3, "INACTIVE"))).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(apply(statusChanged(code, 2, "ACTIVE"))).expectNext(Outcome.STALE).verifyComplete();
        StepVerifier.create(apply(registration)).expectNext(Outcome.STALE).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.sequence()).isEqualTo(3);
                    assertThat(village.name()).isEqualTo("Kedungbenda");
                })
                .verifyComplete();
    }

    @Test
    void anotherEventClaimingAnAppliedSequenceIsRefused() {
        String code = newVillageCode();
        StepVerifier.create(apply(registered(code, 1))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(apply(statusChanged(code, 1, "INACTIVE")))
                .expectError(RejectedVillageEvent.class)
                .verify();
        StepVerifier.create(villages.isActive(code)).expectNext(true).verifyComplete();
    }

    @Test
    void aStatusChangeForAVillageNeverRegisteredHereStillDecidesItsStatus() {
        String code = newVillageCode();

        StepVerifier.create(apply(headAssigned(code, 2))).expectNext(Outcome.NOT_TRACKED).verifyComplete();
        StepVerifier.create(villages.find(code)).verifyComplete();
        StepVerifier.create(apply(statusChanged(code, 3, "INACTIVE"))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.name()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void aHeadAssignmentMovesTheStreamPositionButNotTheStatus() {
        String code = newVillageCode();
        apply(registered(code, 1)).block();

        StepVerifier.create(apply(headAssigned(code, 2))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.sequence()).isEqualTo(2);
                    assertThat(village.isActive()).isTrue();
                })
                .verifyComplete();
    }

    private reactor.core.publisher.Mono<Outcome> apply(EventEnvelope<?> event) {
        return projection.apply(VillageEvent.from(event));
    }
}
