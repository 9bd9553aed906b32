package id.desadigital.budget.ledger;

import org.springframework.http.HttpStatus;

import id.desadigital.platform.web.ApiProblem;

/**
 * A write that lost the race for its document every time it tried. Nothing was written; the client may simply
 * send it again. 409 rather than a 5xx: it is the current state (a crowd on one document) that refused it.
 */
public class Contended extends ApiProblem {

    public Contended(String id, int attempts) {
        super(HttpStatus.CONFLICT, "contended", "Too many concurrent changes",
                "Writes to " + id + " met " + attempts + " concurrent changes in a row; nothing was written, try again");
    }
}
