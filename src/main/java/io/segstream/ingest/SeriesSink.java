package io.segstream.ingest;

import java.util.concurrent.CompletionStage;

/** Where the consumer hands each readable series; implemented by study assembly. */
public interface SeriesSink {

    /**
     * Takes one announced series. The stage completes once the series has been taken in; the
     * {@code delivery} is settled later, when its study has been answered or the series ignored.
     */
    CompletionStage<Void> receive(SeriesReadyEvent event, Delivery delivery);
}
