package io.occupancystream.devicesim;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The simulator's package order, lowest first: delivering and pacing readings; the Kinesis and MQTT
 * targets; the commands; the live view, which reads streams as tail does; the local stack that runs
 * them all. It uses the job's reading contract and configuration keys, nothing of the job's
 * pipeline; and model-ops only to serve a model locally. The root package has no place in the
 * order: it holds both the command line and what the commands share (options, recording files).
 */
@AnalyzeClasses(
        packages = "io.occupancystream.devicesim",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageLayersTest {
    @ArchTest
    static final ArchRule usesOnlyTheReadingContractAndConfigurationOfTheJob =
            classes()
                    .that()
                    // The reliability harness checks the job's outputs: it reads the training
                    // CSV's header from the job's one definition of it.
                    .resideOutsideOfPackage("io.occupancystream.devicesim.chaos..")
                    .should()
                    .onlyDependOnClassesThat(
                            resideOutsideOfPackage("io.occupancystream.job..")
                                    .or(
                                            resideInAnyPackage(
                                                    "io.occupancystream.job.reading..",
                                                    "io.occupancystream.job.config.."))
                                    .or(simpleNameEndingWith("Settings")));

    @ArchTest
    static final ArchRule packagesAreLayered =
            layeredArchitecture()
                    .consideringOnlyDependenciesInLayers()
                    .layer("delivery")
                    .definedBy("io.occupancystream.devicesim.delivery..")
                    .layer("targets")
                    .definedBy(
                            "io.occupancystream.devicesim.kinesis..",
                            "io.occupancystream.devicesim.mqtt..")
                    .layer("commands")
                    .definedBy(
                            "io.occupancystream.devicesim.simulate..",
                            "io.occupancystream.devicesim.replay..",
                            "io.occupancystream.devicesim.roe..",
                            "io.occupancystream.devicesim.tail..")
                    .layer("view")
                    .definedBy("io.occupancystream.devicesim.view..")
                    .layer("localstack")
                    .definedBy("io.occupancystream.devicesim.localstack..")
                    .whereLayer("localstack")
                    .mayNotBeAccessedByAnyLayer()
                    .whereLayer("view")
                    .mayNotBeAccessedByAnyLayer()
                    .whereLayer("commands")
                    .mayOnlyBeAccessedByLayers("view", "localstack")
                    .whereLayer("targets")
                    .mayOnlyBeAccessedByLayers("commands", "view", "localstack");

    @ArchTest
    static final ArchRule onlyTheLocalStackUsesModelOps =
            noClasses()
                    .that()
                    .resideInAPackage("io.occupancystream.devicesim..")
                    .and()
                    .resideOutsideOfPackages(
                            "io.occupancystream.devicesim.localstack..",
                            // the reliability harness drives the local stack's endpoint faults
                            "io.occupancystream.devicesim.chaos..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.occupancystream.modelops..");
}
