package io.occupancystream.job.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The job's package order: data flows up the list, and no package uses one further up. The model
 * comes only through the model contract (io.occupancystream.model), never from model-ops.
 */
@AnalyzeClasses(
        packages = "io.occupancystream.job",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageLayersTest {
    private static final String JOB = "io.occupancystream.job";

    /** Lowest first; packages in one row do not use each other either way round. */
    private static final List<List<String>> LAYERS =
            List.of(
                    List.of("config"),
                    List.of("reading", "aws", "kinesis"),
                    List.of("results"),
                    List.of("metrics", "outputs"),
                    List.of("ingest", "dedup", "features"),
                    List.of("training", "scoring"),
                    List.of("rooms"),
                    List.of("shadow"),
                    List.of("summary", "resume"),
                    List.of(""));

    @ArchTest static final ArchRule noPackageUsesAHigherOne = orderedLayers(JOB, LAYERS);

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching(JOB + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule jobUsesTheModelContractNotModelOps =
            noClasses()
                    .that()
                    .resideInAPackage(JOB + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.occupancystream.modelops..")
                    .as(
                            "the job uses models only through the model contract"
                                    + " (io.occupancystream.model, module model-runtime)");

    /** A rule per row: its packages use none of a later row, nor another of its own row. */
    static ArchRule orderedLayers(String base, List<List<String>> layers) {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String pkg : layers.get(i)) {
                List<String> forbidden = new ArrayList<>();
                layers.subList(i + 1, layers.size()).forEach(forbidden::addAll);
                layers.get(i).stream().filter(p -> !p.equals(pkg)).forEach(forbidden::add);
                if (!forbidden.isEmpty()) {
                    rules.add(
                            noClasses()
                                    .that()
                                    .resideInAnyPackage(pattern(base, pkg))
                                    .should()
                                    .dependOnClassesThat()
                                    .resideInAnyPackage(
                                            forbidden.stream()
                                                    .map(p -> pattern(base, p))
                                                    .collect(Collectors.toList())
                                                    .toArray(new String[0]))
                                    .as(
                                            (pkg.isEmpty() ? base : pkg)
                                                    + " uses no package above or beside it"));
                }
            }
        }
        return CompositeArchRule.of(rules);
    }

    /** A package and its subpackages, or for "" the base package alone. */
    private static String pattern(String base, String pkg) {
        return pkg.isEmpty() ? base : base + "." + pkg + "..";
    }
}
