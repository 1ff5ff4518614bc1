package io.segstream.ingest;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Where the consumer hands each readable series; implemented by study assembly. */
public interface SeriesSink {

    /**
     * Takes one announced series. The stage completes once the series has been taken in; the
     * {@code delivery} is settled later, when its study has been answered or the series ignored.
     */
    CompletionStage<Void> receive(SeriesReadyEvent event, Delivery delivery);

    /**
     * This worker no longer owns these partitions of dicom.series.ready: studies still waiting
     * for series from them are dropped unanswered, their records left unacknowledged, so that
     * the partitions' new owner receives them again and assembles the study alone.
     */
    void handBack(Set<Integer> partitions);
}
