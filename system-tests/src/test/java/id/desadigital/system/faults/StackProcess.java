package id.desadigital.system.faults;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import id.desadigital.system.support.RunningStack;

/**
 * The launcher's five children, told apart by their command lines as the launcher's {@code StackPlan} writes them: a
 * service by its jar, the store and the broker by their main classes on the launcher's classpath.
 */
enum StackProcess {
    BUDGET_SERVICE("budget-service", "budget-service.jar"),
    VILLAGE_SERVICE("village-service", "village-service.jar"),
    GATEWAY("gateway", "gateway.jar"),
    BROKER("broker", "id.desadigital.launcher.kafka.KafkaBrokerMain"),
    STORE("store", "id.desadigital.launcher.store.MongoStoreMain");

    private final String name;
    private final String argument;

    StackProcess(String name, String argument) {
        this.name = name;
        this.argument = argument;
    }

    /** The launcher's name for it, also its log's: {@code DATA_DIR/logs/<name>.log}. */
    String processName() {
        return name;
    }

    /** Its running JVM, if there is one now. */
    Optional<ProcessHandle> in(RunningStack stack) {
        return stack.processes().filter(ProcessHandle::isAlive).filter(this::runs).findFirst();
    }

    private boolean runs(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean java = info.command().map(command -> Path.of(command).getFileName().toString().equals("java"))
                .orElse(false);
        return java && info.arguments().map(arguments -> Arrays.stream(arguments).anyMatch(this::names))
                .orElse(false);
    }

    private boolean names(String commandArgument) {
        return commandArgument.equals(argument) || commandArgument.endsWith("/" + argument);
    }
}
