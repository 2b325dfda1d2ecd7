package slnet.login.internal;

import java.util.Optional;
import slnet.login.HomeLocation;

/**
 * Decodes the reply's {@code home} entry.
 */
final class HomeParsing {

    private HomeParsing() {
    }

    static Optional<HomeLocation> parse(String text) {
        return HomeNotationParser.parseHome(text);
    }
}
