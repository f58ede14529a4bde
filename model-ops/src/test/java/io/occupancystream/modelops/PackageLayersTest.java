package io.occupancystream.modelops;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Model-ops' package order, lowest first: training data and the model contract; evaluating a model;
 * the training report; training; serving and SageMaker; the command line and the retraining Lambda
 * handler.
 */
@AnalyzeClasses(
        packages = "io.occupancystream.modelops",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageLayersTest {
    @ArchTest
    static final ArchRule packagesAreLayered =
            layeredArchitecture()
                    .consideringOnlyDependenciesInLayers()
                    .layer("data")
                    .definedBy("io.occupancystream.modelops.data..")
                    .layer("model")
                    .definedBy("io.occupancystream.modelops.model..")
                    .layer("eval")
                    .definedBy("io.occupancystream.modelops.eval..")
                    .layer("report")
                    .definedBy("io.occupancystream.modelops.report..")
                    .layer("train")
                    .definedBy("io.occupancystream.modelops.train..")
                    .layer("serve")
                    .definedBy("io.occupancystream.modelops.serve..")
                    .layer("sagemaker")
                    .definedBy("io.occupancystream.modelops.sagemaker..")
                    .layer("cli")
                    .definedBy("io.occupancystream.modelops")
                    .layer("retraining")
                    .definedBy("io.occupancystream.modelops.retraining..")
                    .whereLayer("cli")
                    .mayNotBeAccessedByAnyLayer()
                    .whereLayer("retraining")
                    .mayNotBeAccessedByAnyLayer()
                    .whereLayer("sagemaker")
                    .mayOnlyBeAccessedByLayers("cli", "retraining")
                    .whereLayer("serve")
                    .mayOnlyBeAccessedByLayers("cli")
                    .whereLayer("train")
                    .mayOnlyBeAccessedByLayers("sagemaker", "cli")
                    .whereLayer("report")
                    .mayOnlyBeAccessedByLayers("train", "sagemaker", "cli")
                    .whereLayer("eval")
                    .mayOnlyBeAccessedByLayers("report", "train", "sagemaker", "cli")
                    .whereLayer("model")
                    .mayNotAccessAnyLayer()
                    .whereLayer("data")
                    .mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.occupancystream.modelops.(*)..").should().beFreeOfCycles();
}
