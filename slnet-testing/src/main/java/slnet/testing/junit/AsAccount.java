package slnet.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which account an injected {@code Client}, {@code LoginCredentials} or {@code TestAccount}
 * parameter is for, instead of the grid's {@link SlnetTestGrid#connectAs() connect account}.
 *
 * <pre>{@code
 * @Test
 * void twoBots(Client alice, @AsAccount("Bob Tester") Client bob) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AsAccount {
    /**
     * Returns the account's {@code "First Last"}, as given to {@link SlnetTestGrid#accounts()}.
     *
     * @return the account's {@code "First Last"}, as given to {@link SlnetTestGrid#accounts()}
     */
    String value();
}
