package io.occupancystream.devicesim.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.reading.HvacStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HvacControllerTest {
    @ParameterizedTest(name = "{0} at {1} F, occupied {2} -> {3}")
    @CsvSource({
        // Starting heating: below 60 F empty, below 68 F occupied.
        "STANDBY, 59.99, false, HEATING",
        "STANDBY, 60.00, false, STANDBY",
        "STANDBY, 67.99, true, HEATING",
        "STANDBY, 68.00, true, STANDBY",
        "STANDBY, 65.00, false, STANDBY",
        // Heating goes on until 2 F above the threshold.
        "HEATING, 61.99, false, HEATING",
        "HEATING, 62.00, false, STANDBY",
        "HEATING, 69.99, true, HEATING",
        "HEATING, 70.00, true, STANDBY",
        "HEATING, 65.00, false, STANDBY",
        "HEATING, 65.00, true, HEATING",
        // Starting cooling: above 80 F empty, above 72 F occupied.
        "STANDBY, 80.01, false, COOLING",
        "STANDBY, 80.00, false, STANDBY",
        "STANDBY, 72.01, true, COOLING",
        "STANDBY, 72.00, true, STANDBY",
        "STANDBY, 75.00, false, STANDBY",
        // Cooling goes on until 2 F below the threshold.
        "COOLING, 78.01, false, COOLING",
        "COOLING, 78.00, false, STANDBY",
        "COOLING, 70.01, true, COOLING",
        "COOLING, 70.00, true, STANDBY",
        "COOLING, 75.00, true, COOLING",
        "COOLING, 75.00, false, STANDBY",
    })
    void followsTheEduKitThresholdsWithHysteresis(
            HvacStatus before, double temperature, boolean occupied, HvacStatus expected) {
        HvacController controller = new HvacController(before);

        assertThat(controller.update(temperature, occupied)).isEqualTo(expected);
        assertThat(controller.status()).isEqualTo(expected);
    }
}
