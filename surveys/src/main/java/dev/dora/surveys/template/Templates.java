package dev.dora.surveys.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates surveys can be created from: the project's built-ins and the ones admins added,
 * which are kept as YAML files in a directory (one per template, named after its id) so they
 * survive a restart and can be reviewed like any other configuration.
 */
public final class Templates {
    /** The templates the project ships, under {@code surveys/templates/} on the class path. */
    public static final List<String> BUILT_IN =
            List.of("devex-quarterly", "dora-quick-check", "platform-experience");

    private final Path customDirectory; // null: built-ins only
    private final Map<String, Template> byId = new TreeMap<>();

    private Templates(Path customDirectory) {
        this.customDirectory = customDirectory;
    }

    /** The built-in templates only. */
    public static Templates builtIn() {
        Templates t = new Templates(null);
        t.loadBuiltIns();
        return t;
    }

    /**
     * The built-ins and every {@code *.yaml} in the directory (created when missing).
     *
     * @throws TemplateException for a file that is not a valid template, naming the file
     */
    public static Templates load(Path customDirectory) {
        Templates t = new Templates(customDirectory);
        t.loadBuiltIns();
        try {
            Files.createDirectories(customDirectory);
            try (Stream<Path> files = Files.list(customDirectory)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    try {
                        Template template =
                                TemplateParser.parse(
                                        Files.readString(f), f.getFileName().toString(), false);
                        t.putCustom(template, f.getFileName().toString());
                    } catch (TemplateException e) {
                        // Name the file, whatever the parser could name (it may not know the id).
                        String name = f.getFileName().toString();
                        String m = e.getMessage();
                        throw new TemplateException(
                                f
                                        + ": "
                                        + (m.startsWith(name + ": ")
                                                ? m.substring(name.length() + 2)
                                                : m));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read survey templates in " + customDirectory, e);
        }
        return t;
    }

    private void loadBuiltIns() {
        for (String id : BUILT_IN) {
            String resource = "/surveys/templates/" + id + ".yaml";
            try (InputStream in = Templates.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in template missing: " + resource);
                }
                Template template =
                        TemplateParser.parse(
                                new String(in.readAllBytes(), StandardCharsets.UTF_8),
                                id + ".yaml",
                                true);
                byId.put(template.id(), template);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void putCustom(Template template, String source) {
        Template existing = byId.get(template.id());
        if (existing != null && existing.builtIn()) {
            throw new TemplateException(
                    source + ": id '" + template.id() + "' is a built-in template; choose another");
        }
        byId.put(template.id(), template);
    }

    public synchronized Optional<Template> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized Collection<Template> all() {
        return new ArrayList<>(byId.values());
    }

    /**
     * Adds or replaces a custom template from YAML and keeps the file; running surveys keep the
     * questions they were created with.
     *
     * @throws TemplateException when the YAML is not a valid template or names a built-in
     */
    public synchronized Template add(String yaml) {
        if (customDirectory == null) {
            throw new IllegalStateException("this process keeps no custom templates");
        }
        Template template = TemplateParser.parse(yaml, "template", false);
        putCustom(template, "template");
        try {
            Path file = customDirectory.resolve(template.id() + ".yaml");
            Path tmp = customDirectory.resolve("." + template.id() + ".yaml.tmp");
            Files.writeString(tmp, yaml);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write template " + template.id(), e);
        }
        return template;
    }
}
