package dev.dora.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Ingest's counters in Prometheus text format ({@code GET /metrics}): requests per source and
 * outcome, the time to make an envelope durable (Kafka ack or spool), and the spool's depth.
 * Written by hand: a handful of counters does not justify a metrics library.
 */
public final class IngestMetrics {
    /** What became of a webhook request. */
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        UNAUTHORIZED,
        REJECTED,
        UNAVAILABLE
    }

    private static final double[] BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder[] publishBuckets = new LongAdder[BUCKETS.length];
    private final LongAdder publishCount = new LongAdder();
    private final AtomicLong publishNanos = new AtomicLong();
    private volatile LongSupplier spoolDepth = () -> 0;

    public IngestMetrics() {
        for (int i = 0; i < BUCKETS.length; i++) {
            publishBuckets[i] = new LongAdder();
        }
    }

    public void count(String source, Outcome outcome) {
        requests.computeIfAbsent(labels(source, outcome), k -> new LongAdder()).increment();
    }

    /** The current count, for tests and status pages. */
    public long total(String source, Outcome outcome) {
        LongAdder a = requests.get(labels(source, outcome));
        return a == null ? 0 : a.sum();
    }

    private static String labels(String source, Outcome outcome) {
        return "source=\""
                + source
                + "\",outcome=\""
                + outcome.name().toLowerCase(Locale.ROOT)
                + "\"";
    }

    /** Records how long making one envelope durable took. */
    public void publishLatency(long nanos) {
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                publishBuckets[i].increment();
            }
        }
        publishCount.increment();
        publishNanos.addAndGet(nanos);
    }

    public void spoolDepth(LongSupplier depth) {
        this.spoolDepth = depth;
    }

    /** The Prometheus text exposition (version 0.0.4). */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP dora_ingest_requests_total Webhook requests by source and outcome.\n");
        out.append("# TYPE dora_ingest_requests_total counter\n");
        new TreeMap<>(requests)
                .forEach(
                        (labels, n) ->
                                out.append("dora_ingest_requests_total{")
                                        .append(labels)
                                        .append("} ")
                                        .append(n.sum())
                                        .append('\n'));
        out.append(
                "# HELP dora_ingest_publish_seconds Time until an envelope was durable (Kafka ack"
                        + " or spool).\n");
        out.append("# TYPE dora_ingest_publish_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append("dora_ingest_publish_seconds_bucket{le=\"")
                    .append(BUCKETS[i])
                    .append("\"} ")
                    .append(publishBuckets[i].sum())
                    .append('\n');
        }
        long count = publishCount.sum();
        out.append("dora_ingest_publish_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n');
        out.append("dora_ingest_publish_seconds_sum ")
                .append(publishNanos.get() / 1e9)
                .append('\n');
        out.append("dora_ingest_publish_seconds_count ").append(count).append('\n');
        out.append(
                "# HELP dora_ingest_spool_depth Envelopes in the local spool waiting for Kafka.\n");
        out.append("# TYPE dora_ingest_spool_depth gauge\n");
        out.append("dora_ingest_spool_depth ").append(spoolDepth.getAsLong()).append('\n');
        return out.toString();
    }
}
