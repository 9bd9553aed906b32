package id.desadigital.gateway.user;

import org.springframework.stereotype.Component;

/**
 * Messages for the operator, not the log: printed to stdout as lines starting with {@code NOTICE }, which the
 * launcher forwards to its own console. Secrets shown here are shown nowhere else.
 */
@Component
class Notices {

    void announce(String message) {
        System.out.println("NOTICE " + message);
        System.out.flush();
    }
}
