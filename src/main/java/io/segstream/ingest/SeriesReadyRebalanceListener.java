package io.segstream.ingest;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * With several workers in one consumer group, a rebalance moves partitions of dicom.series.ready
 * between them while studies wait for their remaining series. The worker losing a partition
 * hands its waiting studies back (unanswered, records unacknowledged), so that the new owner,
 * which receives every uncommitted record of the partition again, assembles each study whole and
 * the old owner does not answer it with MISSING_SEQUENCE when its quiet period ends.
 */
@ApplicationScoped
@Identifier("series-ready-rebalance")
public class SeriesReadyRebalanceListener implements KafkaConsumerRebalanceListener {

    @Inject SeriesSink studies;

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        studies.handBack(numbers(partitions));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        studies.handBack(numbers(partitions));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
