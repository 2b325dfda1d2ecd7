package slnet.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which region's {@code Simulator} a parameter is, instead of the start region's.
 *
 * <pre>{@code
 * @Test
 * void crossing(Client bot, @InRegion("Beta") Simulator beta) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface InRegion {
    /**
     * Returns the region's name, as given to {@link SlnetTestGrid#regions()}.
     *
     * @return the region's name, as given to {@link SlnetTestGrid#regions()}
     */
    String value();
}
