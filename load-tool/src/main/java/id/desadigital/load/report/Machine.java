package id.desadigital.load.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The machine the figures were measured on, as the report states it. */
public record Machine(int cores, long memoryBytes, String cpu, String os, String java) {

    public static Machine here() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpuModel().orElse("unknown CPU"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GB memory, %s, %s", cores, cpu,
                memoryBytes / 1e9, os, java);
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
