package slnet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's layers, as the README draws them, checked on the compiled classes: a wrong import
 * fails the build. From the top: the facade ({@code slnet}), the world model and names, the network
 * manager, then login, capabilities, circuits and handlers side by side, the transport, and the
 * protocol at the bottom; {@code slnet.time} and {@code slnet.internal} serve every layer.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // sibling modules' test-jars
                .importPackages("slnet");
    }

    @Test
    void dependenciesPointDownOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Facade").definedBy("slnet")
                .layer("World").definedBy("slnet.world..", "slnet.names..")
                .layer("Network").definedBy("slnet.network..")
                .layer("Login").definedBy("slnet.login..")
                .layer("Capabilities").definedBy("slnet.caps..")
                .layer("Circuits").definedBy("slnet.circuit..")
                .layer("Handlers").definedBy("slnet.handler..")
                .layer("Transport").definedBy("slnet.transport..")
                .layer("Protocol").definedBy("slnet.protocol..")
                .layer("Support").definedBy("slnet.time..", "slnet.internal..")
                .whereLayer("Facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("World").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("Network").mayOnlyBeAccessedByLayers("Facade", "World")
                .whereLayer("Login").mayOnlyBeAccessedByLayers("Facade", "World", "Network")
                .whereLayer("Capabilities").mayOnlyBeAccessedByLayers("Facade", "World", "Network")
                .whereLayer("Handlers").mayOnlyBeAccessedByLayers("Facade", "World", "Network")
                .whereLayer("Circuits").mayOnlyBeAccessedByLayers("Facade", "World", "Network")
                .whereLayer("Transport").mayOnlyBeAccessedByLayers("Facade", "Network", "Circuits")
                .whereLayer("Protocol").mayOnlyBeAccessedByLayers("Facade", "World", "Network", "Login",
                        "Capabilities", "Circuits", "Handlers")
                .check(classes);
    }

    @Test
    void theTransportKnowsNoMessages() {
        noClasses().that().resideInAPackage("slnet.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("slnet.protocol..")
                .check(classes);
    }

    @Test
    void circuitsKnowNoLoginCapabilitiesOrSessions() {
        noClasses().that().resideInAPackage("slnet.circuit..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("slnet.login..", "slnet.caps..", "slnet.network..", "slnet.handler..")
                .check(classes);
    }

    @Test
    void loginAndCapabilitiesKnowNoCircuitsOrDatagrams() {
        noClasses().that().resideInAnyPackage("slnet.login..", "slnet.caps..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("slnet.circuit..", "slnet.transport..", "slnet.network..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.net\\.Datagram.*|java\\.nio\\.channels\\.DatagramChannel")
                .check(classes);
    }

    @Test
    void internalPackagesStayInTheirLayer() {
        noClasses().that().resideOutsideOfPackages("slnet.caps..", "slnet.network..")
                .should().dependOnClassesThat().resideInAPackage("slnet.caps.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("slnet.circuit..")
                .should().dependOnClassesThat().resideInAPackage("slnet.circuit.internal..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("slnet.login..", "slnet.network..")
                .should().dependOnClassesThat().resideInAPackage("slnet.login.internal..")
                .check(classes);
    }
}
