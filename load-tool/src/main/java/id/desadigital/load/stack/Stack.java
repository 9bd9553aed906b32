package id.desadigital.load.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The running stack as the tool's users meet it: the admin creates a finance officer, an auditor and village heads
 * (each with their own password, signed in once), and villages are read from the registry. Names carry the run's
 * id, so runs on one data directory never collide.
 */
public final class Stack {

    private final Api api;
    private final String gateway;
    private final String run;
    private final String admin;

    public Stack(Api api, String gateway, String adminPassword, String run) {
        this.api = api;
        this.gateway = gateway;
        this.run = run;
        this.admin = api.token(gateway, "admin", adminPassword);
    }

    public String run() {
        return run;
    }

    public String admin() {
        return admin;
    }

    /** A new user of this role, signed in; its token. */
    public String user(String name, String role, String villageCode) {
        String username = name + "." + run;
        String password = username + "-pw";
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", password, "role", role));
        if (villageCode != null) {
            body.put("villageCode", villageCode);
        }
        api.created(admin, gateway + "/api/auth/users", body);
        return api.token(gateway, username, password);
    }

    /** The first {@code count} active villages in the registry's order; fails when fewer are imported. */
    public List<String> activeVillages(int count) {
        List<String> codes = new ArrayList<>();
        for (int page = 0; codes.size() < count; page++) {
            JsonNode items = api.read(admin, gateway + "/api/villages?size=500&page=" + page).path("items");
            if (items.isEmpty()) {
                throw new IllegalStateException("only " + codes.size() + " active villages are registered, " + count
                        + " needed: import more (bench/import-national.sh)");
            }
            for (JsonNode village : items) {
                if (codes.size() < count && "ACTIVE".equals(village.path("status").asString())) {
                    codes.add(village.path("code").asString());
                }
            }
        }
        return codes;
    }

    /** The regency (kabupaten) part of a Kemendagri village code: 33.03.01.2001 is in 33.03. */
    public static String regency(String villageCode) {
        return villageCode.substring(0, 5);
    }
}
