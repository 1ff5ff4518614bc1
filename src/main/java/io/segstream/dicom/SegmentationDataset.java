package io.segstream.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.segstream.seg.SegmentDescription;
import io.segstream.seg.Segmentation;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/** Builds the dataset of a binary Segmentation, module by module of the Segmentation IOD. */
final class SegmentationDataset {

    static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
    static final String MANUFACTURER = "segstream";
    /** A Person Name with family and given name components, as dciodvfy expects of PN. */
    static final String CONTENT_CREATOR = "segstream^worker";

    /** Type 2 attributes of the copied modules: present, if empty, when the source lacks them. */
    private static final List<String> REQUIRED_EVEN_IF_EMPTY = List.of("PatientName",
            "PatientID", "PatientBirthDate", "PatientSex", "StudyDate", "StudyTime",
            "ReferringPhysicianName", "StudyID", "AccessionNumber",
            "PositionReferenceIndicator");
    // Missing from this PixelMed version's TagFromName.
    private static final AttributeTag SEGMENT_ALGORITHM_NAME = Attributes.tag(
            "SegmentAlgorithmName");
    private static final AttributeTag SEGMENTS_OVERLAP = Attributes.tag("SegmentsOverlap");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Segmentation segmentation;
    private final SourceHeader source;
    private final AttributeList dataset = new AttributeList();

    private SegmentationDataset(Segmentation segmentation, SourceHeader source) {
        this.segmentation = segmentation;
        this.source = source;
    }

    static AttributeList build(Segmentation segmentation, SourceHeader source,
            Equipment equipment, ZonedDateTime now) throws DicomException {
        SegmentationDataset builder = new SegmentationDataset(segmentation, source);
        builder.putCopiedFromSource();
        builder.putSeriesAndEquipment(equipment);
        builder.putImage(now);
        builder.putSegments();
        builder.putDimensions();
        FunctionalGroups.putShared(builder.dataset, segmentation.geometry());
        FunctionalGroups.putPerFrame(builder.dataset, segmentation, source);
        builder.putCommonInstanceReference();
        builder.putPixelData();
        return builder.dataset;
    }

    /** Patient, Patient Study, Clinical Trial, General Study, Frame of Reference. */
    private void putCopiedFromSource() throws DicomException {
        for (String keyword : REQUIRED_EVEN_IF_EMPTY) {
            Attributes.put(dataset, Attributes.tag(keyword));
        }
        dataset.putAll(source.copiedAttributes());
    }

    /** General Series, Segmentation Series, General and Enhanced General Equipment. */
    private void putSeriesAndEquipment(Equipment equipment) throws DicomException {
        Attributes.put(dataset, TagFromName.Modality, "SEG");
        Attributes.put(dataset, TagFromName.SeriesInstanceUID,
                segmentation.seriesInstanceUid());
        Attributes.putIntegers(dataset, TagFromName.SeriesNumber, segmentation.seriesNumber());
        Attributes.put(dataset, TagFromName.SeriesDescription,
                truncate("Segmentation by " + segmentation.algorithmName(), 64));

        Attributes.put(dataset, TagFromName.Manufacturer, MANUFACTURER);
        Attributes.put(dataset, TagFromName.ManufacturerModelName,
                equipment.manufacturerModelName());
        Attributes.put(dataset, TagFromName.DeviceSerialNumber, equipment.deviceSerialNumber());
        Attributes.put(dataset, TagFromName.SoftwareVersions, segmentation.algorithmVersion());
    }

    /** SOP Common, General Image, Image Pixel, Segmentation Image, Multi-frame top level. */
    private void putImage(ZonedDateTime now) throws DicomException {
        Attributes.put(dataset, TagFromName.SOPClassUID, SEGMENTATION_STORAGE);
        Attributes.put(dataset, TagFromName.SOPInstanceUID, segmentation.sopInstanceUid());
        Attributes.put(dataset, TagFromName.InstanceCreationDate, DATE.format(now));
        Attributes.put(dataset, TagFromName.InstanceCreationTime, TIME.format(now));
        Attributes.put(dataset, TagFromName.ContentDate, DATE.format(now));
        Attributes.put(dataset, TagFromName.ContentTime, TIME.format(now));
        Attributes.putIntegers(dataset, TagFromName.InstanceNumber, 1);
        Attributes.putIntegers(dataset, TagFromName.NumberOfFrames, frameCount());

        Attributes.put(dataset, TagFromName.ImageType, "DERIVED", "PRIMARY");
        Attributes.put(dataset, TagFromName.ContentLabel, segmentation.contentLabel());
        Attributes.put(dataset, TagFromName.ContentDescription, truncate(
                segmentation.algorithmName() + " " + segmentation.algorithmVersion(), 64));
        Attributes.put(dataset, TagFromName.ContentCreatorName, CONTENT_CREATOR);
        Attributes.put(dataset, TagFromName.SegmentationType, "BINARY");
        Attributes.put(dataset, SEGMENTS_OVERLAP, segmentsOverlap() ? "YES" : "NO");
        Attributes.put(dataset, TagFromName.LossyImageCompression, "00");

        Attributes.putIntegers(dataset, TagFromName.SamplesPerPixel, 1);
        Attributes.put(dataset, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        Attributes.putIntegers(dataset, TagFromName.Rows, segmentation.geometry().rows());
        Attributes.putIntegers(dataset, TagFromName.Columns, segmentation.geometry().columns());
        Attributes.putIntegers(dataset, TagFromName.BitsAllocated, 1);
        Attributes.putIntegers(dataset, TagFromName.BitsStored, 1);
        Attributes.putIntegers(dataset, TagFromName.HighBit, 0);
        Attributes.putIntegers(dataset, TagFromName.PixelRepresentation, 0);
    }

    private void putSegments() throws DicomException {
        SequenceAttribute segments = new SequenceAttribute(TagFromName.SegmentSequence);
        for (SegmentDescription segment : segmentation.segments()) {
            AttributeList item = new AttributeList();
            Attributes.putIntegers(item, TagFromName.SegmentNumber, segment.segmentNumber());
            Attributes.put(item, TagFromName.SegmentLabel, segment.segmentLabel());
            Attributes.putCode(item, TagFromName.SegmentedPropertyCategoryCodeSequence,
                    segment.category());
            Attributes.putCode(item, TagFromName.SegmentedPropertyTypeCodeSequence,
                    segment.type());
            Attributes.put(item, TagFromName.SegmentAlgorithmType, "AUTOMATIC");
            Attributes.put(item, SEGMENT_ALGORITHM_NAME, segmentation.algorithmName());
            Attributes.putIntegers(item, TagFromName.RecommendedDisplayCIELabValue,
                    segment.recommendedDisplayCieLab());
            segments.addItem(item);
        }
        dataset.put(segments);
    }

    /** Frames are indexed by segment number, then by position along the normal. */
    private void putDimensions() throws DicomException {
        String organization = dimensionOrganizationUid();
        AttributeList organizationItem = new AttributeList();
        Attributes.put(organizationItem, TagFromName.DimensionOrganizationUID, organization);
        Attributes.putSequence(dataset, TagFromName.DimensionOrganizationSequence,
                organizationItem);
        Attributes.putSequence(dataset, TagFromName.DimensionIndexSequence,
                dimension(organization, TagFromName.ReferencedSegmentNumber,
                        TagFromName.SegmentIdentificationSequence, "ReferencedSegmentNumber"),
                dimension(organization, TagFromName.ImagePositionPatient,
                        TagFromName.PlanePositionSequence, "ImagePositionPatient"));
    }

    private static AttributeList dimension(String organization, AttributeTag index,
            AttributeTag functionalGroup, String label) throws DicomException {
        AttributeList item = new AttributeList();
        Attributes.put(item, TagFromName.DimensionOrganizationUID, organization);
        item.put(tagValue(TagFromName.DimensionIndexPointer, index));
        item.put(tagValue(TagFromName.FunctionalGroupPointer, functionalGroup));
        Attributes.put(item, TagFromName.DimensionDescriptionLabel, label);
        return item;
    }

    private static Attribute tagValue(AttributeTag tag, AttributeTag value)
            throws DicomException {
        AttributeTagAttribute attribute = new AttributeTagAttribute(tag);
        attribute.addValue(value);
        return attribute;
    }

    private void putCommonInstanceReference() throws DicomException {
        SequenceAttribute instances = new SequenceAttribute(TagFromName.ReferencedInstanceSequence);
        for (String sopInstanceUid : source.distinctSopInstanceUids()) {
            AttributeList item = new AttributeList();
            Attributes.put(item, TagFromName.ReferencedSOPClassUID, source.sopClassUid());
            Attributes.put(item, TagFromName.ReferencedSOPInstanceUID, sopInstanceUid);
            instances.addItem(item);
        }
        AttributeList series = new AttributeList();
        Attributes.put(series, TagFromName.SeriesInstanceUID, source.seriesInstanceUid());
        series.put(instances);
        Attributes.putSequence(dataset, TagFromName.ReferencedSeriesSequence, series);
    }

    private void putPixelData() throws DicomException {
        OtherByteAttribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
        pixelData.setValues(BinaryFrames.pack(segmentation.masks(),
                segmentation.geometry().voxelCount()));
        dataset.put(pixelData);
    }

    private int frameCount() {
        return segmentation.segments().size() * segmentation.geometry().slices();
    }

    private boolean segmentsOverlap() {
        List<BitSet> masks = segmentation.masks();
        for (int a = 0; a < masks.size(); a++) {
            for (int b = a + 1; b < masks.size(); b++) {
                if (masks.get(a).intersects(masks.get(b))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Derived from the SOP Instance UID (a name-based UUID under the 2.25 root), so that encoding
     * the same Segmentation at the same clock reading gives the same bytes, and a retried
     * encoding produces an identical instance.
     */
    private String dimensionOrganizationUid() {
        byte[] name = (segmentation.sopInstanceUid() + "/dimension-organization")
                .getBytes(StandardCharsets.US_ASCII);
        UUID uuid = UUID.nameUUIDFromBytes(name);
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
