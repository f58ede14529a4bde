package io.occupancystream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README and the pages under docs/ link to each other by relative paths and heading anchors; a
 * page moved or a heading renamed must not leave a link that goes nowhere.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?)\\s*$");
    private static final String FENCE = "```";

    @Test
    void everyRelativeLinkNamesAnExistingFileAndHeading() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String link : links(page)) {
                String problem = problemWith(page, link);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": (" + link + ") " + problem);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void readmeLinksEveryDocsPage() {
        Set<String> linked =
                links(README).stream()
                        .map(link -> link.split("#", 2)[0])
                        .collect(Collectors.toSet());
        List<String> docs =
                pages().stream()
                        .filter(page -> !page.equals(README))
                        .map(page -> ROOT.relativize(page).toString().replace('\\', '/'))
                        .collect(Collectors.toList());

        assertThat(docs).isNotEmpty();
        assertThat(linked).containsAll(docs);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Features | features",
                "The local AWS stack | the-local-aws-stack",
                "Live streams: Kinesis, S3 and the local AWS stack"
                        + " | live-streams-kinesis-s3-and-the-local-aws-stack",
                "Scoring throughput and latency (`bin/bench`)"
                        + " | scoring-throughput-and-latency-binbench",
                "On SageMaker: Autopilot, promotion, retraining"
                        + " | on-sagemaker-autopilot-promotion-retraining",
            })
    void anchorsFollowGitHubsRule(String heading, String anchor) {
        assertThat(anchor(heading)).isEqualTo(anchor);
    }

    private static String problemWith(Path page, String link) {
        if (link.contains("://") || link.startsWith("mailto:")) {
            return null;
        }
        String[] parts = link.split("#", 2);
        Path target = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (parts.length == 1) {
            return null;
        }
        if (!target.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        return anchors(target).contains(parts[1]) ? null : "no such heading";
    }

    private static List<Path> pages() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> pages = new ArrayList<>();
            pages.add(README);
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The link targets of a page's prose: code blocks and code spans hold examples, not links. */
    private static List<String> links(Path page) {
        List<String> links = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher matcher = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (matcher.find()) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }

    private static Set<String> anchors(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String anchor = anchor(heading.group(1));
                int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? anchor : anchor + "-" + repeats);
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchors: lower case, punctuation (backticks, colons, slashes, brackets...)
     * dropped, spaces made hyphens; a repeated heading gets -1, -2... appended.
     */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }

    private static List<String> prose(Path page) {
        List<String> prose = new ArrayList<>();
        boolean inCode = false;
        try {
            for (String line : Files.readAllLines(page)) {
                if (line.stripLeading().startsWith(FENCE)) {
                    inCode = !inCode;
                } else if (!inCode) {
                    prose.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prose;
    }
}
