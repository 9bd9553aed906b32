package id.desadigital.platform.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because something did not answer in time ({@code Timeout on blocking read}, a
 * {@link TimeoutException}), prints every thread's stack before passing the failure on. A request that hangs once in
 * a hundred CI runs cannot be reproduced afterwards; what each thread was doing at that moment is the only evidence.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            System.err.println("Thread dump at the timeout of " + context.getDisplayName() + ":\n" + threadDump());
        }
        throw failure;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || String.valueOf(cause.getMessage()).startsWith("Timeout on blocking read")) {
                return true;
            }
        }
        return false;
    }

    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                .sorted(Comparator.comparing(ThreadInfo::getThreadName))
                .forEach(thread -> {
                    dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
                    if (thread.getLockName() != null) {
                        dump.append(" on ").append(thread.getLockName());
                    }
                    if (thread.getLockOwnerName() != null) {
                        dump.append(" held by \"").append(thread.getLockOwnerName()).append('"');
                    }
                    dump.append('\n');
                    // ThreadInfo.toString() stops at eight frames; a hang's cause is usually deeper.
                    for (StackTraceElement frame : thread.getStackTrace()) {
                        dump.append("\tat ").append(frame).append('\n');
                    }
                });
        return dump.toString();
    }
}
