package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.results.ResultLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelineSvgTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readingsMoreThanAQuarterHourApartAreNotJoined() {
        // 0, 30 and 60 s, then 901 s after the last: a pause, so two lines.
        List<ResultLine> readings = new ArrayList<>();
        for (long t : new long[] {0, 30, 60, 961}) {
            readings.add(
                    ResultLine.parse(
                            MAPPER.createObjectNode()
                                    .put("thingName", "d1")
                                    .put("room", "lab")
                                    .put("timestamp", t)
                                    .put("sound", t == 30 ? 5.0 : 0.0)
                                    .put("roomOccupancy", false)
                                    .put("source", "rule")
                                    .toString()));
        }
        String svg =
                new TimelineSvg(0, 961)
                        .draw(
                                "d1",
                                List.of(
                                        TimelineSvg.Series.line(
                                                "sound",
                                                "#555",
                                                5,
                                                Double.NaN,
                                                readings,
                                                r -> r.sound)));

        List<String> lines = new ArrayList<>();
        Matcher polyline = Pattern.compile("<polyline points=\"([^\"]*)\"").matcher(svg);
        while (polyline.find()) {
            lines.add(polyline.group(1));
        }
        // x from 190 to 1080 over 961 s; the line is 60 high from y 6.
        assertThat(lines).containsExactly("190.0,66.0 217.8,6.0 245.6,66.0", "1080.0,66.0");
    }
}
