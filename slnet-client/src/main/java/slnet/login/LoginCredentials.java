package slnet.login;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a login request carries: who, where to, and how the client describes itself.
 *
 * <p>Immutable; make one with {@link #of(String, String, String)} and adjust with the
 * {@code with...} methods or {@link #toBuilder()}. {@link #toString()} masks the password, the
 * MFA token and the MFA hash.
 */
public final class LoginCredentials {

    /** The options the official viewer requests, in its order. */
    public static final List<String> DEFAULT_OPTIONS = List.of(
            "inventory-root", "inventory-skeleton", "inventory-lib-root", "inventory-lib-owner",
            "inventory-skel-lib", "initial-outfit", "gestures", "display_names", "event_categories",
            "event_notifications", "classified_categories", "adult_compliant", "buddy-list",
            "newuser-config", "ui-config", "advanced-mode", "max-agent-groups", "map-server-url",
            "voice-config", "tutorial_setting", "login-flags", "global-textures");

    /** A machine id of zeros: the default for {@code mac} and {@code id0}, revealing nothing. */
    public static final String ANONYMOUS_MACHINE_ID = "00000000000000000000000000000000";

    private final String firstName;
    private final String lastName;
    private final String password;
    private final Grid grid;
    private final StartLocation startLocation;
    private final String channel;
    private final String version;
    private final String platform;
    private final String platformVersion;
    private final String platformString;
    private final String mac;
    private final String id0;
    private final String hostId;
    private final boolean agreeToTos;
    private final boolean readCritical;
    private final String mfaHash;
    private final String mfaToken;
    private final List<String> options;
    private final LoginProtocol protocol;
    private final int lastExecEvent;

    private LoginCredentials(Builder b) {
        firstName = b.firstName;
        lastName = b.lastName;
        password = b.password;
        grid = b.grid;
        startLocation = b.startLocation;
        channel = b.channel;
        version = b.version;
        platform = b.platform;
        platformVersion = b.platformVersion;
        platformString = b.platformString;
        mac = b.mac;
        id0 = b.id0;
        hostId = b.hostId;
        agreeToTos = b.agreeToTos;
        readCritical = b.readCritical;
        mfaHash = b.mfaHash;
        mfaToken = b.mfaToken;
        options = List.copyOf(b.options);
        protocol = b.protocol;
        lastExecEvent = b.lastExecEvent;
    }

    /**
     * Credentials for Second Life's main grid with every other field at its default.
     *
     * @param firstName first name (for single-word usernames, the username)
     * @param lastName  last name ({@code Resident} for single-word usernames)
     * @param password  plain-text password, or {@code $1$} + 32 hex digits of its MD5
     * @return the credentials
     * @throws IllegalArgumentException if a field is invalid
     */
    public static LoginCredentials of(String firstName, String lastName, String password) {
        return builder().firstName(firstName).lastName(lastName).password(password).build();
    }

    /**
     * A builder with every default set and no name or password.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy for another grid.
     *
     * @param newGrid the grid
     * @return the copy
     */
    public LoginCredentials withGrid(Grid newGrid) {
        return toBuilder().grid(newGrid).build();
    }

    /**
     * A copy with another start location.
     *
     * @param location the location
     * @return the copy
     */
    public LoginCredentials withStartLocation(StartLocation location) {
        return toBuilder().startLocation(location).build();
    }

    /**
     * A copy carrying an MFA token (and the hash, if one was stored) for a challenged login.
     *
     * @param token the token
     * @return the copy
     */
    public LoginCredentials withMfaToken(String token) {
        return toBuilder().mfaToken(token).build();
    }

    /**
     * Returns first name.
     *
     * @return first name
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns last name.
     *
     * @return last name
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns the password as given (plain text or {@code $1$} hash); a secret.
     *
     * @return the password as given (plain text or {@code $1$} hash); a secret
     */
    public String password() {
        return password;
    }

    /**
     * Returns the grid.
     *
     * @return the grid
     */
    public Grid grid() {
        return grid;
    }

    /**
     * Returns the start location.
     *
     * @return the start location
     */
    public StartLocation startLocation() {
        return startLocation;
    }

    /**
     * Returns the viewer channel reported to the grid.
     *
     * @return the viewer channel reported to the grid
     */
    public String channel() {
        return channel;
    }

    /**
     * Returns the viewer version reported to the grid.
     *
     * @return the viewer version reported to the grid
     */
    public String version() {
        return version;
    }

    /**
     * Returns platform code ({@code win}, {@code mac}, {@code lnx}).
     *
     * @return platform code ({@code win}, {@code mac}, {@code lnx})
     */
    public String platform() {
        return platform;
    }

    /**
     * Returns operating system version.
     *
     * @return operating system version
     */
    public String platformVersion() {
        return platformVersion;
    }

    /**
     * Returns operating system description.
     *
     * @return operating system description
     */
    public String platformString() {
        return platformString;
    }

    /**
     * Returns the hashed machine id sent as {@code mac}.
     *
     * @return the hashed machine id sent as {@code mac}
     */
    public String mac() {
        return mac;
    }

    /**
     * Returns the hashed serial sent as {@code id0}.
     *
     * @return the hashed serial sent as {@code id0}
     */
    public String id0() {
        return id0;
    }

    /**
     * Returns the {@code host_id} value.
     *
     * @return the {@code host_id} value
     */
    public String hostId() {
        return hostId;
    }

    /**
     * Returns whether the terms of service are accepted.
     *
     * @return whether the terms of service are accepted
     */
    public boolean agreeToTos() {
        return agreeToTos;
    }

    /**
     * Returns whether the critical message was read.
     *
     * @return whether the critical message was read
     */
    public boolean readCritical() {
        return readCritical;
    }

    /**
     * Returns the stored MFA hash, or empty; a secret.
     *
     * @return the stored MFA hash, or empty; a secret
     */
    public String mfaHash() {
        return mfaHash;
    }

    /**
     * Returns the MFA token for this attempt, or empty; a secret.
     *
     * @return the MFA token for this attempt, or empty; a secret
     */
    public String mfaToken() {
        return mfaToken;
    }

    /**
     * Returns the requested reply options.
     *
     * @return the requested reply options
     */
    public List<String> options() {
        return options;
    }

    /**
     * Returns the wire format.
     *
     * @return the wire format
     */
    public LoginProtocol protocol() {
        return protocol;
    }

    /**
     * Returns how the previous session ended, as the viewer reports it (0 = normal).
     *
     * @return how the previous session ended, as the viewer reports it (0 = normal)
     */
    public int lastExecEvent() {
        return lastExecEvent;
    }

    @Override
    public String toString() {
        return "LoginCredentials[" + firstName + " " + lastName + " @ " + grid.name()
                + ", password=***, start=" + startLocation.toLoginString()
                + ", channel=" + channel + ", version=" + version + ", protocol=" + protocol
                + ", mfaToken=" + (mfaToken.isEmpty() ? "none" : "***")
                + ", mfaHash=" + (mfaHash.isEmpty() ? "none" : "***") + "]";
    }

    /**
     * Builds {@link LoginCredentials}; {@link #build()} validates.
     */
    public static final class Builder {
        private String firstName = "";
        private String lastName = "";
        private String password = "";
        private Grid grid = Grid.SECOND_LIFE;
        private StartLocation startLocation = StartLocation.LAST;
        private String channel = "slnet";
        private String version = "0.1.0";
        private String platform = detectPlatform();
        private String platformVersion = System.getProperty("os.version", "");
        private String platformString = System.getProperty("os.name", "") + " " + System.getProperty("os.version", "");
        private String mac = ANONYMOUS_MACHINE_ID;
        private String id0 = ANONYMOUS_MACHINE_ID;
        private String hostId = "";
        private boolean agreeToTos;
        private boolean readCritical;
        private String mfaHash = "";
        private String mfaToken = "";
        private List<String> options = DEFAULT_OPTIONS;
        private LoginProtocol protocol = LoginProtocol.XML_RPC;
        private int lastExecEvent;

        private Builder() {
        }

        private Builder(LoginCredentials c) {
            firstName = c.firstName;
            lastName = c.lastName;
            password = c.password;
            grid = c.grid;
            startLocation = c.startLocation;
            channel = c.channel;
            version = c.version;
            platform = c.platform;
            platformVersion = c.platformVersion;
            platformString = c.platformString;
            mac = c.mac;
            id0 = c.id0;
            hostId = c.hostId;
            agreeToTos = c.agreeToTos;
            readCritical = c.readCritical;
            mfaHash = c.mfaHash;
            mfaToken = c.mfaToken;
            options = c.options;
            protocol = c.protocol;
            lastExecEvent = c.lastExecEvent;
        }

        private static String detectPlatform() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return os.startsWith("win") ? "win" : os.startsWith("mac") ? "mac" : "lnx";
        }

        /**
         * Sets first name.
         *
         * @param v first name
         * @return this
         */
        public Builder firstName(String v) {
            firstName = Objects.requireNonNull(v).strip();
            return this;
        }

        /**
         * Sets last name.
         *
         * @param v last name
         * @return this
         */
        public Builder lastName(String v) {
            lastName = Objects.requireNonNull(v).strip();
            return this;
        }

        /**
         * Sets plain-text password or {@code $1$} + MD5 hex.
         *
         * @param v plain-text password or {@code $1$} + MD5 hex
         * @return this
         */
        public Builder password(String v) {
            password = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the grid.
         *
         * @param v the grid
         * @return this
         */
        public Builder grid(Grid v) {
            grid = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the start location.
         *
         * @param v the start location
         * @return this
         */
        public Builder startLocation(StartLocation v) {
            startLocation = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the viewer channel.
         *
         * @param v the viewer channel
         * @return this
         */
        public Builder channel(String v) {
            channel = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the viewer version.
         *
         * @param v the viewer version
         * @return this
         */
        public Builder version(String v) {
            version = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets platform code.
         *
         * @param v platform code
         * @return this
         */
        public Builder platform(String v) {
            platform = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets OS version.
         *
         * @param v OS version
         * @return this
         */
        public Builder platformVersion(String v) {
            platformVersion = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets OS description.
         *
         * @param v OS description
         * @return this
         */
        public Builder platformString(String v) {
            platformString = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets hashed machine id.
         *
         * @param v hashed machine id
         * @return this
         */
        public Builder mac(String v) {
            mac = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets hashed serial.
         *
         * @param v hashed serial
         * @return this
         */
        public Builder id0(String v) {
            id0 = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets host id.
         *
         * @param v host id
         * @return this
         */
        public Builder hostId(String v) {
            hostId = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets accept the terms of service.
         *
         * @param v accept the terms of service
         * @return this
         */
        public Builder agreeToTos(boolean v) {
            agreeToTos = v;
            return this;
        }

        /**
         * Sets the critical message was read.
         *
         * @param v the critical message was read
         * @return this
         */
        public Builder readCritical(boolean v) {
            readCritical = v;
            return this;
        }

        /**
         * Sets MFA hash from an earlier {@link SessionInfo#mfaHash()}.
         *
         * @param v MFA hash from an earlier {@link SessionInfo#mfaHash()}
         * @return this
         */
        public Builder mfaHash(String v) {
            mfaHash = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets MFA token.
         *
         * @param v MFA token
         * @return this
         */
        public Builder mfaToken(String v) {
            mfaToken = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets requested reply options.
         *
         * @param v requested reply options
         * @return this
         */
        public Builder options(List<String> v) {
            options = List.copyOf(v);
            return this;
        }

        /**
         * Sets wire format.
         *
         * @param v wire format
         * @return this
         */
        public Builder protocol(LoginProtocol v) {
            protocol = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets last exec event code.
         *
         * @param v last exec event code
         * @return this
         */
        public Builder lastExecEvent(int v) {
            lastExecEvent = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the credentials
         * @throws IllegalArgumentException naming the first invalid field
         */
        public LoginCredentials build() {
            if (firstName.isEmpty() || firstName.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("first name must be one non-empty word");
            }
            if (lastName.isEmpty() || lastName.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("last name must be one non-empty word (use Resident)");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password is empty");
            }
            if (channel.isBlank() || version.isBlank() || platform.isBlank()) {
                throw new IllegalArgumentException("channel, version and platform must not be blank");
            }
            for (String field : List.of(firstName, lastName, password, channel, version, platform, platformVersion,
                    platformString, mac, id0, hostId, mfaHash, mfaToken)) {
                // XML 1.0 cannot carry most control characters, and no grid expects them
                if (field.chars().anyMatch(ch -> Character.isISOControl(ch))) {
                    throw new IllegalArgumentException("fields must not contain control characters");
                }
            }
            if (options.stream().anyMatch(o -> o.isBlank() || o.chars().anyMatch(Character::isISOControl))) {
                throw new IllegalArgumentException("options must not contain blanks");
            }
            return new LoginCredentials(this);
        }

        @Override
        public String toString() {
            return "LoginCredentials.Builder[" + firstName + " " + lastName + ", password=***]";
        }
    }
}
