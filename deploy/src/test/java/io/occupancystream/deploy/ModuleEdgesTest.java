package io.occupancystream.deploy;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the stack takes from the other modules. */
@AnalyzeClasses(
        packages = "io.occupancystream.deploy",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ModuleEdgesTest {
    /**
     * Each job stage's settings (their keys and defaults), the job's configuration machinery,
     * metric names and score sources (for the alarms), model-ops' SageMaker operations (for the
     * operator's policy) and the retraining handler's steps and settings (for the state machine and
     * the function); nothing of the job's pipeline.
     */
    @ArchTest
    static final ArchRule takesOnlyNamesAndOperationsFromTheOtherModules =
            classes()
                    .should()
                    .onlyDependOnClassesThat(
                            resideOutsideOfPackages(
                                            "io.occupancystream.job..",
                                            "io.occupancystream.modelops..")
                                    .or(
                                            resideInAnyPackage(
                                                    "io.occupancystream.job.config..",
                                                    "io.occupancystream.job.metrics..",
                                                    "io.occupancystream.job.results..",
                                                    "io.occupancystream.modelops.sagemaker..",
                                                    "io.occupancystream.modelops.retraining.."))
                                    .or(simpleNameEndingWith("Settings")));
}
