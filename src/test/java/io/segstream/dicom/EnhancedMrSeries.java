package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Writes one Enhanced MR Image Storage object made up for the tests: {@code frames} frames of
 * {@code rows x columns} 16-bit pixels, stored in {@link #frameOrder} (a shuffle, so that frame
 * order is not slice order), with Plane Position and Pixel Value Transformation per frame and
 * Pixel Measures, Plane Orientation and MR timing shared, as PS3.3's Enhanced MR Image IOD puts
 * them. Fields are public for tests to bend one rule at a time.
 */
final class EnhancedMrSeries {

    /** The stored value of pixel (row, column) of the slice at position {@code slice}. */
    interface StoredValues {
        int at(int slice, int row, int column);
    }

    /** Changes the per-frame functional groups of frame {@code frame} (from 1) before writing. */
    interface FrameEdit {
        void apply(int frame, AttributeList groups) throws DicomException;
    }

    static final String SOP_INSTANCE_UID = "2.25.6001";

    int frames = 10;
    int rows = 32;
    int columns = 32;
    double[] origin = {-16, -20, 10};
    double[] orientation = {1, 0, 0, 0, 1, 0};
    double[] pixelSpacing = {0.9, 1.1};
    double sliceSpacing = 2.5;
    double sliceThickness = 2.5;
    /** frameOrder[f] is the slice (in position order) stored as frame f + 1. */
    int[] frameOrder = {3, 0, 7, 1, 9, 4, 2, 8, 6, 5};
    StoredValues stored = SyntheticSeries::storedValue;
    /** Rescale Slope by slice position: differs between frames on purpose. */
    IntToDoubleFunction rescaleSlope = slice -> 1 + slice % 3;
    IntToDoubleFunction rescaleIntercept = slice -> -10.0 * slice;
    FrameEdit edit = (frame, groups) -> {};

    /** A frame order for {@code frames} slices, shuffled reproducibly. */
    static int[] shuffledOrder(int frames, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, frames).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }


    double[] normal() {
        double[] r = {orientation[0], orientation[1], orientation[2]};
        double[] c = {orientation[3], orientation[4], orientation[5]};
        return SliceStack.cross(r, c);
    }

    double[] position(int slice) {
        double[] n = normal();
        return new double[] {origin[0] + slice * sliceSpacing * n[0],
            origin[1] + slice * sliceSpacing * n[1], origin[2] + slice * sliceSpacing * n[2]};
    }

    /** The frame number (from 1) that holds the slice at position {@code slice}. */
    int frameNumberOf(int slice) {
        return IntStream.range(0, frames).filter(f -> frameOrder[f] == slice).findFirst()
                .orElseThrow() + 1;
    }

    Path write(Path file) throws IOException, DicomException {
        SyntheticSeries.writeFile(object(), file);
        return file;
    }

    AttributeList object() throws DicomException {
        // Patient, study and series as in SyntheticSeries; the frame-level attributes move into
        // functional groups.
        AttributeList list = new SyntheticSeries().slice(0);
        for (AttributeTag tag : List.of(TagFromName.ImagePositionPatient,
                TagFromName.ImageOrientationPatient, TagFromName.PixelSpacing,
                TagFromName.SliceThickness, TagFromName.RescaleSlope,
                TagFromName.RescaleIntercept, TagFromName.RescaleType,
                TagFromName.RepetitionTime, TagFromName.EchoTime)) {
            list.remove(tag);
        }
        Attributes.put(list, TagFromName.SOPClassUID, SOPClass.EnhancedMRImageStorage);
        Attributes.put(list, TagFromName.SOPInstanceUID, SOP_INSTANCE_UID);
        Attributes.put(list, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "M", "NONE");
        Attributes.putIntegers(list, TagFromName.InstanceNumber, 1);
        Attributes.putIntegers(list, TagFromName.NumberOfFrames, frames);
        putShared(list);
        putPerFrame(list);
        putPixels(list);
        return list;
    }

    private void putShared(AttributeList list) throws DicomException {
        AttributeList measures = new AttributeList();
        Attributes.putDecimals(measures, TagFromName.PixelSpacing, pixelSpacing);
        Attributes.putDecimals(measures, TagFromName.SliceThickness, sliceThickness);
        Attributes.putDecimals(measures, TagFromName.SpacingBetweenSlices, sliceSpacing);
        AttributeList plane = new AttributeList();
        Attributes.putDecimals(plane, TagFromName.ImageOrientationPatient, orientation);
        AttributeList timing = new AttributeList();
        Attributes.putDecimals(timing, TagFromName.RepetitionTime, 2300);
        AttributeList echo = new AttributeList();
        Attributes.putDecimals(echo, Attributes.tag("EffectiveEchoTime"), 2.98);

        AttributeList shared = new AttributeList();
        Attributes.putSequence(shared, TagFromName.PixelMeasuresSequence, measures);
        Attributes.putSequence(shared, TagFromName.PlaneOrientationSequence, plane);
        Attributes.putSequence(shared, TagFromName.MRTimingAndRelatedParametersSequence, timing);
        Attributes.putSequence(shared, TagFromName.MREchoSequence, echo);
        Attributes.putSequence(list, TagFromName.SharedFunctionalGroupsSequence, shared);
    }

    private void putPerFrame(AttributeList list) throws DicomException {
        SequenceAttribute perFrame =
                new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
        for (int f = 0; f < frames; f++) {
            int slice = frameOrder[f];
            AttributeList content = new AttributeList();
            Attributes.putIntegers(content, TagFromName.InStackPositionNumber, slice + 1);
            AttributeList position = new AttributeList();
            Attributes.putDecimals(position, TagFromName.ImagePositionPatient, position(slice));
            AttributeList rescale = new AttributeList();
            Attributes.putDecimals(rescale, TagFromName.RescaleSlope,
                    rescaleSlope.applyAsDouble(slice));
            Attributes.putDecimals(rescale, TagFromName.RescaleIntercept,
                    rescaleIntercept.applyAsDouble(slice));
            Attributes.put(rescale, TagFromName.RescaleType, "US");

            AttributeList groups = new AttributeList();
            Attributes.putSequence(groups, TagFromName.FrameContentSequence, content);
            Attributes.putSequence(groups, TagFromName.PlanePositionSequence, position);
            Attributes.putSequence(groups, TagFromName.PixelValueTransformationSequence,
                    rescale);
            edit.apply(f + 1, groups);
            perFrame.addItem(groups);
        }
        list.put(perFrame);
    }

    private void putPixels(AttributeList list) throws DicomException {
        Attributes.putIntegers(list, TagFromName.Rows, rows);
        Attributes.putIntegers(list, TagFromName.Columns, columns);
        int frameSize = rows * columns;
        short[] values = new short[frames * frameSize];
        for (int f = 0; f < frames; f++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    values[f * frameSize + r * columns + c] =
                            (short) stored.at(frameOrder[f], r, c);
                }
            }
        }
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(values);
        list.put(pixelData);
    }
}
