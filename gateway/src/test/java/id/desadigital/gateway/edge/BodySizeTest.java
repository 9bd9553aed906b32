package id.desadigital.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

import id.desadigital.gateway.support.GatewayTestBase;
import reactor.core.publisher.Flux;

/** Bodies larger than allowed are refused with 413 at the door; the import is allowed the national list. */
class BodySizeTest extends GatewayTestBase {

    private static final int MB = 1024 * 1024;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /**
     * Kept alive, so a refused body is read past rather than cut off (see {@link #keepAliveClient}); the stand-in
     * echoes what reached it, so this client reads answers as large as the bodies it sends.
     */
    @BeforeEach
    void readLargeEchoes() {
        web = keepAliveClient().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * MB)).build();
    }

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    @Test
    void aBodyUpToOneMegabytePassesAndOneByteMoreIs413BeforeTheServiceSeesIt() {
        String finance = userToken("body.finance", "FINANCE_OFFICER", null);

        web.post().uri("/api/budget/programs").headers(h -> h.setBearerAuth(finance))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bytes(MB))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("budget");
        web.post().uri("/api/budget/programs").headers(h -> h.setBearerAuth(finance))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bytes(MB + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:content-too-large")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 MB"))
                .jsonPath("$.service").doesNotExist();
    }

    @Test
    void theGatewaysOwnEndpointsAreLimitedToo() {
        web.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bytes(2 * MB))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theVillageImportMayCarryTheNationalListButNotMoreThan32Megabytes() {
        String admin = adminToken();

        // Larger than the general limit: the national area list is about 7 MB.
        web.post().uri("/api/villages/import").headers(h -> h.setBearerAuth(admin))
                .contentType(CSV).bodyValue(bytes(8 * MB))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("village");
        web.post().uri("/api/villages/import").headers(h -> h.setBearerAuth(admin))
                .contentType(CSV).bodyValue(bytes(32 * MB + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("32 MB"));
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsPassedOnForTheServiceToLimit() {
        String finance = userToken("body.chunked", "FINANCE_OFFICER", null);
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 3).map(i -> buffers.wrap(bytes(MB / 2)));

        web.post().uri("/api/budget/programs").headers(h -> h.setBearerAuth(finance))
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.body").value(body -> assertThat(((String) body)
                        .getBytes(StandardCharsets.UTF_8)).hasSize(3 * MB / 2));
    }
}
