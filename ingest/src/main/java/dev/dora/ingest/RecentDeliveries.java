package dev.dora.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memory of the delivery keys this process made durable, so an immediate redelivery is
 * answered {@code duplicate: true} without being stored again. It is only a fast path: after a
 * restart, or on another replica, a redelivery is stored and the streaming job drops it (keyed
 * state, 8 days), so it is still counted once.
 */
public final class RecentDeliveries {
    private final Map<String, Boolean> keys;

    public RecentDeliveries(int capacity) {
        this.keys =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > capacity;
                    }
                };
    }

    public synchronized boolean contains(String key) {
        return keys.containsKey(key);
    }

    public synchronized void add(String key) {
        keys.put(key, Boolean.TRUE);
    }
}
