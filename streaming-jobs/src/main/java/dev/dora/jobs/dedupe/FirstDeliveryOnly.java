package dev.dora.jobs.dedupe;

import dev.dora.events.RawEnvelope;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@link RawEnvelope#dedupeKey()}: passes the first delivery of each webhook and drops
 * redeliveries seen within {@code ttl} (state: one flag per key, expiring {@code ttl} after it was
 * written).
 */
public final class FirstDeliveryOnly
        extends KeyedProcessFunction<String, RawEnvelope, RawEnvelope> {
    private final Duration ttl;
    private transient ValueState<Boolean> seen;

    public FirstDeliveryOnly(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
        seen = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(RawEnvelope envelope, Context ctx, Collector<RawEnvelope> out)
            throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(envelope);
        }
    }
}
