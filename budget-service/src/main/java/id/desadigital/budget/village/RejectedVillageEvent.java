package id.desadigital.budget.village;

import id.desadigital.platform.kafka.UnprocessableMessageException;

/** A village event that keeps the envelope's form but breaks the contract; it goes to the dead-letter topic. */
class RejectedVillageEvent extends UnprocessableMessageException {

    RejectedVillageEvent(String message) {
        super(message);
    }
}
