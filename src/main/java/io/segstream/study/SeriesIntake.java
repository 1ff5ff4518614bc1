package io.segstream.study;

import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.dicom.SeriesAttributes;
import io.segstream.dicom.SeriesReader;
import io.segstream.ingest.SeriesReadyEvent;
import io.segstream.storage.InstanceLocator;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Receives one announced series: locates and verifies its instances, reads the header of the
 * first and identifies its sequence. Runs on the intake thread, never on the polling thread.
 */
@Singleton
public class SeriesIntake {

    private static final Logger LOG = Logger.getLogger(SeriesIntake.class);

    private final InstanceLocator locator;
    private final SequenceIdentifier identifier;
    private final SeriesReader reader = new SeriesReader();

    public SeriesIntake(InstanceLocator locator, SequenceIdentifier identifier) {
        this.locator = locator;
        this.identifier = identifier;
    }

    /** The identified series, or empty when it is none of the sequences the models take. */
    public Optional<IdentifiedSeries> receive(SeriesReadyEvent event, String correlationId)
            throws StudyFailedException {
        List<Path> instances = locator.locate(event);
        SeriesAttributes attributes = reader.readAttributes(instances.get(0));
        requireAnnouncedUids(event, attributes);

        Identification identification = identifier.identify(attributes);
        if (identification.sequence().isEmpty()) {
            LOG.debugf("[%s] ignoring series %s: %s", correlationId, event.seriesInstanceUid(),
                    identification.reason());
            return Optional.empty();
        }
        LOG.debugf("[%s] series %s is %s: %s", correlationId, event.seriesInstanceUid(),
                identification.sequence().get(), identification.reason());
        return Optional.of(new IdentifiedSeries(event, instances, attributes,
                identification.sequence().get(), identification.reason()));
    }

    private static void requireAnnouncedUids(SeriesReadyEvent event, SeriesAttributes read)
            throws StudyFailedException {
        if (!event.studyInstanceUid().equals(read.studyInstanceUid())
                || !event.seriesInstanceUid().equals(read.seriesInstanceUid())) {
            throw new StudyFailedException(FailureReason.UNSUPPORTED_SERIES,
                    "the instances belong to another study or series than the event announces; "
                            + "announce each series with the UIDs found in its files");
        }
    }
}
