package dev.dora.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} and {@code --config} options of the commands that work on a data dir. */
final class ConfigOptions {
    @Option(names = "--data", description = "Data directory (default ./data).")
    Path data;

    @Option(names = "--config", description = "Configuration file (dora.yaml).")
    Path config;

    /** The configuration: defaults, then the file (or ./dora.yaml), the environment, options. */
    DoraConfig load() {
        Path file = config;
        if (file == null && Path.of("dora.yaml").toFile().isFile()) {
            file = Path.of("dora.yaml");
        }
        return DoraConfig.load(file, System.getenv(), null, data);
    }

    /** Where {@code dora token} keeps the tokens (hashed) for the server to read. */
    static Path tokensFile(DoraConfig config) {
        return config.dataDir().resolve("secrets").resolve("tokens.json");
    }
}
