package io.segstream.ingest;

/** Settles the record that announced a series, once its study has been answered or ignored. */
@FunctionalInterface
public interface Delivery {

    void acknowledge();
}
