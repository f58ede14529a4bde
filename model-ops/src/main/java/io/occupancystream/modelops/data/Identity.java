package io.occupancystream.modelops.data;

import io.occupancystream.model.ModelCard;
import java.util.Arrays;
import java.util.List;

/**
 * Where a training-set header keeps the identity columns ({@link ModelCard#ID_COLUMNS}), and how a
 * row's cells say which reading it is. Each is optional: without a timestamp the row's window start
 * stands in, without a thing name {@link TrainingSet#UNKNOWN}, without a room the thing (a thing is
 * its own room), without a sound NaN.
 */
final class Identity {
    private final int timestamp;
    private final int thing;
    private final int room;
    private final int sound;

    /**
     * Identity columns are those of {@link ModelCard#ID_COLUMNS} that lead the header: in a
     * training set written before they existed, a {@code sound} among the features is a feature.
     */
    Identity(String header) {
        List<String> columns = Arrays.asList(header.split(",", -1));
        List<String> ids = columns.subList(0, leading(columns));
        timestamp = ids.indexOf(ModelCard.ID_COLUMNS.get(0));
        thing = ids.indexOf(ModelCard.ID_COLUMNS.get(1));
        room = ids.indexOf(ModelCard.ID_COLUMNS.get(2));
        sound = ids.indexOf(ModelCard.ID_COLUMNS.get(3));
    }

    /** How many of the header's first columns are identity columns. */
    static int leading(List<String> columns) {
        int leading = 0;
        while (leading < columns.size() && ModelCard.ID_COLUMNS.contains(columns.get(leading))) {
            leading++;
        }
        return leading;
    }

    /**
     * The CSV without its leading identity columns: the feature columns and the target, as a model
     * trained elsewhere (Autopilot) should see them. Names are percent-encoded, so every line
     * splits on commas.
     */
    static String withoutIdentity(String csv) {
        String[] lines = csv.split("\n", -1);
        int drop = leading(Arrays.asList(lines[0].split(",", -1)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String[] cells = lines[i].split(",", drop + 1);
            out.append(lines[i].isEmpty() ? "" : cells[cells.length - 1]);
        }
        return out.toString();
    }

    int columns() {
        return (timestamp >= 0 ? 1 : 0)
                + (thing >= 0 ? 1 : 0)
                + (room >= 0 ? 1 : 0)
                + (sound >= 0 ? 1 : 0);
    }

    boolean isIdentity(int column) {
        return column == timestamp || column == thing || column == room || column == sound;
    }

    RowId of(String[] cells, long windowStart, String where) {
        long seconds = Math.floorDiv(windowStart, 1000L);
        if (timestamp >= 0) {
            try {
                seconds = Long.parseLong(cells[timestamp]);
            } catch (NumberFormatException e) {
                throw new TrainingDataException(
                        where + ": timestamp is '" + cells[timestamp] + "', not epoch seconds");
            }
        }
        String thingName = thing >= 0 ? decode(cells[thing]) : TrainingSet.UNKNOWN;
        String roomName = room >= 0 && !cells[room].isEmpty() ? decode(cells[room]) : thingName;
        double level = Double.NaN;
        if (sound >= 0) {
            try {
                level = Double.parseDouble(cells[sound]);
            } catch (NumberFormatException e) {
                throw new TrainingDataException(
                        where + ": sound is '" + cells[sound] + "', not a number");
            }
        }
        return new RowId(seconds, thingName, roomName, level);
    }

    /** Undoes the job's percent-encoding of commas, quotes, percent signs and line breaks. */
    static String decode(String name) {
        return name.replace("%2C", ",")
                .replace("%22", "\"")
                .replace("%0A", "\n")
                .replace("%0D", "\r")
                .replace("%25", "%");
    }
}
