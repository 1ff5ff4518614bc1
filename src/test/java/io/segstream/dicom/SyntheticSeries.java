package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a small classic MR series made up for the tests: {@code slices} axial-like slices of
 * {@code rows x columns} 16-bit pixels whose stored value encodes where the pixel is, so a test
 * can tell which file landed in which slice. Fields are public for tests to bend one rule at a
 * time; {@link #edit} changes single slices after they are built.
 */
final class SyntheticSeries {

    /** Changes the attributes of slice {@code index} (in acquisition order) before writing. */
    interface SliceEdit {
        void apply(int index, AttributeList slice) throws DicomException;
    }

    static final String STUDY_INSTANCE_UID = "2.25.1001";
    static final String SERIES_INSTANCE_UID = "2.25.1002";
    static final String FRAME_OF_REFERENCE_UID = "2.25.1003";
    /** Not ASCII on purpose: the Segmentation must carry it in the source's character set. */
    static final String PATIENT_NAME = "Müller^Jürgen";
    static final String PATIENT_ID = "SYNTHETIC-0001";

    int slices = 8;
    int rows = 32;
    int columns = 32;
    double[] origin = {-16, -20, 10};
    double[] orientation = {1, 0, 0, 0, 1, 0};
    double[] pixelSpacing = {0.9, 1.1};
    double sliceSpacing = 2.5;
    double rescaleSlope = 2;
    double rescaleIntercept = -100;
    String modality = "MR";
    String sopClassUid = SOPClass.MRImageStorage;
    SliceEdit edit = (index, slice) -> {};

    static String sopInstanceUid(int index) {
        return "2.25.2000" + index;
    }

    /** The stored value of a pixel: unique within a slice and across slices. */
    static int storedValue(int index, int row, int column) {
        return index * 1000 + row * 32 + column;
    }

    double[] normal() {
        double[] r = {orientation[0], orientation[1], orientation[2]};
        double[] c = {orientation[3], orientation[4], orientation[5]};
        return SliceStack.cross(r, c);
    }

    double[] position(int index) {
        double[] n = normal();
        return new double[] {origin[0] + index * sliceSpacing * n[0],
            origin[1] + index * sliceSpacing * n[1], origin[2] + index * sliceSpacing * n[2]};
    }

    /** Writes one file per slice, in acquisition order; tests shuffle the list. */
    List<Path> write(Path folder) throws IOException, DicomException {
        List<Path> files = new ArrayList<>();
        for (int index = 0; index < slices; index++) {
            AttributeList slice = slice(index);
            edit.apply(index, slice);
            Path file = folder.resolve("IM" + index + ".dcm");
            writeFile(slice, file);
            files.add(file);
        }
        return files;
    }

    static void writeFile(AttributeList list, Path file) throws IOException, DicomException {
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian,
                "TEST");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }

    AttributeList slice(int index) throws DicomException {
        AttributeList list = new AttributeList();
        putIdentity(list, index);
        putPlane(list, index);
        putMr(list);
        putPixels(list, index);
        return list;
    }

    private void putIdentity(AttributeList list, int index) throws DicomException {
        Attributes.put(list, TagFromName.SpecificCharacterSet, "ISO_IR 100");
        Attributes.put(list, TagFromName.SOPClassUID, sopClassUid);
        Attributes.put(list, TagFromName.SOPInstanceUID, sopInstanceUid(index));
        Attributes.put(list, TagFromName.StudyInstanceUID, STUDY_INSTANCE_UID);
        Attributes.put(list, TagFromName.SeriesInstanceUID, SERIES_INSTANCE_UID);
        list.put(patientName());
        Attributes.put(list, TagFromName.PatientID, PATIENT_ID);
        Attributes.put(list, TagFromName.PatientBirthDate, "19700101");
        Attributes.put(list, TagFromName.PatientSex, "O");
        Attributes.put(list, TagFromName.StudyDate, "20260101");
        Attributes.put(list, TagFromName.StudyTime, "120000");
        Attributes.put(list, TagFromName.ReferringPhysicianName, "Referrer^Ray");
        Attributes.put(list, TagFromName.StudyID, "S1");
        Attributes.put(list, TagFromName.AccessionNumber, "A1");
        Attributes.put(list, TagFromName.Modality, modality);
        Attributes.putIntegers(list, TagFromName.SeriesNumber, 3);
        // Reversed on purpose: the reader must order by position, never by Instance Number.
        Attributes.putIntegers(list, TagFromName.InstanceNumber, slices - index);
        Attributes.put(list, TagFromName.SeriesDescription, "AX T1 SE");
    }

    /** In ISO_IR 100, as Specific Character Set says; PixelMed would write UTF-8 otherwise. */
    private static PersonNameAttribute patientName() throws DicomException {
        PersonNameAttribute name = new PersonNameAttribute(TagFromName.PatientName,
                new SpecificCharacterSet(new String[] {"ISO_IR 100"}));
        name.addValue(PATIENT_NAME);
        return name;
    }

    private void putPlane(AttributeList list, int index) throws DicomException {
        Attributes.put(list, TagFromName.FrameOfReferenceUID, FRAME_OF_REFERENCE_UID);
        Attributes.put(list, TagFromName.PositionReferenceIndicator);
        Attributes.putDecimals(list, TagFromName.ImagePositionPatient, position(index));
        Attributes.putDecimals(list, TagFromName.ImageOrientationPatient, orientation);
        Attributes.putDecimals(list, TagFromName.PixelSpacing, pixelSpacing);
        Attributes.putDecimals(list, TagFromName.SliceThickness, sliceSpacing);
    }

    private void putMr(AttributeList list) throws DicomException {
        Attributes.put(list, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "OTHER");
        Attributes.put(list, Attributes.tag("ScanningSequence"), "SE");
        Attributes.put(list, Attributes.tag("SequenceVariant"), "NONE");
        Attributes.put(list, Attributes.tag("ScanOptions"));
        Attributes.put(list, TagFromName.MRAcquisitionType, "2D");
        Attributes.putDecimals(list, TagFromName.RepetitionTime, 500);
        Attributes.putDecimals(list, TagFromName.EchoTime, 15);
        Attributes.putIntegers(list, TagFromName.EchoTrainLength, 1);
    }

    private void putPixels(AttributeList list, int index) throws DicomException {
        Attributes.putIntegers(list, TagFromName.Rows, rows);
        Attributes.putIntegers(list, TagFromName.Columns, columns);
        Attributes.putIntegers(list, TagFromName.SamplesPerPixel, 1);
        Attributes.put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        Attributes.putIntegers(list, TagFromName.BitsAllocated, 16);
        Attributes.putIntegers(list, TagFromName.BitsStored, 16);
        Attributes.putIntegers(list, TagFromName.HighBit, 15);
        Attributes.putIntegers(list, TagFromName.PixelRepresentation, 0);
        Attributes.putDecimals(list, TagFromName.RescaleSlope, rescaleSlope);
        Attributes.putDecimals(list, TagFromName.RescaleIntercept, rescaleIntercept);
        Attributes.put(list, TagFromName.RescaleType, "US");
        short[] values = new short[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = (short) storedValue(index, r, c);
            }
        }
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(values);
        list.put(pixelData);
    }
}
