package io.newsflow.system;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of {@code docs/architecture.md}, checked on the compiled classes of
 * every module the services are built from: the event records depend on nothing of ours
 * (and of others only on Jackson's annotations; their schema tools on a validator too),
 * the shared libraries never on a service, the services never on each other, and no two
 * packages depend on each other in a cycle.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.newsflow");

    @Test
    void theContractsDependOnNothingButTheJdkAndJacksonsAnnotations() {
        classes().that()
            .resideInAPackage("io.newsflow.contracts")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.newsflow.contracts", "java..", "com.fasterxml.jackson.annotation..")
            .check(CLASSES);
    }

    /**
     * The schema tools (validation, compatibility) need a JSON Schema validator, which
     * the module declares optional: a reader of the records never loads them.
     */
    @Test
    void theSchemaToolsDependOnlyOnTheContractsJacksonAndTheValidator() {
        classes().that()
            .resideInAPackage("io.newsflow.contracts.schema..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.newsflow.contracts..", "java..", "tools.jackson..", "com.networknt.schema..")
            .check(CLASSES);
    }

    @Test
    void theSharedLibrariesNeverDependOnAService() {
        noClasses().that()
            .resideInAnyPackage("io.newsflow.contracts..", "io.newsflow.projection..", "io.newsflow.service..",
                    "io.newsflow.testsupport..", "io.newsflow.processes..", "io.newsflow.opsconsole..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.newsflow.ingest..", "io.newsflow.article..", "io.newsflow.board..")
            .check(CLASSES);
    }

    /**
     * mongo-java-server is the embedded store's implementation, not an API: the test
     * support and everything else start the store through
     * {@code io.newsflow.embeddedmongo.EmbeddedMongo}, so every test runs on the engine,
     * indexes and planner the local stack and the benchmark use (the launcher is held to
     * the same rule by its own LauncherArchitectureTests: its jar's class path would
     * bring its logging here).
     */
    @Test
    void onlyTheEmbeddedStoreTouchesMongoJavaServer() {
        noClasses().that()
            .resideOutsideOfPackage("io.newsflow.embeddedmongo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.bwaldvogel..")
            .check(CLASSES);
        classes().that()
            .resideInAPackage("io.newsflow.embeddedmongo..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.newsflow.embeddedmongo..", "java..", "de.bwaldvogel..", "io.netty..", "org.h2..")
            .check(CLASSES);
    }

    @Test
    void theServicesNeverDependOnEachOther() {
        slices().matching("io.newsflow.(ingest|article|board)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching("io.newsflow.(**)").should().beFreeOfCycles().check(CLASSES);
    }

}
