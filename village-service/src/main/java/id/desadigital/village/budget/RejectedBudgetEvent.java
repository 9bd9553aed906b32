package id.desadigital.village.budget;

import id.desadigital.platform.kafka.UnprocessableMessageException;

/** A budget event that keeps the envelope's form but breaks the contract; it goes to the dead-letter topic. */
class RejectedBudgetEvent extends UnprocessableMessageException {

    RejectedBudgetEvent(String message) {
        super(message);
    }
}
