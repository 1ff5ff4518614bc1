package io.segstream.ingest;

/** Settles the record that announced a series, once its study has been answered or ignored. */
@FunctionalInterface
public interface Delivery {

    void acknowledge();

    /** The partition of dicom.series.ready the record came from, or -1 when not from Kafka. */
    default int partition() {
        return -1;
    }

    static Delivery of(Runnable acknowledge, int partition) {
        return new Delivery() {
            @Override
            public void acknowledge() {
                acknowledge.run();
            }

            @Override
            public int partition() {
                return partition;
            }
        };
    }
}
