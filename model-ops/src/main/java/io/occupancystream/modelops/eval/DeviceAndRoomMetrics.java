package io.occupancystream.modelops.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.model.decision.SoundRule;
import io.occupancystream.modelops.data.TrainingSet;
import java.util.Locale;
import java.util.Map;

/**
 * Per device and per room, on the same labelled rows: the device's own decision (its probabilities
 * latched by the device rule), the room's decision (what each result carries as {@code
 * roomOccupancy}) and the sound rule. Decisions come from {@link DecisionReplay}, as the job makes
 * them.
 */
public final class DeviceAndRoomMetrics {
    public final Map<String, ConfusionMatrix> deviceModel;
    public final Map<String, ConfusionMatrix> deviceRoomDecision;
    public final Map<String, ConfusionMatrix> deviceRule;
    public final Map<String, ConfusionMatrix> roomDecision;
    public final Map<String, ConfusionMatrix> roomRule;

    private DeviceAndRoomMetrics(TrainingSet rows, DecisionReplay replay, boolean[] rule) {
        deviceModel = GroupMetrics.byThing(rows, replay.device);
        deviceRoomDecision = GroupMetrics.byThing(rows, replay.room);
        deviceRule = GroupMetrics.byThing(rows, rule);
        roomDecision = GroupMetrics.byRoom(rows, replay.room);
        roomRule = GroupMetrics.byRoom(rows, rule);
    }

    /**
     * @param ruleThreshold the sound rule's threshold: occupied when sound is above it
     */
    public static DeviceAndRoomMetrics of(
            TrainingSet rows,
            double[] probabilities,
            DecisionRule deviceRule,
            RoomRule roomRule,
            double ruleThreshold) {
        double[] sound = rows.sound();
        SoundRule soundRule = new SoundRule(ruleThreshold);
        boolean[] rule = new boolean[sound.length];
        for (int r = 0; r < sound.length; r++) {
            rule[r] = soundRule.occupied(sound[r]);
        }
        return new DeviceAndRoomMetrics(
                rows, DecisionReplay.of(rows, probabilities, deviceRule, roomRule), rule);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode devices = node.putObject("devices");
        for (String thing : deviceModel.keySet()) {
            ObjectNode d = devices.putObject(thing);
            d.set("model", deviceModel.get(thing).toJson());
            d.set("room", deviceRoomDecision.get(thing).toJson());
            d.set("rule", deviceRule.get(thing).toJson());
        }
        ObjectNode rooms = node.putObject("rooms");
        for (String room : roomDecision.keySet()) {
            ObjectNode d = rooms.putObject(room);
            d.set("model", roomDecision.get(room).toJson());
            d.set("rule", roomRule.get(room).toJson());
        }
        return node;
    }

    private static String header(String group, String columns) {
        return String.format(
                Locale.ROOT,
                "%-16s %7s %7s F1 (precision/recall): %s%n",
                group,
                "rows",
                "occup.",
                columns);
    }

    /**
     * F1 (precision/recall) per device, for the device's own decision, the room's decision on its
     * readings and the rule; then per room.
     */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append(header("device", "device model | room decision | rule"));
        for (String thing : deviceModel.keySet()) {
            ConfusionMatrix m = deviceModel.get(thing);
            t.append(
                    String.format(
                            Locale.ROOT,
                            "%-16s %7d %7d %s | %s | %s%n",
                            thing,
                            m.total(),
                            m.tp + m.fn,
                            cell(m),
                            cell(deviceRoomDecision.get(thing)),
                            cell(deviceRule.get(thing))));
        }
        t.append(header("room", "room decision | rule"));
        for (String room : roomDecision.keySet()) {
            ConfusionMatrix m = roomDecision.get(room);
            t.append(
                    String.format(
                            Locale.ROOT,
                            "%-16s %7d %7d %s | %s%n",
                            room,
                            m.total(),
                            m.tp + m.fn,
                            cell(m),
                            cell(roomRule.get(room))));
        }
        return t.toString();
    }

    private static String cell(ConfusionMatrix m) {
        return String.format(Locale.ROOT, "%s (%s/%s)", f(m.f1()), f(m.precision()), f(m.recall()));
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "  n/a " : String.format(Locale.ROOT, "%.4f", value);
    }
}
