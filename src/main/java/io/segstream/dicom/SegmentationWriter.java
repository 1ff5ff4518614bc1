package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import io.segstream.FailureReason;
import io.segstream.StudyFailedException;
import io.segstream.seg.Segmentation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Encodes a {@link Segmentation} as a binary DICOM Segmentation Storage instance (explicit VR
 * little endian, Part 10) derived from the series described by a {@link SourceHeader}.
 *
 * <p>Every segment has one frame per source slice, empty frames included: a segment the model did
 * not find, and every segment of a tumour-negative study, is present with all-zero frames, so a
 * reader can tell "looked and found nothing" from "did not look". Frames are segment-major and,
 * within a segment, ordered along the normal like the source slices.
 */
public final class SegmentationWriter {

    /** Application Entity title recorded as the Source AE Title of the file meta information. */
    private static final String SOURCE_APPLICATION_ENTITY = "SEGSTREAM";

    private final Equipment equipment;
    private final Clock clock;

    /** Equipment named for a development deployment, system clock. */
    public SegmentationWriter() {
        this("segstream worker", "development", Clock.systemDefaultZone());
    }

    /**
     * @param manufacturerModelName Manufacturer's Model Name of the worker
     * @param deviceSerialNumber Device Serial Number: identifies the deployment
     * @param clock gives Instance Creation and Content Date and Time
     */
    public SegmentationWriter(String manufacturerModelName, String deviceSerialNumber,
            Clock clock) {
        this.equipment = new Equipment(manufacturerModelName, deviceSerialNumber);
        this.clock = clock;
    }

    /** Returns the Part 10 file's bytes. */
    public byte[] encode(Segmentation segmentation, SourceHeader source)
            throws StudyFailedException {
        SegmentationRules.check(segmentation, source);
        try {
            AttributeList dataset = SegmentationDataset.build(segmentation, source, equipment,
                    ZonedDateTime.now(clock));
            FileMetaInformation.addFileMetaInformation(dataset,
                    TransferSyntax.ExplicitVRLittleEndian, SOURCE_APPLICATION_ENTITY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            dataset.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
            return out.toByteArray();
        } catch (DicomException | IOException e) {
            throw new StudyFailedException(FailureReason.ENCODING_FAILED,
                    "the Segmentation cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Encodes to {@code file}; a failure to write it is STORAGE_FAILED. */
    public void write(Segmentation segmentation, SourceHeader source, Path file)
            throws StudyFailedException {
        byte[] encoded = encode(segmentation, source);
        try {
            Files.write(file, encoded);
        } catch (IOException e) {
            throw new StudyFailedException(FailureReason.STORAGE_FAILED,
                    "cannot write the Segmentation to " + file.getFileName() + ": "
                            + e.getMessage(), e);
        }
    }
}
