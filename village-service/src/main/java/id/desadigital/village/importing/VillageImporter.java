package id.desadigital.village.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.web.ApiProblem;
import id.desadigital.village.outbox.OutboxRelay;
import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageChange;
import id.desadigital.village.village.VillageChanges;
import id.desadigital.village.village.VillageEventPayloads;
import id.desadigital.village.village.VillageStatus;
import id.desadigital.village.village.VillageStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Loads the Kemendagri area list. Rows stream through in batches: each batch costs one read of the villages it
 * names, one bulk insert, one bulk compare-and-set update and one Kafka round trip, whatever its size. A row equal
 * to what is stored writes nothing, so importing the same file twice is harmless.
 */
@Service
public class VillageImporter {

    private static final Logger log = LoggerFactory.getLogger(VillageImporter.class);

    private final VillageStore store;
    private final VillageChanges changes;
    private final OutboxRelay relay;
    private final ImportProperties properties;
    private final CsvReader csv;
    private final Traces traces;

    public VillageImporter(VillageStore store, VillageChanges changes, OutboxRelay relay,
            ImportProperties properties, Traces traces) {
        this.store = store;
        this.changes = changes;
        this.relay = relay;
        this.properties = properties;
        this.traces = traces;
        this.csv = new CsvReader(properties.maxRecordLength());
    }

    /**
     * @param contentLength the body's announced length, or -1 when it comes without one (chunked)
     */
    public Mono<ImportReport> importCsv(Flux<DataBuffer> body, long contentLength, String actor) {
        long limit = properties.maxFileSize().toBytes();
        if (contentLength > limit) {
            return Mono.error(tooLarge(limit));
        }
        // Without a length, only reading tells the size: the file is held until it has all arrived, so that one
        // past the limit is refused before its first rows are written rather than half imported.
        Flux<DataBuffer> file = contentLength >= 0 ? body
                : body.collect(() -> new HeldFile(limit), HeldFile::add)
                        .flatMapMany(held -> held.tooLarge() ? Flux.error(tooLarge(limit)) : Flux.fromIterable(held.buffers));
        // Every change of the import carries the import request's trace to its village-events record.
        return Mono.deferContextual(context -> importRows(file, actor, traces.traceparent(context)));
    }

    /**
     * A chunked file as it arrives. Past the limit its buffers are let go but the rest is still read, up to twice the
     * limit: a server that answers 413 while the client is still sending closes the connection under it, and the
     * client sees the connection reset instead of the answer. Past twice the limit it stops reading at once.
     */
    private static final class HeldFile {

        private final long limit;
        private final List<DataBuffer> buffers = new ArrayList<>();
        private long size;

        HeldFile(long limit) {
            this.limit = limit;
        }

        void add(DataBuffer buffer) {
            size += buffer.readableByteCount();
            if (size <= limit) {
                buffers.add(buffer);
                return;
            }
            DataBufferUtils.release(buffer);
            buffers.forEach(DataBufferUtils::release);
            buffers.clear();
            if (size > 2 * limit) {
                throw VillageImporter.tooLarge(limit);
            }
        }

        boolean tooLarge() {
            return size > limit;
        }
    }

    private Mono<ImportReport> importRows(Flux<DataBuffer> body, String actor, String trace) {
        return Flux.defer(() -> {
                    DuplicateCodes duplicates = new DuplicateCodes();
                    return csv.read(body).switchOnFirst((first, records) -> {
                        if (!first.hasValue()) {
                            return first.hasError() ? Flux.error(first.getThrowable()) : Flux.error(
                                    ApiProblem.badRequest("The file is empty; expected the header line "
                                            + String.join(",", AreaRow.HEADER)));
                        }
                        requireHeader(first.get());
                        return records.skip(1).map(AreaRow::read).map(duplicates::check);
                    });
                })
                .buffer(properties.batchSize())
                .concatMap(batch -> importBatch(batch, actor, trace))
                .reduce(Tally.NONE, Tally::plus)
                .map(Tally::report)
                .onErrorMap(DataBufferLimitException.class, e -> ApiProblem.badRequest(
                        "A line is longer than " + properties.maxRecordLength() + " characters"));
    }

    private static ApiProblem tooLarge(long limit) {
        return ApiProblem.contentTooLarge("The file is larger than the " + limit + " bytes an import accepts");
    }

    private static void requireHeader(CsvRecord header) {
        List<String> names = header.fields().stream().map(field -> field.strip().toLowerCase()).toList();
        if (!header.readable() || !names.equals(AreaRow.HEADER)) {
            throw ApiProblem.badRequest("Line 1 must be the header " + String.join(",", AreaRow.HEADER));
        }
    }

    private Mono<Tally> importBatch(List<AreaRow.Outcome> batch, String actor, String trace) {
        List<ImportReport.Rejection> rejected = batch.stream().filter(o -> !o.isAccepted())
                .map(AreaRow.Outcome::rejection).toList();
        List<AreaRow> rows = batch.stream().filter(AreaRow.Outcome::isAccepted).map(AreaRow.Outcome::row).toList();
        if (rows.isEmpty()) {
            return Mono.just(new Tally(0, 0, 0, rejected));
        }
        Written written = new Written();
        return Mono.defer(() -> writeBatch(rows, actor, trace, written))
                .retryWhen(Retry.max(properties.maxAttempts() - 1L).filter(ConcurrentImport.class::isInstance)
                        .doBeforeRetry(signal -> log.info("Batch from line {} met a concurrent change; recomputing",
                                rows.get(0).line())))
                .flatMap(tally -> written.asStored(store)
                        .flatMap(relay::publishAll)
                        .onErrorResume(e -> {
                            log.warn("Imported batch stored; publishing deferred to the sweep: {}", e.toString());
                            return Mono.empty();
                        })
                        .thenReturn(tally.withRejected(rejected)));
    }

    /**
     * Classifies each row against what is stored and writes the difference. {@code written} remembers the change
     * each written village got, so that a retry after a partial write still counts those rows as created or updated
     * rather than as unchanged.
     */
    private Mono<Tally> writeBatch(List<AreaRow> rows, String actor, String trace, Written written) {
        written.inserted.clear();
        Map<String, String> ours = written.eventIds;
        Set<String> codes = rows.stream().map(AreaRow::code).collect(Collectors.toSet());
        return store.findCurrentWithLastChange(codes).collectMap(Village::code).flatMap(stored -> {
            List<Village> inserts = new ArrayList<>();
            List<VillageStore.VersionedUpdate> updates = new ArrayList<>();
            long created = 0;
            long updated = 0;
            long unchanged = 0;
            for (AreaRow row : rows) {
                Village current = stored.get(row.code());
                if (current == null) {
                    Village village = newVillage(row, actor, trace);
                    inserts.add(village);
                    written.inserted.add(village);
                    ours.put(row.code(), village.changes().get(0).eventId());
                    created++;
                } else if (!row.sameAs(current)) {
                    Village next = withArea(current, row);
                    VillageChange change = changes.next(current.version(), actor,
                            VillageEventPayloads.updated(next), trace);
                    updates.add(new VillageStore.VersionedUpdate(row.code(), current.version(), areaUpdate(row),
                            change));
                    ours.put(row.code(), change.eventId());
                    updated++;
                } else if (isOurs(current, ours)) {
                    if ("VillageRegistered".equals(current.changes().get(current.changes().size() - 1).type())) {
                        created++;
                    } else {
                        updated++;
                    }
                } else {
                    // Another writer's (an earlier attempt may have tried and lost to it): not ours to publish.
                    ours.remove(row.code());
                    unchanged++;
                }
            }
            Tally tally = new Tally(created, updated, unchanged, List.of());
            return store.insertAll(inserts)
                    .onErrorMap(DuplicateKeyException.class, e -> new ConcurrentImport())
                    .then(store.applyAll(updates))
                    .flatMap(matched -> matched == updates.size() ? Mono.just(tally)
                            : Mono.error(new ConcurrentImport()));
        });
    }

    private static boolean isOurs(Village current, Map<String, String> ours) {
        String eventId = ours.get(current.code());
        return eventId != null && !current.changes().isEmpty()
                && eventId.equals(current.changes().get(current.changes().size() - 1).eventId());
    }

    private Village newVillage(AreaRow row, String actor, String trace) {
        Village village = new Village(row.code(), row.name(), row.type(), row.districtCode(), row.districtName(),
                row.regencyCode(), row.regencyName(), row.provinceCode(), row.provinceName(), VillageStatus.ACTIVE,
                null, 0, List.of(), 0, null);
        VillageChange registered = changes.next(0, actor, VillageEventPayloads.registered(village), trace);
        return new Village(village.code(), village.name(), village.type(), village.districtCode(),
                village.districtName(), village.regencyCode(), village.regencyName(), village.provinceCode(),
                village.provinceName(), village.status(), null, registered.sequence(), List.of(registered), 0, village.code());
    }

    private static Village withArea(Village current, AreaRow row) {
        return new Village(current.code(), row.name(), row.type(), row.districtCode(), row.districtName(),
                row.regencyCode(), row.regencyName(), row.provinceCode(), row.provinceName(), current.status(),
                current.head(), current.version(), List.of(), current.publishedVersion(), current.unpublished());
    }

    private static Update areaUpdate(AreaRow row) {
        return new Update().set("name", row.name()).set("type", row.type())
                .set("districtCode", row.districtCode()).set("districtName", row.districtName())
                .set("regencyCode", row.regencyCode()).set("regencyName", row.regencyName())
                .set("provinceCode", row.provinceCode()).set("provinceName", row.provinceName());
    }

    /** What the attempts at one batch wrote. */
    private static final class Written {

        /** The change each village got from this import, by code, across attempts. */
        final Map<String, String> eventIds = new HashMap<>();
        /** The villages the last attempt inserted, exactly as stored. */
        final List<Village> inserted = new ArrayList<>();

        /**
         * The written villages as stored, for the relay: those inserted by the successful attempt are known
         * already; the others (updated, or written by an earlier attempt) may hold older pending changes, so they
         * are read back.
         */
        Mono<List<Village>> asStored(VillageStore store) {
            Set<String> insertedCodes = inserted.stream().map(Village::code).collect(Collectors.toSet());
            Set<String> others = eventIds.keySet().stream().filter(code -> !insertedCodes.contains(code))
                    .collect(Collectors.toSet());
            return store.findAll(others).collectList().map(read -> {
                List<Village> all = new ArrayList<>(inserted);
                all.addAll(read);
                return all;
            });
        }
    }

    /** A code seen twice in one file: the second row is rejected, naming the line of the first. */
    private static final class DuplicateCodes {

        private final Map<String, Integer> firstLine = new HashMap<>();

        AreaRow.Outcome check(AreaRow.Outcome outcome) {
            if (!outcome.isAccepted()) {
                return outcome;
            }
            Integer first = firstLine.putIfAbsent(outcome.row().code(), outcome.row().line());
            return first == null ? outcome : AreaRow.Outcome.rejected(outcome.row().line(),
                    "code " + outcome.row().code() + " already appears on line " + first);
        }
    }

    private record Tally(long created, long updated, long unchanged, List<ImportReport.Rejection> rejected) {

        static final Tally NONE = new Tally(0, 0, 0, List.of());

        Tally plus(Tally other) {
            List<ImportReport.Rejection> all = new ArrayList<>(rejected);
            all.addAll(other.rejected);
            return new Tally(created + other.created, updated + other.updated, unchanged + other.unchanged, all);
        }

        Tally withRejected(List<ImportReport.Rejection> rows) {
            return new Tally(created, updated, unchanged, rows);
        }

        ImportReport report() {
            return new ImportReport(created, updated, unchanged, rejected);
        }
    }

    private static final class ConcurrentImport extends RuntimeException {
        ConcurrentImport() {
            super("villages changed by a concurrent import", null, false, false);
        }
    }
}
