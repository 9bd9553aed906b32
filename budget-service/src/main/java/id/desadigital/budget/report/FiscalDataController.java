package id.desadigital.budget.report;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A fiscal year as a Fiscal Data Package, for anyone without a token: the descriptor and, beside it (its path is
 * relative to the descriptor), the CSV it describes. See {@link FiscalDataPackage}.
 *
 * <p>The CSV is kept gzip-compressed; a client that accepts gzip (browsers, {@code curl --compressed}, most HTTP
 * libraries) gets those bytes as they are, with {@code Content-Encoding: gzip}; any other gets the text, inflated
 * as it is sent.
 */
@RestController
@RequestMapping("/api/public/fiscal-data/{fiscalYear}")
class FiscalDataController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private static final int DESCRIPTOR_BYTES = 8 * 1024;
    private static final int INFLATED_CHUNK = 64 * 1024;

    private final FiscalDataPackage fiscalData;
    private final PublicAnswers publicAnswers;

    FiscalDataController(FiscalDataPackage fiscalData, PublicAnswers publicAnswers) {
        this.fiscalData = fiscalData;
        this.publicAnswers = publicAnswers;
    }

    @GetMapping(path = "/datapackage.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> descriptor(@PathVariable String fiscalYear) {
        int year = ReportParameters.fiscalYear("fiscalYear", fiscalYear);
        return publicAnswers.get(new Descriptor(year), () -> fiscalData.descriptor(year),
                descriptor -> DESCRIPTOR_BYTES);
    }

    @GetMapping(path = "/" + FiscalDataPackage.RESOURCE_PATH, produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(@PathVariable String fiscalYear, ServerHttpRequest request) {
        int year = ReportParameters.fiscalYear("fiscalYear", fiscalYear);
        boolean gzip = acceptsGzip(request);
        return publicAnswers.get(new Resource(year), () -> fiscalData.gzippedCsv(year), gzipped -> gzipped.length)
                .map(gzipped -> {
                    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                            .contentType(CSV)
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                            .header(HttpHeaders.CONTENT_DISPOSITION,
                                    "inline; filename=\"desa-digital-realization-" + year + ".csv\"");
                    if (gzip) {
                        return response.header(HttpHeaders.CONTENT_ENCODING, "gzip")
                                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(gzipped)));
                    }
                    return response.body(DataBufferUtils.readInputStream(
                            () -> new GZIPInputStream(new ByteArrayInputStream(gzipped)),
                            DefaultDataBufferFactory.sharedInstance, INFLATED_CHUNK));
                });
    }

    /** Whether {@code Accept-Encoding} lists gzip with a non-zero weight. */
    static boolean acceptsGzip(ServerHttpRequest request) {
        for (String header : request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING)) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")
                        && (parts.length == 1 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Descriptor(int fiscalYear) {
    }

    private record Resource(int fiscalYear) {
    }
}
