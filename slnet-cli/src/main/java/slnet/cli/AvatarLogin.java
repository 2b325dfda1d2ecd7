package slnet.cli;

import java.io.Console;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the commands that log in take from the user: the avatar name from {@code --user} ("First
 * Last"; a single word is a username, whose last name is Resident) and the password from
 * {@code SLNET_PASSWORD} or a terminal prompt, never from the command line.
 */
final class AvatarLogin {
    private AvatarLogin() {
    }

    /**
     * Splits {@code --user}.
     *
     * @param user the option's value
     * @return first and last name, or empty when it is not one or two words
     */
    static Optional<String[]> names(String user) {
        String[] words = user.strip().split("\\s+");
        if (words.length > 2 || words[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new String[] {words[0], words.length == 2 ? words[1] : "Resident"});
    }

    /**
     * Finds the password: the environment variable first, else a prompt on the terminal.
     *
     * @param environment looks up environment variables
     * @param console the terminal, if any
     * @param who the avatar name to show in the prompt
     * @return the password, or empty when there is none
     */
    static Optional<String> password(Function<String, String> environment, Supplier<Optional<Console>> console,
                                     String who) {
        String fromEnv = environment.apply(LoginCommand.PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        return console.get().map(c -> c.readPassword("Password for %s: ", who)).map(String::new)
                .filter(p -> !p.isEmpty());
    }
}
