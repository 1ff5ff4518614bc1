package io.segstream.ingest;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes series-ready events. Records that cannot be read are nacked with a
 * {@link PoisonRecordException} and go to the dead-letter topic; the others are handed to the
 * {@link SeriesSink} (study assembly) and acknowledged only once their study has been answered
 * or the series ignored, so that the throttled commit never passes a study still in flight.
 */
@ApplicationScoped
public class SeriesReadyConsumer {

    private static final Logger LOG = Logger.getLogger(SeriesReadyConsumer.class);

    @Inject SeriesReadyParser parser;
    @Inject SeriesSink studies;

    @Incoming("series-ready")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onSeriesReady(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message
                .getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        SeriesReadyEvent event;
        try {
            Object key = record.getKey();
            event = parser.parse(key == null ? null : key.toString(), record.getHeaders(),
                    message.getPayload());
        } catch (PoisonRecordException e) {
            LOG.warnf("[%s-%d@%d] record sent to the dead-letter topic: %s", record.getTopic(),
                    record.getPartition(), record.getOffset(), e.getMessage());
            return message.nack(e);
        }
        LOG.debugf("[%s-%d@%d] received %s", record.getTopic(), record.getPartition(),
                record.getOffset(), event);
        return studies.receive(event, Delivery.of(message::ack, record.getPartition()));
    }
}
