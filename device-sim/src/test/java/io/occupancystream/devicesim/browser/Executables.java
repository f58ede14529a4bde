package io.occupancystream.devicesim.browser;

import java.io.File;
import java.util.Optional;

/** Commands found as a shell finds them: the first executable file of that name on PATH. */
final class Executables {
    private Executables() {}

    static Optional<File> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, command);
            if (file.isFile() && file.canExecute()) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
