package slnet.testing.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a fixture class only when a test launches it through the engine test kit with
 * {@link #PARAMETER} set, so the build's own test run (or an IDE's "run all") skips it.
 */
final class OnlyInTestKit implements ExecutionCondition {
    static final String PARAMETER = "slnet.testing.fixtures";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("launched as a fixture")
                : ConditionEvaluationResult.disabled("a fixture of an extension test, run by that test only");
    }
}
