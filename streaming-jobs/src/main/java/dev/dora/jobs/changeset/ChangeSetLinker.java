package dev.dora.jobs.changeset;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.PushEvent;
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.DeploymentChangeRow;
import dev.dora.jobs.facts.DeploymentRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per service: remembers the default branch's push chain and, for each successful production
 * deployment, emits the changes it carried ({@link PushChain}).
 *
 * <p>State, per service: push segments by head sha, the segment of each pushed sha and the shas
 * already carried to production, all expiring {@code chainTtl} after they were written (a
 * deployment of a commit pushed longer ago than that finds no changes and is reported under data
 * quality); the sha of the last successful production deployment, which never expires.
 */
public final class ChangeSetLinker
        extends KeyedProcessFunction<String, CanonicalEvent, DeploymentChangeRow> {
    private final Pattern production;
    private final Duration chainTtl;

    private transient MapState<String, PushSegment> segmentsByAfter;
    private transient MapState<String, String> segmentOfSha;
    private transient ValueState<String> lastProductionSha;
    private transient MapState<String, Boolean> deployedShas;

    public ChangeSetLinker(Pattern production, Duration chainTtl) {
        this.production = production;
        this.chainTtl = chainTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(chainTtl).build();
        MapStateDescriptor<String, PushSegment> segments =
                new MapStateDescriptor<>(
                        "segments-by-after",
                        Types.STRING,
                        TypeInformation.of(new TypeHint<PushSegment>() {}));
        segments.enableTimeToLive(ttl);
        MapStateDescriptor<String, String> ofSha =
                new MapStateDescriptor<>("segment-of-sha", Types.STRING, Types.STRING);
        ofSha.enableTimeToLive(ttl);
        MapStateDescriptor<String, Boolean> deployed =
                new MapStateDescriptor<>("deployed-shas", Types.STRING, Types.BOOLEAN);
        deployed.enableTimeToLive(ttl);
        deployedShas = getRuntimeContext().getMapState(deployed);
        segmentsByAfter = getRuntimeContext().getMapState(segments);
        segmentOfSha = getRuntimeContext().getMapState(ofSha);
        lastProductionSha =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-production-sha", Types.STRING));
    }

    @Override
    public void processElement(
            CanonicalEvent event, Context ctx, Collector<DeploymentChangeRow> out)
            throws Exception {
        if (event.push() != null) {
            remember(event.push());
        } else if (event.deployment() != null) {
            DeploymentStatusEvent d = event.deployment();
            if (d.isSuccess() && production.matcher(d.environment()).matches()) {
                link(event, d, out);
            }
        }
    }

    private void remember(PushEvent push) throws Exception {
        if (!push.toDefaultBranch() || push.commits().isEmpty()) {
            return;
        }
        List<String> shas = new ArrayList<>(push.commits().size());
        push.commits().forEach(c -> shas.add(c.sha()));
        segmentsByAfter.put(push.after(), new PushSegment(push.before(), shas));
        for (String sha : shas) {
            segmentOfSha.put(sha, push.after());
        }
    }

    private void link(
            CanonicalEvent event, DeploymentStatusEvent d, Collector<DeploymentChangeRow> out)
            throws Exception {
        List<String> changeSet;
        if (d.changes() != null) {
            // Declared by the sender (generic API): used as sent.
            changeSet = d.changes().stream().map(dev.dora.events.Commit::sha).toList();
        } else if (d.sha() == null) {
            changeSet = List.of(); // nothing to place: counted under data quality
        } else {
            changeSet =
                    PushChain.changeSet(
                            d.sha(),
                            lastProductionSha.value(),
                            this::segmentOf,
                            this::segment,
                            this::deployed);
        }
        String deploymentKey = DeploymentRow.key(d, event.service());
        for (String sha : changeSet) {
            out.collect(
                    new DeploymentChangeRow(
                            deploymentKey,
                            ChangeRow.key(event.service(), sha),
                            event.service(),
                            sha,
                            d.statusAt(),
                            event.eventId()));
        }
        for (String sha : changeSet) {
            deployedShas.put(sha, Boolean.TRUE);
        }
        if (d.sha() != null) {
            deployedShas.put(d.sha(), Boolean.TRUE);
            lastProductionSha.update(d.sha());
        }
    }

    private boolean deployed(String sha) {
        try {
            return deployedShas.contains(sha);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read deployed-sha state", e);
        }
    }

    private String segmentOf(String sha) {
        try {
            return segmentOfSha.get(sha);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read push chain state", e);
        }
    }

    private PushSegment segment(String after) {
        try {
            return segmentsByAfter.get(after);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read push chain state", e);
        }
    }
}
