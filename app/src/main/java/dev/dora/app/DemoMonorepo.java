package dev.dora.app;

import dev.dora.app.DemoOrganisation.CommitFiles;
import dev.dora.app.DemoOrganisation.Commits;
import dev.dora.app.DemoOrganisation.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's monorepo, {@code acme/platform-monorepo}, as GitHub would report it: one push chain on
 * {@code main} whose commits list the files they touch, mostly in one service's folder, now and
 * then in a client library or two services at once, and a few only root files no service owns. A
 * service deploys the head of {@code main} to {@code staging-<service>} then {@code
 * production-<service>} once enough of its own commits wait, so the warehouse tells the three
 * services apart by folder (changes) and by environment (deployments). Built with the push and
 * deployment webhooks of {@link DemoOrganisation}; no incidents, since an issue of a shared
 * repository names no service.
 */
final class DemoMonorepo {
    static final String REPO = "acme/platform-monorepo";

    /**
     * A service of the monorepo: its folder and the client library it owns (its catalog path
     * prefixes, {@code dora.dev/path-prefixes}), its share of the commits that touch one service,
     * its own commits per production deployment, its failed attempts and the workflow that deploys
     * it (the golden-path one for the service the golden path created).
     */
    record Service(
            String name,
            String folder,
            String library,
            double share,
            int commitsPerDeploy,
            double failureRate,
            String workflow) {
        List<String> prefixes() {
            return library == null ? List.of(folder) : List.of(folder, library);
        }
    }

    static final List<Service> SERVICES =
            List.of(
                    new Service(
                            "invoicing",
                            "services/invoicing/",
                            "libs/invoicing-client/",
                            0.45,
                            3,
                            0.08,
                            "deploy invoicing"),
                    new Service(
                            "recommendations",
                            "services/recommendations/",
                            null,
                            0.30,
                            2,
                            0.05,
                            "golden-path deploy recommendations"),
                    new Service(
                            "feature-flags",
                            "services/feature-flags/",
                            "libs/flags-client/",
                            0.25,
                            4,
                            0.06,
                            "deploy feature-flags"));

    private static final List<Service> LIBRARY_OWNERS =
            SERVICES.stream().filter(s -> s.library() != null).toList();
    private static final double PUSHES_PER_DAY = 3.0;
    private static final List<String> ROOT_FILES =
            List.of("README.md", ".github/workflows/ci.yml", ".gitignore", "pom.xml");
    private static final List<String> SOURCES =
            List.of(
                    "src/main/java/Api.java",
                    "src/main/java/Store.java",
                    "src/main/resources/application.yaml",
                    "src/test/java/ApiTest.java",
                    "pom.xml");
    private static final List<String> NEW_CLASSES =
            List.of("Retry", "Cache", "Audit", "Export", "Metrics", "Limits", "Batch");

    private final Instant now;
    private final Random random;
    private final List<Webhook> out = new ArrayList<>();

    /** Per folder, the files commits added and no commit removed since: what one may remove. */
    private final Map<String, List<String>> added = new HashMap<>();

    /** Per service, its commits since its last release. */
    private final int[] waiting = new int[SERVICES.size()];

    private String head = DemoOrganisation.ZERO;
    private long deploymentId;
    private long statusId;

    private DemoMonorepo(Instant now, Random random, long firstDeploymentId) {
        this.now = now;
        this.random = random;
        this.deploymentId = firstDeploymentId;
        this.statusId = firstDeploymentId * 10;
    }

    /** The monorepo's webhooks from {@code start} to {@code now}, in time order. */
    static List<Webhook> webhooks(
            Instant start, Instant now, Random random, long firstDeploymentId) {
        return new DemoMonorepo(now, random, firstDeploymentId).generate(start);
    }

    private List<Webhook> generate(Instant start) {
        Instant last = start; // the latest push or release: the next push comes after it
        for (Instant day : DemoOrganisation.workingDays(start, now)) {
            int pushes = DemoOrganisation.poisson(random, PUSHES_PER_DAY);
            for (int i = 0; i < pushes; i++) {
                Instant pushAt = DemoOrganisation.pushTime(day, last, now, random);
                if (pushAt == null) {
                    continue;
                }
                Commits batch = DemoOrganisation.commits(1 + random.nextInt(4), pushAt, random);
                List<CommitFiles> files = new ArrayList<>();
                for (int c = 0; c < batch.shas().size(); c++) {
                    files.add(commitFiles());
                }
                out.add(
                        DemoOrganisation.push(
                                REPO, head, batch.shas(), batch.times(), pushAt, random, files));
                head = batch.head();
                last = pushAt;
                int due = due();
                if (due >= 0) {
                    Instant released = release(SERVICES.get(due), pushAt);
                    if (released != null) {
                        waiting[due] = 0;
                        last = released;
                    }
                }
            }
        }
        return out;
    }

    /** The files of one commit; counts it for every service whose folders it touches. */
    private CommitFiles commitFiles() {
        List<String> folders = new ArrayList<>();
        double kind = random.nextDouble();
        if (kind < 0.70) {
            folders.add(oneService().folder());
        } else if (kind < 0.80) {
            // A client library changes, and half the time another service adopts it at once.
            Service owner = LIBRARY_OWNERS.get(random.nextInt(LIBRARY_OWNERS.size()));
            Service user = oneService();
            folders.add(owner.library());
            if (user != owner && random.nextBoolean()) {
                folders.add(user.folder());
            }
        } else if (kind < 0.90) {
            Service first = oneService();
            Service second = oneService();
            folders.add(first.folder());
            if (second != first) {
                folders.add(second.folder());
            }
        }
        Set<String> add = new LinkedHashSet<>();
        Set<String> modify = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        if (folders.isEmpty()) {
            modify.add(ROOT_FILES.get(random.nextInt(ROOT_FILES.size())));
        }
        for (String folder : folders) {
            List<String> ours = added.computeIfAbsent(folder, f -> new ArrayList<>());
            int files = 1 + random.nextInt(3);
            for (int f = 0; f < files; f++) {
                double op = random.nextDouble();
                String newClass =
                        folder
                                + "src/main/java/"
                                + NEW_CLASSES.get(random.nextInt(NEW_CLASSES.size()))
                                + ".java";
                if (op < 0.15 && !ours.contains(newClass)) {
                    add.add(newClass);
                    ours.add(newClass);
                } else if (op < 0.22 && !ours.isEmpty()) {
                    remove.add(ours.remove(random.nextInt(ours.size())));
                } else {
                    modify.add(folder + SOURCES.get(random.nextInt(SOURCES.size())));
                }
            }
        }
        for (int s = 0; s < SERVICES.size(); s++) {
            for (String prefix : SERVICES.get(s).prefixes()) {
                if (folders.contains(prefix)) {
                    waiting[s]++;
                    break;
                }
            }
        }
        return new CommitFiles(List.copyOf(add), List.copyOf(modify), List.copyOf(remove));
    }

    private Service oneService() {
        double r = random.nextDouble();
        for (Service s : SERVICES) {
            r -= s.share();
            if (r < 0) {
                return s;
            }
        }
        return SERVICES.get(SERVICES.size() - 1);
    }

    /** The service longest overdue for a release (its waiting commits over its cadence), or -1. */
    private int due() {
        int due = -1;
        double most = 1;
        for (int s = 0; s < SERVICES.size(); s++) {
            double overdue = (double) waiting[s] / SERVICES.get(s).commitsPerDeploy();
            if (overdue >= most && (due < 0 || overdue > most)) {
                due = s;
                most = overdue;
            }
        }
        return due;
    }

    /**
     * Staging then production of the head of {@code main} for one service, a failed production
     * attempt retried; when the last deployment started, or null when production would come after
     * {@code now} (the release does not happen).
     */
    private Instant release(Service s, Instant pushAt) {
        Instant staging = pushAt.plus(Duration.ofMinutes(10 + random.nextInt(50)));
        Instant production = staging.plus(Duration.ofMinutes(20 + random.nextInt(3 * 60)));
        if (production.isAfter(now)) {
            return null;
        }
        deploy(s, "staging-" + s.name(), staging, "success");
        boolean fails = random.nextDouble() < s.failureRate();
        deploy(s, "production-" + s.name(), production, fails ? "failure" : "success");
        Instant retry = production.plus(Duration.ofMinutes(15 + random.nextInt(90)));
        if (fails && retry.isBefore(now)) {
            deploy(s, "production-" + s.name(), retry, "success");
            return retry;
        }
        return production;
    }

    private void deploy(Service s, String environment, Instant at, String state) {
        out.addAll(
                DemoOrganisation.deployment(
                        REPO,
                        ++deploymentId,
                        statusId,
                        head,
                        environment,
                        at,
                        state,
                        random,
                        "main",
                        s.workflow()));
        statusId += 2;
    }
}
