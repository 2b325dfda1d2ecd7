package slnet.testgrid;

import java.util.Objects;
import java.util.UUID;

/**
 * An account the test grid's login server accepts.
 *
 * @param firstName first name
 * @param lastName  last name
 * @param password  plain-text password
 * @param agentId   the agent id issued for it
 */
public record TestAccount(String firstName, String lastName, String password, UUID agentId) {

    /** Rejects nulls. */
    public TestAccount {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(agentId, "agentId");
    }

    /**
     * An account with a random agent id.
     *
     * @param firstName first name
     * @param lastName  last name
     * @param password  plain-text password
     * @return the account
     */
    public static TestAccount of(String firstName, String lastName, String password) {
        return new TestAccount(firstName, lastName, password, UUID.randomUUID());
    }

    @Override
    public String toString() {
        return "TestAccount[" + firstName + " " + lastName + ", agentId=" + agentId + "]";
    }
}
