package id.desadigital.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.gateway.support.BackendStandIn;
import id.desadigital.gateway.support.GatewayTestBase;

class UserAccountsTest extends GatewayTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    private WebTestClient.ResponseSpec create(String username, String password, String role, String villageCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        body.put("villageCode", villageCode);
        return web.post().uri("/api/auth/users").headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void anAdminCreatesAVillageHeadOfAKnownVillageWhoThenSignsIn() {
        BackendStandIn.VILLAGE.village("33.01.02.2003", "ACTIVE");

        create("kades.mekarsari", "sawah-hijau-2025", "VILLAGE_HEAD", "33.01.02.2003")
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.username").isEqualTo("kades.mekarsari")
                .jsonPath("$.role").isEqualTo("VILLAGE_HEAD")
                .jsonPath("$.villageCode").isEqualTo("33.01.02.2003")
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.passwordHash").doesNotExist();

        String token = signIn("kades.mekarsari", "sawah-hijau-2025");
        web.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("kades.mekarsari")
                .jsonPath("$.role").isEqualTo("VILLAGE_HEAD")
                .jsonPath("$.villageCode").isEqualTo("33.01.02.2003");
    }

    @Test
    void thePasswordIsStoredAsASlowHashWithWhoCreatedTheAccount() {
        create("auditor.bpk", "periksa-semua-2025", "AUDITOR", null).expectStatus().isCreated();

        UserAccount stored = mongo.findById("auditor.bpk", UserAccount.class).block();

        assertThat(stored).isNotNull();
        assertThat(stored.passwordHash()).startsWith("$2").doesNotContain("periksa-semua-2025");
        assertThat(stored.role()).isEqualTo(Role.AUDITOR);
        assertThat(stored.createdBy()).isEqualTo("admin");
        assertThat(stored.createdAt()).isNotNull();
    }

    @Test
    void aVillageHeadOfAnUnknownVillageIs422() {
        create("kades.hantu", "rumah-kosong-2025", "VILLAGE_HEAD", "99.99.99.2999")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("99.99.99.2999"));
    }

    @Test
    void aVillageHeadOfAnInactiveVillageIs422() {
        BackendStandIn.VILLAGE.village("33.01.02.2004", "INACTIVE");

        create("kades.lama", "desa-digabung-2025", "VILLAGE_HEAD", "33.01.02.2004")
                .expectStatus().isEqualTo(422);
    }

    @Test
    void whenTheVillageRegistryCannotAnswerItIs503NotTheClientsFault() {
        BackendStandIn.VILLAGE.villageLookupsFail(true);
        try {
            create("kades.tunggu", "coba-lagi-nanti", "VILLAGE_HEAD", "33.01.02.2005")
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            BackendStandIn.VILLAGE.villageLookupsFail(false);
        }
    }

    @Test
    void invalidInputIs400WithEveryBadField() {
        create("No Spaces Allowed!", "short", "KING", null)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[?(@.field == 'username')].message").exists()
                .jsonPath("$.errors[?(@.field == 'password')].message").exists()
                .jsonPath("$.errors[?(@.field == 'role')].message").exists();
    }

    @Test
    void aVillageHeadNeedsAWellFormedVillageCode() {
        create("kades.tanpa", "tanpa-desa-2025", "VILLAGE_HEAD", null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("villageCode");
        create("kades.salah", "kode-salah-2025", "VILLAGE_HEAD", "3201012001")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("villageCode");
    }

    @Test
    void onlyAVillageHeadHasAVillageCode() {
        create("finance.desa", "uang-negara-2025", "FINANCE_OFFICER", "33.01.02.2003")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("villageCode");
    }

    @Test
    void aTakenUsernameIs409() {
        create("finance.pusat", "anggaran-2025-aman", "FINANCE_OFFICER", null).expectStatus().isCreated();

        create("finance.pusat", "another-password-1", "AUDITOR", null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        create("admin", "another-password-1", "ADMIN", null).expectStatus().isEqualTo(409);
    }

    @Test
    void malformedJsonIs400() {
        web.post().uri("/api/auth/users").headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[\"not\", \"an\", \"object\"")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
