package io.occupancystream.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bin/deploy's command line: {@code synth [--context key=value ...] [--out DIR]}. The output folder
 * is --out, else the CDK CLI's CDK_OUTDIR when the CLI runs the app, else the launcher's default.
 */
final class SynthCommand {
    static final String USAGE =
            "Usage: bin/deploy synth [--context key=value ...] [--out DIR]\n"
                    + "Writes the CloudFormation templates of the stacks "
                    + DeployApp.DATA_STACK
                    + " and "
                    + DeployApp.APPLICATION_STACK
                    + ".\nContext keys and their defaults:\n";

    final Map<String, String> context = new LinkedHashMap<>();
    final boolean help;
    final String outDir;

    private SynthCommand(boolean help, String outDir) {
        this.help = help;
        this.outDir = outDir;
    }

    static SynthCommand parse(List<String> args, Map<String, String> environment) {
        String out = null;
        String defaultOut = null;
        boolean synth = false;
        Map<String, String> context = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "synth":
                    synth = true;
                    break;
                case "--help":
                case "-h":
                    return new SynthCommand(true, null);
                case "--out":
                    out = value(args, ++i, arg);
                    break;
                case "--default-out":
                    defaultOut = value(args, ++i, arg);
                    break;
                case "--context":
                case "-c":
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException(
                                "--context takes key=value, not '" + pair + "'");
                    }
                    context.put(pair.substring(0, eq), pair.substring(eq + 1));
                    break;
                default:
                    throw new IllegalArgumentException(
                            "unknown argument '" + arg + "'\n" + usage());
            }
        }
        if (!synth) {
            throw new IllegalArgumentException("no command\n" + usage());
        }
        // Checks the keys and values now, naming the bad one, rather than deep inside the CDK.
        DeploySettings.of(context);
        String outDir = out != null ? out : environment.getOrDefault("CDK_OUTDIR", defaultOut);
        SynthCommand command = new SynthCommand(false, outDir);
        command.context.putAll(context);
        return command;
    }

    static String usage() {
        StringBuilder text = new StringBuilder(USAGE);
        DeploySettings.DEFAULTS.forEach(
                (key, value) ->
                        text.append("  ")
                                .append(key)
                                .append(" = ")
                                .append(value.isEmpty() ? "(empty)" : value)
                                .append('\n'));
        return text.toString();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
