package id.desadigital.launcher;

/** Tells whether a started process serves yet. Implementations must be quick and must not throw. */
public interface ReadinessProbe {

    boolean isReady();

    /** What is being checked, for messages such as "not ready within 180 s (waited for ...)". */
    String description();
}
