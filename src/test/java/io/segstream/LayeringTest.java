package io.segstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps each toolkit behind the one package that owns it (see DESIGN.md). */
class LayeringTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.segstream");

    @Test
    void onlyTheDicomPackageUsesPixelMed() {
        noClasses().that().resideOutsideOfPackage("io.segstream.dicom..")
                .should().dependOnClassesThat().resideInAPackage("com.pixelmed..")
                .because("PixelMed is confined to io.segstream.dicom")
                .check(WORKER);
    }

    @Test
    void onlyTheInferencePackageUsesDjl() {
        noClasses().that().resideOutsideOfPackage("io.segstream.inference..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .because("DJL is confined to io.segstream.inference")
                .check(WORKER);
    }

    @Test
    void theDomainPackagesDoNotDependOnMessaging() {
        noClasses().that().resideInAnyPackage("io.segstream.volume..", "io.segstream.seg..",
                        "io.segstream.postprocess..", "io.segstream.registration..",
                        "io.segstream.dicom..", "io.segstream.inference..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.eclipse.microprofile.reactive.messaging..", "org.apache.kafka..",
                        "io.smallrye.reactive.messaging..")
                .check(WORKER);
    }
}
