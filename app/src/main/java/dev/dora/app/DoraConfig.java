package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dora.ingest.sources.WebhookSources;
import dev.dora.ingest.spool.Spool;
import dev.dora.jobs.JobSettings;
import dev.dora.surveys.results.Suppression;
import dev.dora.warehouse.WarehouseConfig;
import dev.dora.warehouse.compaction.CompactionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The one typed configuration of {@code dora up}, read once: defaults, then {@code dora.yaml}, then
 * environment variables, then command-line options. A wrong value stops start-up with a message
 * naming the key. See the README's "Configuration" section for every key.
 *
 * <p>{@code webhookSecrets} holds the {@code DORA_<SOURCE>_SECRET} values that are set, by source
 * name; a source without one gets a generated secret at start-up (see {@link Secrets}).
 *
 * <p>{@code teams} holds the services of each team ({@code teams:}, team name to a list of
 * services), in the file's order; empty when there is no {@code teams:} block. A service may be
 * listed under several teams: it is shared, and counts for each.
 */
record DoraConfig(
        String host,
        int port,
        Path dataDir,
        String kafkaBootstrap,
        Path warehouse,
        Duration checkpointInterval,
        int parallelism,
        Pattern productionPattern,
        Pattern hotfixPattern,
        Duration incidentWindow,
        Path benchmarkFile,
        String warehouseMemoryLimit,
        int warehouseThreads,
        long spoolMaxBytes,
        Duration compactionInterval,
        Duration compactionMinAge,
        Duration rawRetention,
        int surveyMinGroupSize,
        Map<String, List<String>> teams,
        Map<String, String> webhookSecrets,
        String adminToken,
        Pattern platformPipelinePattern) {

    static final String DEFAULT_PRODUCTION = "(?i)^prod(uction)?([-_ ].*)?$";
    static final long DEFAULT_SPOOL_MAX_BYTES = Spool.DEFAULT_MAX_BYTES;
    private static final long MIN_SPOOL_MAX_BYTES = 1L << 20;
    private static final Set<String> KEYS =
            Set.of(
                    "host",
                    "port",
                    "data",
                    "kafka.bootstrap",
                    "warehouse.path",
                    "warehouse.memory_limit",
                    "warehouse.threads",
                    "warehouse.compaction_interval",
                    "warehouse.compaction_min_age",
                    "warehouse.raw_retention",
                    "flink.checkpoint_interval",
                    "flink.parallelism",
                    "ingest.spool_max_bytes",
                    "metrics.production_pattern",
                    "metrics.hotfix_pattern",
                    "metrics.incident_window",
                    "metrics.benchmark_file",
                    "surveys.min_group_size",
                    "adoption.platform_pipeline_pattern",
                    "teams");
    // Keys whose value is a mapping of the user's own names (team names), not of further keys.
    private static final Set<String> FREE_MAPPINGS = Set.of("teams");

    /** Thrown for a configuration value that cannot be used; the message names the key. */
    static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "DoraConfig[port="
                + port
                + ", data="
                + dataDir
                + ", kafka="
                + (kafkaBootstrap == null ? "embedded" : kafkaBootstrap)
                + ", warehouse="
                + warehouse
                + "]";
    }

    /**
     * @param file the YAML file, or null
     * @param env environment variables
     * @param portOption {@code --port}, or null
     * @param dataOption {@code --data}, or null
     */
    static DoraConfig load(
            Path file, Map<String, String> env, Integer portOption, Path dataOption) {
        JsonNode yaml = file == null ? null : readYaml(file);
        int port = portOption != null ? portOption : intValue(yaml, "port", 8080);
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be between 0 and 65535, got " + port);
        }
        String host = text(yaml, "host", "127.0.0.1");
        Path data = dataOption != null ? dataOption : Path.of(text(yaml, "data", "./data"));
        data = data.toAbsolutePath().normalize();
        String kafka =
                env.getOrDefault("DORA_KAFKA_BOOTSTRAP", text(yaml, "kafka.bootstrap", null));
        String warehouse =
                env.getOrDefault(
                        "DORA_WAREHOUSE",
                        text(yaml, "warehouse.path", data.resolve("warehouse").toString()));
        Duration interval = duration(yaml, "flink.checkpoint_interval", Duration.ofSeconds(2));
        int parallelism = intValue(yaml, "flink.parallelism", 1);
        if (parallelism < 1) {
            throw new ConfigException("flink.parallelism must be at least 1");
        }
        Pattern pattern = regex(yaml, "metrics.production_pattern", DEFAULT_PRODUCTION);
        Pattern hotfix = regex(yaml, "metrics.hotfix_pattern", JobSettings.DEFAULT_HOTFIX_PATTERN);
        Duration window = duration(yaml, "metrics.incident_window", Duration.ofHours(24));
        String benchmarkText = text(yaml, "metrics.benchmark_file", null);
        Path benchmarkFile = null;
        if (benchmarkText != null) {
            benchmarkFile = resolveAgainst(file, benchmarkText);
            if (!Files.isRegularFile(benchmarkFile)) {
                throw new ConfigException(
                        "metrics.benchmark_file " + benchmarkFile + " does not exist");
            }
        }
        String memory = text(yaml, "warehouse.memory_limit", "256MB");
        if (!memory.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|KiB|MiB|GiB)")) {
            throw new ConfigException("warehouse.memory_limit must look like 256MB, got " + memory);
        }
        int threads = intValue(yaml, "warehouse.threads", 1);
        if (threads < 1) {
            throw new ConfigException("warehouse.threads must be at least 1");
        }
        long spoolMax = longValue(yaml, "ingest.spool_max_bytes", DEFAULT_SPOOL_MAX_BYTES);
        if (spoolMax < MIN_SPOOL_MAX_BYTES) {
            throw new ConfigException(
                    "ingest.spool_max_bytes must be at least "
                            + MIN_SPOOL_MAX_BYTES
                            + " (1 MiB), got "
                            + spoolMax);
        }
        Duration compactionInterval =
                durationOrZero(yaml, "warehouse.compaction_interval", Duration.ofMinutes(10));
        Duration compactionMinAge =
                durationOrZero(
                        yaml, "warehouse.compaction_min_age", CompactionSettings.DEFAULT_MIN_AGE);
        Duration rawRetention = duration(yaml, "warehouse.raw_retention", null);
        int minGroup = intValue(yaml, "surveys.min_group_size", Suppression.DEFAULT_K);
        if (minGroup < Suppression.MIN_K) {
            throw new ConfigException(
                    "surveys.min_group_size must be at least "
                            + Suppression.MIN_K
                            + " (smaller groups cannot hide who answered), got "
                            + minGroup);
        }
        Map<String, List<String>> teams = teams(yaml);
        Pattern platformPipelines =
                regex(
                        yaml,
                        "adoption.platform_pipeline_pattern",
                        WarehouseConfig.DEFAULT_PLATFORM_PIPELINE_PATTERN);
        String admin = env.get("DORA_ADMIN_TOKEN");
        if (admin != null && !admin.isBlank() && admin.length() < 16) {
            throw new ConfigException("DORA_ADMIN_TOKEN must be at least 16 characters");
        }
        Map<String, String> webhookSecrets = new LinkedHashMap<>();
        for (String source : WebhookSources.NAMES) {
            String secret = env.get(WebhookSources.secretVariable(source));
            if (secret != null && !secret.isBlank()) {
                webhookSecrets.put(source, secret);
            }
        }
        return new DoraConfig(
                host,
                port,
                data,
                kafka == null || kafka.isBlank() ? null : kafka,
                Path.of(warehouse).toAbsolutePath().normalize(),
                interval,
                parallelism,
                pattern,
                hotfix,
                window,
                benchmarkFile,
                memory,
                threads,
                spoolMax,
                compactionInterval,
                compactionMinAge,
                rawRetention,
                minGroup,
                teams,
                Collections.unmodifiableMap(webhookSecrets),
                admin,
                platformPipelines);
    }

    /** The same configuration with these teams (the demo's, when the file names none). */
    DoraConfig withTeams(Map<String, List<String>> otherTeams) {
        return new DoraConfig(
                host,
                port,
                dataDir,
                kafkaBootstrap,
                warehouse,
                checkpointInterval,
                parallelism,
                productionPattern,
                hotfixPattern,
                incidentWindow,
                benchmarkFile,
                warehouseMemoryLimit,
                warehouseThreads,
                spoolMaxBytes,
                compactionInterval,
                compactionMinAge,
                rawRetention,
                surveyMinGroupSize,
                Collections.unmodifiableMap(new LinkedHashMap<>(otherTeams)),
                webhookSecrets,
                adminToken,
                platformPipelinePattern);
    }

    /** What a compaction run may touch ({@code warehouse.compaction_min_age}, retention). */
    CompactionSettings compactionSettings() {
        return new CompactionSettings(compactionMinAge, rawRetention);
    }

    /** {@code teams:}: each team name to a non-empty list of non-empty service names. */
    private static Map<String, List<String>> teams(JsonNode yaml) {
        JsonNode node = at(yaml, "teams");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ConfigException(
                    "teams must be a mapping of team names to lists of services, like"
                            + " 'teams: {commerce: [checkout, payments]}'");
        }
        Map<String, List<String>> teams = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> team = it.next();
            String key = "teams." + team.getKey();
            if (team.getKey().isBlank()) {
                throw new ConfigException("teams has a team with an empty name");
            }
            JsonNode services = team.getValue();
            if (!services.isArray() || services.isEmpty()) {
                throw new ConfigException(
                        key + " must be a non-empty list of service names, like [checkout]");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode service : services) {
                if (!service.isTextual() || service.asText().isBlank()) {
                    throw new ConfigException(
                            key
                                    + " must list service names (non-empty strings; quote a"
                                    + " name YAML would read as a number), got "
                                    + services);
                }
                names.add(service.asText());
            }
            teams.put(team.getKey(), List.copyOf(names));
        }
        return Collections.unmodifiableMap(teams);
    }

    private static Pattern regex(JsonNode yaml, String key, String fallback) {
        try {
            return Pattern.compile(text(yaml, key, fallback));
        } catch (PatternSyntaxException e) {
            throw new ConfigException(key + " is not a regular expression: " + e.getDescription());
        }
    }

    /** A path from the configuration file, relative to the file's folder unless absolute. */
    private static Path resolveAgainst(Path configFile, String value) {
        Path p = Path.of(value);
        if (p.isAbsolute() || configFile == null) {
            return p.toAbsolutePath().normalize();
        }
        Path dir = configFile.toAbsolutePath().getParent();
        return dir.resolve(p).normalize();
    }

    private static JsonNode readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(
                    "configuration file " + file + " is not valid YAML: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return null;
        }
        if (!root.isObject()) {
            throw new ConfigException("configuration file " + file + " must be a YAML mapping");
        }
        List<String> unknown = new ArrayList<>();
        collectKeys(root, "", unknown);
        if (!unknown.isEmpty()) {
            throw new ConfigException(
                    "unknown configuration key(s) in "
                            + file
                            + ": "
                            + String.join(", ", unknown)
                            + " (known: "
                            + String.join(", ", KEYS.stream().sorted().toList())
                            + ")");
        }
        return root;
    }

    private static void collectKeys(JsonNode node, String prefix, List<String> unknown) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = prefix + f.getKey();
            if (FREE_MAPPINGS.contains(key)) {
                continue; // its names are the user's, checked where the value is read
            }
            if (f.getValue().isObject()) {
                collectKeys(f.getValue(), key + ".", unknown);
            } else if (!KEYS.contains(key)) {
                unknown.add(key);
            }
        }
    }

    private static JsonNode at(JsonNode root, String key) {
        if (root == null) {
            return null;
        }
        JsonNode n = root;
        for (String part : key.split("\\.")) {
            n = n.get(part);
            if (n == null || n.isNull()) {
                return null;
            }
        }
        return n;
    }

    private static String text(JsonNode root, String key, String fallback) {
        JsonNode n = at(root, key);
        if (n == null) {
            return fallback;
        }
        if (!n.isValueNode()) {
            throw new ConfigException(key + " must be a single value");
        }
        return n.asText();
    }

    private static int intValue(JsonNode root, String key, int fallback) {
        JsonNode n = at(root, key);
        if (n == null) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new ConfigException(key + " must be a whole number, got " + n.asText());
        }
        return n.asInt();
    }

    private static long longValue(JsonNode root, String key, long fallback) {
        JsonNode n = at(root, key);
        if (n == null) {
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new ConfigException(key + " must be a whole number of bytes, got " + n.asText());
        }
        return n.asLong();
    }

    private static Duration duration(JsonNode root, String key, Duration fallback) {
        Duration d = durationOrZero(root, key, fallback);
        if (d != null && d.isZero()) {
            throw new ConfigException(key + " must be positive, got " + text(root, key, null));
        }
        return d;
    }

    /** A duration where {@code 0} is allowed (it switches something off). */
    private static Duration durationOrZero(JsonNode root, String key, Duration fallback) {
        String v = text(root, key, null);
        if (v == null) {
            return fallback;
        }
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            d = v.matches("\\d+(ms|s|m|h|d)") ? parseShort(v) : Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    key + " must be a duration like 2s, 500ms, 24h or 400d, got " + v);
        }
        if (d.isNegative()) {
            throw new ConfigException(key + " must not be negative, got " + v);
        }
        return d;
    }

    private static Duration parseShort(String v) {
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        if (v.endsWith("h")) {
            return Duration.ofHours(n);
        }
        if (v.endsWith("d")) {
            return Duration.ofDays(n);
        }
        return v.endsWith("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
    }
}
