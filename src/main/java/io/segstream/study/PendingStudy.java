package io.segstream.study;

import io.segstream.ingest.Delivery;
import io.segstream.volume.Sequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A study whose required sequences have not all arrived; guarded by the assembler's lock. */
final class PendingStudy {

    final String correlationId;
    final String studyInstanceUid;
    final Map<Sequence, IdentifiedSeries> series = new EnumMap<>(Sequence.class);
    final Set<String> seriesInstanceUids = new LinkedHashSet<>();
    final List<Delivery> deliveries = new ArrayList<>();
    Instant lastArrival;

    PendingStudy(String correlationId, String studyInstanceUid) {
        this.correlationId = correlationId;
        this.studyInstanceUid = studyInstanceUid;
    }

    /** Records a series; a later series of the same sequence replaces the earlier one. */
    IdentifiedSeries add(IdentifiedSeries arrived, Delivery delivery, Instant now) {
        seriesInstanceUids.add(arrived.event().seriesInstanceUid());
        deliveries.add(delivery);
        lastArrival = now;
        return series.put(arrived.sequence(), arrived);
    }

    /** Whether any of the study's records came from one of these partitions. */
    boolean cameFrom(Set<Integer> partitions) {
        return deliveries.stream().anyMatch(d -> partitions.contains(d.partition()));
    }

    boolean has(Set<Sequence> required) {
        return series.keySet().containsAll(required);
    }

    AssembledStudy assembled() {
        return new AssembledStudy(correlationId, studyInstanceUid, series);
    }
}
