package dev.dora.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dora} command line. Reads the environment here and nowhere below. */
@Command(
        name = "dora",
        mixinStandardHelpOptions = true,
        version = "dora 0.1.0",
        description = "DORA and developer-experience analytics pipeline.",
        subcommands = {
            UpCommand.class,
            BackfillCommand.class,
            ExportCommand.class,
            TokenCommand.class,
            CompactCommand.class,
            ImportCommand.class
        })
public final class DoraCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new DoraCommand());
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof DoraConfig.ConfigException) {
                        commandLine
                                .getErr()
                                .println("dora: configuration error: " + e.getMessage());
                        return 2;
                    }
                    if (e instanceof dev.dora.surveys.template.TemplateException) {
                        // A custom template in <data>/surveys/templates/ that cannot be read.
                        commandLine
                                .getErr()
                                .println("dora: survey template error: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
        int code = cli.execute(args);
        if (code != 0 || args.length == 0 || !"up".equals(args[0])) {
            System.exit(code);
        }
    }
}
