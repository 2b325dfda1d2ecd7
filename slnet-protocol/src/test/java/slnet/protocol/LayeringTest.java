package slnet.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The protocol layer is pure: bytes and messages in, bytes and messages out; it knows no sockets. */
class LayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("slnet.protocol");

    @Test
    void theProtocolKnowsNoSocketsThreadsOrHttp() {
        noClasses().that().resideInAPackage("slnet.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.channels..", "java.net.http..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.net\\.(Datagram|Server)?Socket.*")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Thread.class.getName())
                .check(classes);
    }

    @Test
    void generatedMessagesDependOnlyOnTheProtocol() {
        noClasses().that().resideInAPackage("slnet.protocol.messages..")
                .should().dependOnClassesThat().resideInAnyPackage("slnet.protocol.internal..", "slnet.protocol.llsd..")
                .check(classes);
    }
}
