package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.segstream.seg.CodedConcept;
import io.segstream.seg.Segmentation;
import io.segstream.volume.Geometry;

/**
 * The Multi-frame Functional Groups of a Segmentation: Pixel Measures and Plane Orientation
 * shared by all frames; per frame its position, dimension index, segment and source image.
 */
final class FunctionalGroups {

    static final CodedConcept SEGMENTATION_DERIVATION =
            new CodedConcept("113076", "DCM", "Segmentation");
    static final CodedConcept SOURCE_IMAGE_PURPOSE = new CodedConcept("121322", "DCM",
            "Source image for image processing operation");

    private FunctionalGroups() {}

    static void putShared(AttributeList dataset, Geometry geometry) throws DicomException {
        AttributeList measures = new AttributeList();
        Attributes.putDecimals(measures, TagFromName.PixelSpacing, geometry.rowSpacing(),
                geometry.columnSpacing());
        // Each voxel of the Segmentation labels the slab between neighbouring slice centres.
        Attributes.putDecimals(measures, TagFromName.SliceThickness, geometry.sliceSpacing());
        Attributes.putDecimals(measures, TagFromName.SpacingBetweenSlices,
                geometry.sliceSpacing());

        AttributeList orientation = new AttributeList();
        double[] row = geometry.rowDirection();
        double[] column = geometry.columnDirection();
        Attributes.putDecimals(orientation, TagFromName.ImageOrientationPatient,
                row[0], row[1], row[2], column[0], column[1], column[2]);

        AttributeList shared = new AttributeList();
        Attributes.putSequence(shared, TagFromName.PixelMeasuresSequence, measures);
        Attributes.putSequence(shared, TagFromName.PlaneOrientationSequence, orientation);
        Attributes.putSequence(dataset, TagFromName.SharedFunctionalGroupsSequence, shared);
    }

    /** One item per frame: segment-major, then slice by slice along the normal. */
    static void putPerFrame(AttributeList dataset, Segmentation segmentation,
            SourceHeader source) throws DicomException {
        SequenceAttribute perFrame =
                new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
        for (int segment = 1; segment <= segmentation.segments().size(); segment++) {
            for (int slice = 0; slice < source.slices(); slice++) {
                perFrame.addItem(frame(segment, slice, source));
            }
        }
        dataset.put(perFrame);
    }

    private static AttributeList frame(int segmentNumber, int slice, SourceHeader source)
            throws DicomException {
        AttributeList content = new AttributeList();
        Attributes.putIntegers(content, TagFromName.DimensionIndexValues, segmentNumber,
                slice + 1);

        AttributeList position = new AttributeList();
        Attributes.putDecimals(position, TagFromName.ImagePositionPatient,
                source.slicePosition(slice));

        AttributeList segment = new AttributeList();
        Attributes.putIntegers(segment, TagFromName.ReferencedSegmentNumber, segmentNumber);

        AttributeList frame = new AttributeList();
        Attributes.putSequence(frame, TagFromName.FrameContentSequence, content);
        Attributes.putSequence(frame, TagFromName.PlanePositionSequence, position);
        Attributes.putSequence(frame, TagFromName.SegmentIdentificationSequence, segment);
        Attributes.putSequence(frame, TagFromName.DerivationImageSequence,
                derivation(slice, source));
        return frame;
    }

    private static AttributeList derivation(int slice, SourceHeader source)
            throws DicomException {
        AttributeList sourceImage = new AttributeList();
        Attributes.put(sourceImage, TagFromName.ReferencedSOPClassUID, source.sopClassUid());
        Attributes.put(sourceImage, TagFromName.ReferencedSOPInstanceUID,
                source.sopInstanceUids().get(slice));
        // Referenced Frame Number is required when the source is multi-frame (Enhanced MR) and
        // the reference is to one frame of it (Image SOP Instance Reference Macro).
        if (source.frameNumber(slice) > 0) {
            Attributes.putIntegers(sourceImage, TagFromName.ReferencedFrameNumber,
                    source.frameNumber(slice));
        }
        Attributes.putCode(sourceImage, TagFromName.PurposeOfReferenceCodeSequence,
                SOURCE_IMAGE_PURPOSE);
        // The frame lies exactly on the source slice's grid.
        Attributes.put(sourceImage, TagFromName.SpatialLocationsPreserved, "YES");

        AttributeList derivation = new AttributeList();
        Attributes.putCode(derivation, TagFromName.DerivationCodeSequence,
                SEGMENTATION_DERIVATION);
        Attributes.putSequence(derivation, TagFromName.SourceImageSequence, sourceImage);
        return derivation;
    }
}
