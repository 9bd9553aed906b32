package id.desadigital.system.access;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.Who;

/**
 * One endpoint of API.md with the status each caller gets. {@code prepare} builds a fresh request (and whatever it
 * needs, such as a program to close), so that a request that succeeds for one caller does not change what the next
 * one meets.
 *
 * @param service the service behind the gateway that answers it, or null for the gateway's own endpoints
 */
record Endpoint(String name, String method, Service service, Function<Fixture, Call> prepare,
        Map<Who, Integer> expected) {

    enum Service { VILLAGE, BUDGET }

    /** A request's path (with query) and body; a String body goes as text/csv. {@code accept} null: JSON. */
    record Call(String path, Object body, String accept) {

        Call(String path, Object body) {
            this(path, body, null);
        }

        static Call of(String path) {
            return new Call(path, null);
        }

        /** A read whose answer is CSV. */
        static Call csv(String path) {
            return new Call(path, null, "text/csv, application/problem+json");
        }
    }

    static Endpoint gateway(String name, String method, Function<Fixture, Call> prepare, Map<Who, Integer> expected) {
        return new Endpoint(name, method, null, prepare, expected);
    }

    static Endpoint village(String name, String method, Function<Fixture, Call> prepare, Map<Who, Integer> expected) {
        return new Endpoint(name, method, Service.VILLAGE, prepare, expected);
    }

    static Endpoint budget(String name, String method, Function<Fixture, Call> prepare, Map<Who, Integer> expected) {
        return new Endpoint(name, method, Service.BUDGET, prepare, expected);
    }

    /** {@code allowed} get {@code success}, anyone else signed in 403, no token 401. */
    static Map<Who, Integer> only(int success, Who... allowed) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, who == Who.ANONYMOUS ? 401 : 403);
        }
        Arrays.stream(allowed).forEach(who -> expected.put(who, success));
        return expected;
    }

    /** Every signed-in caller gets {@code success}, no token 401. */
    static Map<Who, Integer> signedIn(int success) {
        return only(success, Who.ADMIN, Who.FINANCE_OFFICER, Who.HEAD_OWN, Who.HEAD_OTHER, Who.AUDITOR);
    }

    /** Everyone, with a token or without. */
    static Map<Who, Integer> anyone(int success) {
        return only(success, Who.values());
    }

    @Override
    public String toString() {
        return name;
    }
}
