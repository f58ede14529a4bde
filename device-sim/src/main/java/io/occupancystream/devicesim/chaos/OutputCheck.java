package io.occupancystream.devicesim.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.results.ResultLine;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invariants on what the job wrote, against the known input (equivalent to a failure-free run
 * for results and dead letters, and cheaper): every simulated reading has a result; every fuzzed
 * record has a result or a dead letter, never both; an output is there twice only if a restore came
 * between the copies from a checkpoint that did not cover the first ({@link JobLog#allowsRepeat});
 * each device's results keep their event-time order.
 */
final class OutputCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\"fz-(?:end-)?\\d+\"");

    long readings;
    long fuzzed;
    long resultsLost;
    long resultRepeats;
    long resultRepeatsNotAllowed;
    long unexpectedResults;
    long orderBreaks;
    long deadLetters;
    long deadLetterRepeats;
    long deadLetterRepeatsNotAllowed;
    long recordsLost;
    long recordsTwice;
    long untraceableDeadLetters;
    long resultsWithoutReason;
    long endMarkersMissing;
    final Map<String, Long> fallbacks = new TreeMap<>();

    static OutputCheck of(List<ChaosRecord> put, JobOutputs outputs, JobLog log)
            throws IOException {
        OutputCheck check = new OutputCheck();
        Map<String, Long> firstResult = new HashMap<>();
        Map<String, Long> lastTimestamp = new HashMap<>();
        for (JobOutputs.Arrival arrival : outputs.results) {
            ResultLine result = ResultLine.parse(arrival.text);
            String id = result.id;
            Long first = firstResult.putIfAbsent(id, arrival.arrivedMillis);
            if (first != null) {
                check.resultRepeats++;
                if (!log.allowsRepeat(first, arrival.arrivedMillis)) {
                    check.resultRepeatsNotAllowed++;
                }
                continue;
            }
            Long previous = lastTimestamp.put(result.thingName, result.timestamp);
            if (previous != null && previous > result.timestamp) {
                check.orderBreaks++;
            }
            if (result.isFallback()) {
                String reason = result.fallbackReason == null ? "" : result.fallbackReason;
                if (reason.isEmpty()) {
                    check.resultsWithoutReason++;
                }
                check.fallbacks.merge(reason, 1L, Long::sum);
            }
        }
        Map<String, Long> firstDeadLetter = new HashMap<>();
        for (JobOutputs.Arrival arrival : outputs.deadLetters) {
            Matcher marker = MARKER.matcher(JSON.readTree(arrival.text).path("raw").asText());
            if (!marker.find()) {
                check.untraceableDeadLetters++;
                continue;
            }
            Long first = firstDeadLetter.putIfAbsent(marker.group(), arrival.arrivedMillis);
            if (first != null) {
                check.deadLetterRepeats++;
                if (!log.allowsRepeat(first, arrival.arrivedMillis)) {
                    check.deadLetterRepeatsNotAllowed++;
                }
            }
        }
        Set<String> expectedIds = new HashSet<>();
        for (ChaosRecord record : put) {
            if (record.isEndMarker()) {
                if (firstDeadLetter.remove(record.marker) == null) {
                    check.endMarkersMissing++;
                }
                continue;
            }
            expectedIds.add(record.resultId);
            boolean result = firstResult.containsKey(record.resultId);
            if (record.mustBeAResult()) {
                check.readings++;
                if (!result) {
                    check.resultsLost++;
                }
                continue;
            }
            check.fuzzed++;
            boolean deadLetter = firstDeadLetter.containsKey(record.marker);
            if (!result && !deadLetter) {
                check.recordsLost++;
            } else if (result && deadLetter) {
                check.recordsTwice++;
            }
        }
        check.deadLetters = firstDeadLetter.size();
        for (String id : firstResult.keySet()) {
            if (!expectedIds.contains(id)) {
                check.unexpectedResults++;
            }
        }
        return check;
    }

    /**
     * Whether every simulated reading and every fuzzed record is accounted for, and the job has
     * read every input shard to its end marker.
     */
    boolean complete() {
        return resultsLost == 0 && recordsLost == 0 && endMarkersMissing == 0;
    }

    boolean holds() {
        return complete()
                && resultRepeatsNotAllowed == 0
                && deadLetterRepeatsNotAllowed == 0
                && unexpectedResults == 0
                && recordsTwice == 0
                && untraceableDeadLetters == 0
                && resultsWithoutReason == 0;
    }

    String figures() {
        return String.format(
                Locale.ROOT,
                "readings %d: results lost %d, repeats %d (not since a checkpoint %d),"
                        + " unexpected %d, order breaks %d; bad records %d: lost %d, twice %d,"
                        + " dead letters %d, repeats %d (not since a checkpoint %d),"
                        + " untraceable %d; fallbacks %s",
                readings,
                resultsLost,
                resultRepeats,
                resultRepeatsNotAllowed,
                unexpectedResults,
                orderBreaks,
                fuzzed,
                recordsLost,
                recordsTwice,
                deadLetters,
                deadLetterRepeats,
                deadLetterRepeatsNotAllowed,
                untraceableDeadLetters,
                fallbacks.isEmpty() ? "none" : fallbacks.toString());
    }
}
