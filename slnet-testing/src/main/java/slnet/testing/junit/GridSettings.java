package slnet.testing.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import slnet.ClientConfig;
import slnet.testgrid.TestAccount;
import slnet.testgrid.TestGrid;

/**
 * What a grid is made of, from {@link SlnetTestGrid} or {@link SlnetTestGridExtension.Builder};
 * validated when made, so a typo in an annotation fails before any socket is bound.
 */
record GridSettings(List<TestAccount> accounts, List<RegionSpec> regions, TestAccount connectAs,
                    boolean capabilities, SlnetTestGrid.Lifecycle lifecycle, boolean failOnLeaks,
                    Consumer<TestGrid.Builder> gridCustomizer, Supplier<ClientConfig> clientConfig) {

    /** Where the first region named without coordinates goes, in region units. */
    static final int FIRST_GRID_X = 1000;
    static final int FIRST_GRID_Y = 1000;

    /** A region at grid coordinates (region units). */
    record RegionSpec(String name, int gridX, int gridY) {
    }

    static GridSettings of(SlnetTestGrid a) {
        return parse(a.accounts(), a.password(), a.regions(), a.connectAs(), a.capabilities(), a.lifecycle(),
                a.failOnLeaks(), b -> { }, ClientConfig::defaults);
    }

    static GridSettings parse(String[] accountNames, String password, String[] regionSpecs, String connectAs,
            boolean capabilities, SlnetTestGrid.Lifecycle lifecycle, boolean failOnLeaks,
            Consumer<TestGrid.Builder> gridCustomizer, Supplier<ClientConfig> clientConfig) {
        Objects.requireNonNull(password, "password");
        if (accountNames.length == 0) {
            throw new ExtensionConfigurationException("@SlnetTestGrid needs at least one account");
        }
        List<TestAccount> accounts = new ArrayList<>();
        for (String name : accountNames) {
            String[] parts = splitName(name);
            TestAccount account = TestAccount.of(parts[0], parts[1], password);
            if (accounts.stream().anyMatch(a -> sameName(a, parts[0], parts[1]))) {
                throw new ExtensionConfigurationException("account \"" + name + "\" is named twice");
            }
            accounts.add(account);
        }
        List<RegionSpec> regions = new ArrayList<>();
        int nextX = FIRST_GRID_X;
        for (String spec : regionSpecs) {
            RegionSpec region = parseRegion(spec, nextX);
            regions.add(region);
            nextX = Math.max(nextX, region.gridX() + 1);
        }
        TestAccount connect = connectAs.isBlank() ? accounts.get(0) : find(accounts, connectAs);
        return new GridSettings(List.copyOf(accounts), List.copyOf(regions), connect, capabilities,
                Objects.requireNonNull(lifecycle, "lifecycle"), failOnLeaks,
                Objects.requireNonNull(gridCustomizer, "gridCustomizer"),
                Objects.requireNonNull(clientConfig, "clientConfig"));
    }

    /** @return the account named {@code "First Last"} */
    TestAccount account(String name) {
        return find(accounts, name);
    }

    TestGrid start() throws java.io.IOException {
        TestGrid.Builder builder = TestGrid.builder().capabilities(capabilities);
        accounts.forEach(builder::account);
        regions.forEach(r -> builder.region(r.name(), r.gridX(), r.gridY()));
        gridCustomizer.accept(builder);
        return builder.start();
    }

    private static TestAccount find(List<TestAccount> accounts, String name) {
        String[] parts = splitName(name);
        return accounts.stream().filter(a -> sameName(a, parts[0], parts[1])).findFirst()
                .orElseThrow(() -> new ExtensionConfigurationException("no account \"" + name
                        + "\" on the grid; its accounts are " + accounts.stream()
                                .map(a -> a.firstName() + " " + a.lastName()).toList()));
    }

    private static boolean sameName(TestAccount a, String first, String last) {
        return a.firstName().equalsIgnoreCase(first) && a.lastName().equalsIgnoreCase(last);
    }

    private static String[] splitName(String name) {
        String[] parts = name.strip().split("\\s+");
        if (parts.length != 2) {
            throw new ExtensionConfigurationException("an account is \"First Last\", not \"" + name + "\"");
        }
        return parts;
    }

    private static RegionSpec parseRegion(String spec, int nextX) {
        int at = spec.lastIndexOf('@');
        if (at < 0) {
            if (spec.isBlank()) {
                throw new ExtensionConfigurationException("a region needs a name");
            }
            return new RegionSpec(spec.strip(), nextX, FIRST_GRID_Y);
        }
        String name = spec.substring(0, at).strip();
        String[] xy = spec.substring(at + 1).split(",");
        try {
            if (name.isEmpty() || xy.length != 2) {
                throw new NumberFormatException();
            }
            int x = Integer.parseInt(xy[0].strip());
            int y = Integer.parseInt(xy[1].strip());
            if (x < 0 || y < 0) {
                throw new NumberFormatException();
            }
            return new RegionSpec(name, x, y);
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("a region is \"Name\" or \"Name@x,y\" (grid coordinates,"
                    + " region units), not \"" + spec + "\"");
        }
    }

    @Override
    public String toString() {
        return "GridSettings[accounts " + accounts.stream().map(a -> a.firstName() + " " + a.lastName()).toList()
                + ", regions " + regions + ", " + lifecycle.name().toLowerCase(Locale.ROOT) + "]";
    }
}
