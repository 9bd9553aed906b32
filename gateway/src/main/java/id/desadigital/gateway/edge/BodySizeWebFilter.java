package id.desadigital.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body (Content-Length) is larger than allowed, with 413 before any byte of it is
 * read or a service is asked: the village import may carry the national area list, everything else is small JSON.
 * A chunked body declares no length and is passed on; each service enforces its own limit while reading it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeWebFilter implements WebFilter {

    /** The trailing /** also matches the path itself and a trailing slash, which routes the same. */
    private static final PathPattern IMPORT = PathPatternParser.defaultInstance.parse("/api/villages/import/**");

    private final DataSize maxBody;
    private final DataSize maxImport;
    private final ProblemWriter problems;

    BodySizeWebFilter(EdgeProperties.BodySizes properties, ProblemWriter problems) {
        this.maxBody = properties.maxBodySize();
        this.maxImport = properties.maxImportSize();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        DataSize limit = isImport(request) ? maxImport : maxBody;
        if (declared <= limit.toBytes()) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, ApiProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                "Content too large", "The request body is larger than this endpoint accepts (at most "
                        + readable(limit) + ")"));
    }

    private static boolean isImport(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && IMPORT.matches(request.getPath().pathWithinApplication());
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
