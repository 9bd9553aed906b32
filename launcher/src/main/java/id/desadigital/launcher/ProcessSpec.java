package id.desadigital.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One child process of the stack: how to start it and how to tell that it serves.
 *
 * @param name             short name; also the name of its log file, {@code DATA_DIR/logs/<name>.log}
 * @param command          the command line (program first)
 * @param workingDirectory the directory it runs in
 * @param environment      variables set on top of the supervisor's own environment, which children inherit
 * @param ports            TCP ports it listens on; they must be free before it starts, or another instance
 *                         would answer its readiness probe
 * @param readiness        answers true once it serves
 * @param dependsOn        names of processes earlier in the list that must be ready before it starts
 */
public record ProcessSpec(String name, List<String> command, Path workingDirectory, Map<String, String> environment,
                          List<Integer> ports, ReadinessProbe readiness, Set<String> dependsOn) {

    public ProcessSpec {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("process name must be lower-case letters, digits and '-': " + name);
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("process " + name + " needs a command");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        dependsOn = Set.copyOf(dependsOn);
    }
}
