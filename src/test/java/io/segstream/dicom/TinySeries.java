package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny made-up MR series (a few 4 x 4 slices) for messaging tests: only what the worker
 * reads to identify a series is realistic (Series Description, Scanning Sequence, TR, TE, TI,
 * Contrast/Bolus Agent); the pixels are a ramp.
 *
 * @param description Series Description
 * @param scanningSequence Scanning Sequence values
 * @param repetitionTime Repetition Time in ms
 * @param echoTime Echo Time in ms
 * @param inversionTime Inversion Time in ms, 0 when none
 * @param contrastAgent Contrast/Bolus Agent, empty when none
 */
public record TinySeries(String description, String scanningSequence, double repetitionTime,
        double echoTime, double inversionTime, String contrastAgent) {

    public static final TinySeries T1 = new TinySeries("T1 SE AX", "SE", 550, 10, 0, "");
    public static final TinySeries T1C =
            new TinySeries("T1 SE AX POST GD", "SE", 550, 10, 0, "GADOTERATE");
    public static final TinySeries T2 = new TinySeries("T2 TSE AX", "SE", 5000, 98, 0, "");
    public static final TinySeries FLAIR =
            new TinySeries("FLAIR AX", "SE\\IR", 9000, 81, 2500, "");

    private static final int SIZE = 4;

    /** Writes {@code slices} files named IM0.dcm, IM1.dcm, ... into {@code folder}. */
    public List<Path> write(Path folder, String studyInstanceUid, String seriesInstanceUid,
            int slices) {
        try {
            Files.createDirectories(folder);
            List<Path> files = new ArrayList<>();
            for (int index = 0; index < slices; index++) {
                Path file = folder.resolve("IM" + index + ".dcm");
                SyntheticSeries.writeFile(slice(studyInstanceUid, seriesInstanceUid, index), file);
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    private AttributeList slice(String study, String series, int index) throws DicomException {
        AttributeList list = new AttributeList();
        Attributes.put(list, TagFromName.SOPClassUID, SOPClass.MRImageStorage);
        Attributes.put(list, TagFromName.SOPInstanceUID, series + "." + (index + 1));
        Attributes.put(list, TagFromName.StudyInstanceUID, study);
        Attributes.put(list, TagFromName.SeriesInstanceUID, series);
        Attributes.put(list, TagFromName.FrameOfReferenceUID, study + ".99");
        Attributes.put(list, TagFromName.Modality, "MR");
        Attributes.put(list, TagFromName.SeriesDescription, description);
        Attributes.put(list, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "M");
        Attributes.put(list, Attributes.tag("ScanningSequence"), scanningSequence.split("\\\\"));
        Attributes.put(list, Attributes.tag("SequenceVariant"), "NONE");
        Attributes.putDecimals(list, TagFromName.RepetitionTime, repetitionTime);
        Attributes.putDecimals(list, TagFromName.EchoTime, echoTime);
        if (inversionTime > 0) {
            Attributes.putDecimals(list, Attributes.tag("InversionTime"), inversionTime);
        }
        if (!contrastAgent.isEmpty()) {
            Attributes.put(list, TagFromName.ContrastBolusAgent, contrastAgent);
        }
        Attributes.putIntegers(list, TagFromName.InstanceNumber, index + 1);
        Attributes.putDecimals(list, TagFromName.ImagePositionPatient, 0, 0, index * 5.0);
        Attributes.putDecimals(list, TagFromName.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
        Attributes.putDecimals(list, TagFromName.PixelSpacing, 1, 1);
        Attributes.putDecimals(list, TagFromName.SliceThickness, 5);
        putPixels(list, index);
        return list;
    }

    private static void putPixels(AttributeList list, int index) throws DicomException {
        Attributes.putIntegers(list, TagFromName.Rows, SIZE);
        Attributes.putIntegers(list, TagFromName.Columns, SIZE);
        Attributes.putIntegers(list, TagFromName.SamplesPerPixel, 1);
        Attributes.put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        Attributes.putIntegers(list, TagFromName.BitsAllocated, 16);
        Attributes.putIntegers(list, TagFromName.BitsStored, 16);
        Attributes.putIntegers(list, TagFromName.HighBit, 15);
        Attributes.putIntegers(list, TagFromName.PixelRepresentation, 0);
        short[] values = new short[SIZE * SIZE];
        for (int i = 0; i < values.length; i++) {
            values[i] = (short) (index * 100 + i);
        }
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(values);
        list.put(pixelData);
    }
}
