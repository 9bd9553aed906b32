package id.desadigital.village.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class CsvReaderTest {

    private final CsvReader reader = new CsvReader(1024);

    @Test
    void quotedNamesKeepTheirCommasAndApostrophesNeedNoQuotes() {
        String csv = """
                code,name
                12.07.28.1007,"Lubuk Pakam I,II"
                14.02.09.2010,"Lambang Sari I, II, III"
                11.05.10.2004,Pasi Kuala Ba'u
                53.01.01.2001,Kwawor Kecil Mata’ Ata
                """;

        StepVerifier.create(reader.read(chunks(csv, 4096)).map(CsvRecord::fields))
                .expectNext(List.of("code", "name"))
                .expectNext(List.of("12.07.28.1007", "Lubuk Pakam I,II"))
                .expectNext(List.of("14.02.09.2010", "Lambang Sari I, II, III"))
                .expectNext(List.of("11.05.10.2004", "Pasi Kuala Ba'u"))
                .expectNext(List.of("53.01.01.2001", "Kwawor Kecil Mata’ Ata"))
                .verifyComplete();
    }

    @Test
    void doubledQuotesCrlfAndALineBreakInsideQuotesFollowRfc4180() {
        String csv = "code,name\r\n33.03.01.2001,\"Karang \"\"Gedang\"\"\"\r\n33.03.01.2002,\"Two\r\nLines\"\r\n"
                + "33.03.01.2003,Last";

        StepVerifier.create(reader.read(chunks(csv, 4096)))
                .expectNext(CsvRecord.of(1, List.of("code", "name")))
                .expectNext(CsvRecord.of(2, List.of("33.03.01.2001", "Karang \"Gedang\"")))
                .expectNext(CsvRecord.of(3, List.of("33.03.01.2002", "Two\nLines")))
                .expectNext(CsvRecord.of(5, List.of("33.03.01.2003", "Last")))
                .verifyComplete();
    }

    @Test
    void aMultiByteCharacterSplitAcrossNetworkBuffersArrivesWhole() {
        String csv = "code,name\n53.01.01.2001,Mata’ Ata\n";

        StepVerifier.create(reader.read(chunks(csv, 3)).map(CsvRecord::fields))
                .expectNext(List.of("code", "name"))
                .expectNext(List.of("53.01.01.2001", "Mata’ Ata"))
                .verifyComplete();
    }

    @Test
    void byteOrderMarkAndBlankLinesAreIgnored() {
        String csv = "\uFEFFcode,name\n\n33.03.01.2001,Bokol\n\n";

        StepVerifier.create(reader.read(chunks(csv, 4096)))
                .expectNext(CsvRecord.of(1, List.of("code", "name")))
                .expectNext(CsvRecord.of(3, List.of("33.03.01.2001", "Bokol")))
                .verifyComplete();
    }

    @Test
    void aQuoteNeverClosedIsReportedAtTheLineItOpensAndReadingGoesOn() {
        String longTail = "x".repeat(600);
        String csv = "code,name\n33.03.01.2001,\"Bokol\n" + longTail + "\n" + longTail + "\n33.03.01.2002,Ok\n";

        StepVerifier.create(reader.read(chunks(csv, 4096)))
                .expectNext(CsvRecord.of(1, List.of("code", "name")))
                .assertNext(record -> {
                    assertThat(record.readable()).isFalse();
                    assertThat(record.line()).isEqualTo(2);
                    assertThat(record.error()).contains("never closed");
                })
                .expectNext(CsvRecord.of(5, List.of("33.03.01.2002", "Ok")))
                .verifyComplete();
    }

    @Test
    void anUnclosedQuoteAtTheEndOfTheFileIsReported() {
        StepVerifier.create(reader.read(chunks("code,name\n33.03.01.2001,\"Bokol\n", 4096)))
                .expectNextCount(1)
                .assertNext(record -> assertThat(record).isEqualTo(
                        CsvRecord.unreadable(2, "a quoted field is never closed")))
                .verifyComplete();
    }

    private static Flux<DataBuffer> chunks(String text, int size) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Flux.range(0, (bytes.length + size - 1) / size)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        Arrays.copyOfRange(bytes, i * size, Math.min(bytes.length, (i + 1) * size))));
    }
}
