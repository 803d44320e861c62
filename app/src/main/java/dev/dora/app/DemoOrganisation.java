package dev.dora.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic organisation as GitHub would report it: six services of different cadences over the
 * last 90 days; pushes of several commits to {@code main}; staging then production deployments
 * through {@code deployment_status} webhooks; a few failed production attempts that the next
 * deployment fixes; and a monorepo of three services ({@link DemoMonorepo}). Seeded, so the same
 * day gives the same organisation.
 */
final class DemoOrganisation {
    /** One webhook to send, in order within its service. */
    record Webhook(String service, String event, String deliveryId, byte[] body) {}

    /** Service name, pushes per working day, pushes per production deployment. */
    private record Profile(
            String name, double pushesPerDay, int pushesPerDeploy, double failureRate) {}

    private static final List<Profile> PROFILES =
            List.of(
                    new Profile("checkout", 4.0, 1, 0.06),
                    new Profile("payments", 2.5, 2, 0.08),
                    new Profile("search", 1.5, 3, 0.05),
                    new Profile("catalog", 1.0, 2, 0.10),
                    new Profile("notifications", 0.6, 4, 0.04),
                    new Profile("identity", 0.4, 5, 0.12));

    /**
     * The demo's teams, used by {@code up --demo} when the configuration has no {@code teams:}: the
     * fallback, by repository full name ({@code acme/checkout}), for events the catalog does not
     * map. The catalog the demo imports ({@link DemoCatalog}) names the same teams as owners and
     * wins wherever it maps an event. The monorepo is in no team here: its services have three
     * owners, which only the catalog's folders tell apart.
     */
    static final Map<String, List<String>> TEAMS = teams();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ZERO = "0".repeat(40);
    static final int DAYS = 90;

    private DemoOrganisation() {}

    private static Map<String, List<String>> teams() {
        Map<String, List<String>> teams = new LinkedHashMap<>();
        teams.put("commerce", List.of(repo("checkout"), repo("payments")));
        teams.put("discovery", List.of(repo("search"), repo("catalog")));
        teams.put("platform", List.of(repo("notifications"), repo("identity")));
        return Collections.unmodifiableMap(teams);
    }

    private static String repo(String service) {
        return "acme/" + service;
    }

    /** Every repository's webhooks, each list in time order; the monorepo's last. */
    static List<List<Webhook>> generate(Instant now, long seed) {
        List<List<Webhook>> all = new ArrayList<>();
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
        long deploymentIds = 1_000_000;
        for (Profile p : PROFILES) {
            Random random = new Random(seed ^ p.name().hashCode());
            all.add(service(p, start, now, random, deploymentIds));
            deploymentIds += 100_000;
        }
        Random monorepo = new Random(seed ^ DemoMonorepo.REPO.hashCode());
        all.add(DemoMonorepo.webhooks(start, now, monorepo, deploymentIds));
        return all;
    }

    private static List<Webhook> service(
            Profile p, Instant start, Instant now, Random random, long firstDeploymentId) {
        String repo = repo(p.name());
        // Golden-path services deploy through the platform's workflow, the hand-made ones through
        // their own (the adoption page's pipeline share).
        String workflow = DemoCatalog.goldenPath(repo) ? "golden-path deploy" : "deploy";
        List<Webhook> out = new ArrayList<>();
        String head = ZERO;
        long deploymentId = firstDeploymentId;
        long statusId = firstDeploymentId * 10;
        int pushesSinceDeploy = 0;
        Instant lastPush = start;
        String liveSha = null; // the sha production runs
        int issueNumber = 0;
        for (Instant day : workingDays(start, now)) {
            int pushes = poisson(random, p.pushesPerDay());
            for (int i = 0; i < pushes; i++) {
                Instant pushAt = pushTime(day, lastPush, now, random);
                if (pushAt == null) {
                    continue;
                }
                Commits batch = commits(1 + random.nextInt(5), pushAt, random);
                out.add(push(repo, head, batch.shas(), batch.times(), pushAt, random));
                head = batch.head();
                lastPush = pushAt;
                pushesSinceDeploy++;
                if (pushesSinceDeploy >= p.pushesPerDeploy()) {
                    pushesSinceDeploy = 0;
                    Instant staging = pushAt.plus(Duration.ofMinutes(10 + random.nextInt(50)));
                    Instant production =
                            staging.plus(Duration.ofMinutes(20 + random.nextInt(6 * 60)));
                    if (production.isAfter(now)) {
                        continue;
                    }
                    out.addAll(
                            deployment(
                                    repo,
                                    ++deploymentId,
                                    statusId,
                                    head,
                                    "staging",
                                    staging,
                                    "success",
                                    random,
                                    "main",
                                    workflow));
                    statusId += 2;
                    boolean fails = random.nextDouble() < p.failureRate();
                    out.addAll(
                            deployment(
                                    repo,
                                    ++deploymentId,
                                    statusId,
                                    head,
                                    "production",
                                    production,
                                    fails ? "failure" : "success",
                                    random,
                                    "main",
                                    workflow));
                    statusId += 2;
                    String previousLive = liveSha;
                    if (!fails) {
                        liveSha = head;
                    }
                    // Now and then a release breaks something: an incident (a GitHub issue
                    // labelled incident), which a rollback or a hotfix ends.
                    if (!fails
                            && previousLive != null
                            && random.nextDouble() < p.failureRate() * 1.5) {
                        Instant opened =
                                production.plus(Duration.ofMinutes(20 + random.nextInt(4 * 60)));
                        Instant repaired = opened.plus(Duration.ofMinutes(10 + random.nextInt(50)));
                        Instant resolved =
                                repaired.plus(Duration.ofMinutes(5 + random.nextInt(60)));
                        if (resolved.isBefore(now)) {
                            issueNumber++;
                            out.add(incident(repo, issueNumber, opened, null));
                            boolean rollback = random.nextBoolean();
                            String repairSha = rollback ? previousLive : sha(random);
                            if (!rollback) {
                                out.add(
                                        push(
                                                repo,
                                                head,
                                                List.of(repairSha),
                                                List.of(opened.plus(Duration.ofMinutes(5))),
                                                repaired.minus(Duration.ofMinutes(5)),
                                                random));
                                head = repairSha;
                            }
                            out.addAll(
                                    deployment(
                                            repo,
                                            ++deploymentId,
                                            statusId,
                                            repairSha,
                                            "production",
                                            repaired,
                                            "success",
                                            random,
                                            rollback ? "main" : "hotfix/issue-" + issueNumber,
                                            workflow));
                            statusId += 2;
                            liveSha = repairSha;
                            out.add(incident(repo, issueNumber, opened, resolved));
                            production = resolved;
                        }
                    }
                    if (fails) {
                        Instant retry =
                                production.plus(Duration.ofMinutes(15 + random.nextInt(90)));
                        if (retry.isBefore(now)) {
                            out.addAll(
                                    deployment(
                                            repo,
                                            ++deploymentId,
                                            statusId,
                                            head,
                                            "production",
                                            retry,
                                            "success",
                                            random,
                                            "main",
                                            workflow));
                            statusId += 2;
                        }
                    }
                    lastPush = production;
                }
            }
        }
        return out;
    }

    /** The days from {@code start} to {@code now} on which people push: nobody does at weekends. */
    static List<Instant> workingDays(Instant start, Instant now) {
        List<Instant> days = new ArrayList<>();
        for (Instant day = start; day.isBefore(now); day = day.plus(Duration.ofDays(1))) {
            if (day.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue() < 6) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * A push in the working hours of {@code day}, or null when that falls before the previous push
     * or release ({@code after}) or too close to {@code now}: the push does not happen.
     */
    static Instant pushTime(Instant day, Instant after, Instant now, Random random) {
        Instant at = day.plus(Duration.ofMinutes(9 * 60 + random.nextInt(8 * 60)));
        return at.isAfter(after) && !at.isAfter(now.minus(Duration.ofMinutes(30))) ? at : null;
    }

    /** The commits of one push: their shas and commit times, in order, all before the push. */
    record Commits(List<String> shas, List<Instant> times) {
        String head() {
            return shas.get(shas.size() - 1);
        }
    }

    /** {@code count} commits made in the three days before {@code pushAt}, mostly just before. */
    static Commits commits(int count, Instant pushAt, Random random) {
        List<String> shas = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            shas.add(sha(random));
            long minutesBefore = (long) (random.nextDouble() * random.nextDouble() * 3 * 24 * 60);
            times.add(pushAt.minus(Duration.ofMinutes(minutesBefore + (count - c) * 7L)));
        }
        times.sort(null);
        return new Commits(shas, times);
    }

    /** The files one pushed commit added, modified and removed, as GitHub lists them. */
    record CommitFiles(List<String> added, List<String> modified, List<String> removed) {}

    private static Webhook push(
            String repo,
            String before,
            List<String> shas,
            List<Instant> times,
            Instant at,
            Random random) {
        return push(repo, before, shas, times, at, random, null);
    }

    /**
     * A push to {@code main} of {@code shas}, one {@code files} entry per commit; without {@code
     * files} every commit modifies {@code src/main.java} (a repository of one service, where the
     * files do not decide the service).
     */
    static Webhook push(
            String repo,
            String before,
            List<String> shas,
            List<Instant> times,
            Instant at,
            Random random,
            List<CommitFiles> files) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ref", "refs/heads/main");
        root.put("before", before);
        root.put("after", shas.get(shas.size() - 1));
        root.put("created", before.equals(ZERO));
        root.put("deleted", false);
        root.put("forced", false);
        root.putNull("base_ref");
        root.put(
                "compare",
                "https://github.com/"
                        + repo
                        + "/compare/"
                        + before.substring(0, 12)
                        + "..."
                        + shas.get(shas.size() - 1).substring(0, 12));
        ArrayNode commits = root.putArray("commits");
        ObjectNode last = null;
        for (int i = 0; i < shas.size(); i++) {
            ObjectNode c = commits.addObject();
            c.put("id", shas.get(i));
            c.put("tree_id", sha(random));
            c.put("distinct", true);
            c.put("message", "Change " + shas.get(i).substring(0, 7));
            c.put("timestamp", times.get(i).toString());
            c.put("url", "https://github.com/" + repo + "/commit/" + shas.get(i));
            ObjectNode author = c.putObject("author");
            author.put("name", "Demo Developer");
            author.put("email", "dev@example.com");
            c.set("committer", author.deepCopy());
            if (files == null) {
                c.putArray("added");
                c.putArray("removed");
                c.putArray("modified").add("src/main.java");
            } else {
                CommitFiles f = files.get(i);
                f.added().forEach(c.putArray("added")::add);
                f.removed().forEach(c.putArray("removed")::add);
                f.modified().forEach(c.putArray("modified")::add);
            }
            last = c;
        }
        root.set("head_commit", last.deepCopy());
        root.set("repository", repository(repo, at));
        root.putObject("pusher").put("name", "demo").put("email", "dev@example.com");
        root.putObject("sender").put("login", "demo");
        return webhook(repo, "push", root);
    }

    /**
     * A deployment's two {@code deployment_status} webhooks, {@code in_progress} then {@code
     * finalState}, with the deployment and the GitHub Actions run ({@code workflow}) that deployed.
     */
    static List<Webhook> deployment(
            String repo,
            long id,
            long statusId,
            String sha,
            String env,
            Instant at,
            String finalState,
            Random random,
            String ref,
            String workflow) {
        Instant finished = at.plus(Duration.ofSeconds(60 + random.nextInt(400)));
        return List.of(
                deploymentStatus(
                        repo, id, statusId, sha, env, at, "in_progress", at, ref, workflow),
                deploymentStatus(
                        repo, id, statusId + 1, sha, env, at, finalState, finished, ref, workflow));
    }

    /** A GitHub issue labelled incident: opened, or closed when {@code resolved} is set. */
    private static Webhook incident(String repo, int number, Instant opened, Instant resolved) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("action", resolved == null ? "opened" : "closed");
        ObjectNode issue = root.putObject("issue");
        issue.put("number", number);
        issue.put("title", "Errors after the latest release");
        issue.put("state", resolved == null ? "open" : "closed");
        issue.put("created_at", opened.toString());
        issue.put("updated_at", (resolved == null ? opened : resolved).toString());
        if (resolved != null) {
            issue.put("closed_at", resolved.toString());
        }
        issue.put("body", "Error rate above 5 % since the release.");
        issue.putArray("labels").addObject().put("name", "incident");
        root.set("repository", repository(repo, opened));
        root.putObject("sender").put("login", "on-call");
        return webhook(repo, "issues", root);
    }

    private static Webhook deploymentStatus(
            String repo,
            long id,
            long statusId,
            String sha,
            String env,
            Instant created,
            String state,
            Instant at,
            String ref,
            String workflow) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("action", "created");
        ObjectNode status = root.putObject("deployment_status");
        status.put(
                "url",
                "https://api.github.com/repos/"
                        + repo
                        + "/deployments/"
                        + id
                        + "/statuses/"
                        + statusId);
        status.put("id", statusId);
        status.put("state", state);
        status.put("environment", env);
        status.put("created_at", at.toString());
        status.put("updated_at", at.toString());
        ObjectNode deployment = root.putObject("deployment");
        deployment.put("url", "https://api.github.com/repos/" + repo + "/deployments/" + id);
        deployment.put("id", id);
        deployment.put("sha", sha);
        deployment.put("ref", ref);
        deployment.put("task", "deploy");
        deployment.put("environment", env);
        deployment.put("created_at", created.toString());
        deployment.put("updated_at", at.toString());
        root.set("repository", repository(repo, at));
        root.putObject("workflow_run").put("name", workflow);
        root.putObject("sender").put("login", "deploy-bot");
        return webhook(repo, "deployment_status", root);
    }

    private static ObjectNode repository(String repo, Instant pushedAt) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("name", repo.substring(repo.indexOf('/') + 1));
        r.put("full_name", repo);
        r.put("private", true);
        r.put("default_branch", "main");
        r.put("master_branch", "main");
        r.put("pushed_at", pushedAt.getEpochSecond());
        r.putObject("owner").put("login", repo.substring(0, repo.indexOf('/')));
        return r;
    }

    private static Webhook webhook(String repo, String event, ObjectNode body) {
        try {
            byte[] bytes = MAPPER.writeValueAsBytes(body);
            String delivery = UUID.nameUUIDFromBytes(bytes).toString();
            return new Webhook(repo, event, delivery, bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha(Random random) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
