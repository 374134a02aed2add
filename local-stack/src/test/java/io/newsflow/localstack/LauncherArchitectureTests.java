package io.newsflow.localstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher starts its MongoDB server through the embedded store's entry point
 * ({@code io.newsflow.embeddedmongo.EmbeddedMongo}), never through mongo-java-server: the
 * rule the system tests hold every other module to (ArchitectureTests), here because the
 * launcher's jar would bring its own logging onto their class path.
 */
class LauncherArchitectureTests {

    private static final JavaClasses LAUNCHER = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.newsflow.localstack");

    @Test
    void theLauncherNeverTouchesMongoJavaServer() {
        assertThat(LAUNCHER.contain(LocalStack.class)).isTrue();
        noClasses().should().dependOnClassesThat().resideInAPackage("de.bwaldvogel..").check(LAUNCHER);
    }

}
