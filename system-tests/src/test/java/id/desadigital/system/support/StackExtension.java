package id.desadigital.system.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link RunningStack} of the run (and its {@link Fixture}): started by the first test class that
 * asks, stopped when the whole run ends, so the half minute a stack needs to start is paid once.
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningStack.class || type == Fixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningStack stack = stack(context);
        if (parameter.getParameter().getType() == RunningStack.class) {
            return stack;
        }
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Fixture.class, type -> Fixture.create(stack),
                Fixture.class);
    }

    /** The stack of the run, started now if no test asked for it before (other extensions use it too). */
    static RunningStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(RunningStack.class, type -> RunningStack.start(), RunningStack.class);
    }
}
