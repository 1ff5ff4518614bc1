package io.segstream.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.util.List;

/**
 * What a Segmentation must copy from the series it was derived from: the Patient, Patient Study,
 * Clinical Trial and General Study attributes, the Frame of Reference, the SOP Class UID, and
 * per slice the SOP Instance UID, the frame number when the source is multi-frame, and Image
 * Position (Patient).
 *
 * <p>Opaque outside this package: other stages only pass it from the reader to the writer. It
 * holds patient identity, so {@link #toString()} shows none of it.
 */
public final class SourceHeader {

    /** Attributes of the modules the Segmentation IOD shares with its source, by keyword. */
    static final List<String> COPIED_KEYWORDS = List.of(
            "SpecificCharacterSet",
            // Patient
            "PatientName", "PatientID", "IssuerOfPatientID", "PatientBirthDate", "PatientSex",
            "OtherPatientIDsSequence", "PatientComments",
            // Patient Study
            "PatientAge", "PatientSize", "PatientWeight",
            // Clinical Trial Subject and Clinical Trial Study
            "ClinicalTrialSponsorName", "ClinicalTrialProtocolID", "ClinicalTrialProtocolName",
            "ClinicalTrialSiteID", "ClinicalTrialSiteName", "ClinicalTrialSubjectID",
            "ClinicalTrialSubjectReadingID", "ClinicalTrialTimePointID",
            "ClinicalTrialTimePointDescription",
            // General Study
            "StudyInstanceUID", "StudyDate", "StudyTime", "ReferringPhysicianName", "StudyID",
            "AccessionNumber", "IssuerOfAccessionNumberSequence", "StudyDescription",
            // Frame of Reference
            "FrameOfReferenceUID", "PositionReferenceIndicator");

    private final AttributeList copied;
    private final String sopClassUid;
    private final String seriesInstanceUid;
    private final List<String> sopInstanceUids;
    private final List<Integer> frameNumbers;
    private final List<double[]> slicePositions;
    private final int rows;
    private final int columns;

    private SourceHeader(AttributeList copied, String sopClassUid, String seriesInstanceUid,
            List<String> sopInstanceUids, List<Integer> frameNumbers,
            List<double[]> slicePositions, int rows, int columns) {
        this.copied = copied;
        this.sopClassUid = sopClassUid;
        this.seriesInstanceUid = seriesInstanceUid;
        this.sopInstanceUids = List.copyOf(sopInstanceUids);
        this.frameNumbers = List.copyOf(frameNumbers);
        this.slicePositions = slicePositions.stream().map(double[]::clone).toList();
        this.rows = rows;
        this.columns = columns;
    }

    /** Keeps the copied modules of {@code header} and the slices of {@code stack}, in order. */
    static SourceHeader of(AttributeList header, SliceStack stack) {
        AttributeList copied = new AttributeList();
        for (String keyword : COPIED_KEYWORDS) {
            AttributeTag tag = Attributes.tag(keyword);
            Attribute attribute = header.get(tag);
            if (attribute != null) {
                copied.put(attribute);
            }
        }
        List<SliceHeader> slices = stack.slices();
        return new SourceHeader(copied,
                Attributes.string(header, TagFromName.SOPClassUID),
                Attributes.string(header, TagFromName.SeriesInstanceUID),
                slices.stream().map(SliceHeader::sopInstanceUid).toList(),
                slices.stream().map(SliceHeader::frameNumber).toList(),
                slices.stream().map(SliceHeader::position).toList(),
                stack.geometry().rows(), stack.geometry().columns());
    }

    /** The copied attributes; callers put them into a new list and must not change them. */
    AttributeList copiedAttributes() {
        return copied;
    }

    String sopClassUid() {
        return sopClassUid;
    }

    String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    String frameOfReferenceUid() {
        return Attributes.string(copied, TagFromName.FrameOfReferenceUID);
    }

    List<String> sopInstanceUids() {
        return sopInstanceUids;
    }

    /** Each referenced instance once, in the order of its first slice. */
    List<String> distinctSopInstanceUids() {
        return sopInstanceUids.stream().distinct().toList();
    }

    /**
     * Referenced Frame Number of slice {@code index} within its multi-frame source instance, or
     * 0 when the source is single-frame and a reference must name no frame.
     */
    int frameNumber(int index) {
        return frameNumbers.get(index);
    }

    /** Image Position (Patient) of slice {@code index}, in slice order. */
    double[] slicePosition(int index) {
        return slicePositions.get(index).clone();
    }

    int slices() {
        return sopInstanceUids.size();
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** Shows the shape only: the header holds patient identity and sensitive UIDs. */
    @Override
    public String toString() {
        return "SourceHeader[" + slices() + " slices of " + rows + "x" + columns + "]";
    }
}
