package slnet.login;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the agent should appear: the last location, home, or a position in a named region.
 */
public sealed interface StartLocation {

    /** The last location the agent was at. */
    StartLocation LAST = new Last();
    /** The agent's home. */
    StartLocation HOME = new Home();

    /**
     * The value of the {@code start} login parameter.
     *
     * @return {@code last}, {@code home} or {@code uri:Region&x&y&z}
     */
    String toLoginString();

    /**
     * A position in a region.
     *
     * @param region the region name
     * @param x      region-local x in meters (0..256 on classic regions)
     * @param y      region-local y in meters
     * @param z      region-local z in meters
     * @return the location
     */
    static StartLocation region(String region, double x, double y, double z) {
        return new Region(region, x, y, z);
    }

    /** The last location. */
    record Last() implements StartLocation {
        @Override
        public String toLoginString() {
            return "last";
        }
    }

    /** Home. */
    record Home() implements StartLocation {
        @Override
        public String toLoginString() {
            return "home";
        }
    }

    /**
     * A region and position.
     *
     * @param region region name; must not contain {@code &}, which separates the fields
     * @param x      local x in meters
     * @param y      local y in meters
     * @param z      local z in meters
     */
    record Region(String region, double x, double y, double z) implements StartLocation {
        /** Validates. */
        public Region {
            Objects.requireNonNull(region, "region");
            if (region.isBlank() || region.indexOf('&') >= 0) {
                throw new IllegalArgumentException("region name must be non-blank and free of '&'");
            }
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
        }

        @Override
        public String toLoginString() {
            // XML metacharacters in the name are escaped by the request writer; escaping here too
            // (as the official viewer does) would reach OpenSimulator as a literal "&amp;"
            return "uri:" + region + "&" + num(x) + "&" + num(y) + "&" + num(z);
        }

        private static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
        }
    }
}
