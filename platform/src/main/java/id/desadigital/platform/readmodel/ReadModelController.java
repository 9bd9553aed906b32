package id.desadigital.platform.readmodel;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * The operator's door to a service's read models (docs/operations.md): their state, and a rebuild from the topic's
 * start. Administrators only; the gateway routes {@code <path>/**} to the service and checks the role too.
 */
@RestController
@RequestMapping("${desa.read-models.path}/{name}")
@PreAuthorize("hasRole('ADMIN')")
public class ReadModelController {

    private final Map<String, ReadModelFeed> feeds;
    private final String path;

    ReadModelController(List<ReadModelFeed> feeds, ReadModelProperties properties) {
        this.feeds = feeds.stream().collect(Collectors.toMap(feed -> feed.model().name(), Function.identity()));
        this.path = properties.path();
    }

    /** The generation read, the rebuild under way and how far it has read. */
    @GetMapping
    public Mono<ReadModelStatus> status(@PathVariable String name) {
        return feed(name).flatMap(ReadModelFeed::status);
    }

    /**
     * Rebuilds the read model from its topic's start into a new generation, read once it has caught up: 202 at once,
     * with the state to follow; 409 while a rebuild is under way.
     */
    @PostMapping("/rebuild")
    public Mono<ResponseEntity<ReadModelStatus>> rebuild(@PathVariable String name,
            @AuthenticationPrincipal Jwt caller) {
        return feed(name).flatMap(feed -> feed.rebuild(caller.getSubject()))
                .map(status -> ResponseEntity.accepted().location(URI.create(path + "/" + name)).body(status));
    }

    private Mono<ReadModelFeed> feed(String name) {
        ReadModelFeed feed = feeds.get(name);
        return feed != null ? Mono.just(feed)
                : Mono.error(ApiProblem.notFound("No read model " + name + " here; there are " + feeds.keySet()));
    }
}
