package io.occupancystream.devicesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void acceptsShortAndIsoDurations() {
        assertThat(converter.convert("PT2H")).hasHours(2);
        assertThat(converter.convert("P7D")).hasDays(7);
        assertThat(converter.convert("90s")).hasSeconds(90);
        assertThat(converter.convert("30m")).hasMinutes(30);
        assertThat(converter.convert("2h")).hasHours(2);
        assertThat(converter.convert("7d")).hasDays(7);
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertThatThrownBy(() -> converter.convert("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'soon' is not a duration such as PT2H, P7D, 90m or 2h");
    }
}
