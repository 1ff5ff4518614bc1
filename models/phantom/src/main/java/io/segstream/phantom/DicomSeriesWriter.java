package io.segstream.phantom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one sequence of a study as a classic MR Image Storage series: one Part 10 file per
 * axial slice, explicit VR little endian, slice 0 (most inferior) as instance 1.
 */
final class DicomSeriesWriter {

    static final String PATIENT_NAME = "PHANTOM^SEGSTREAM";
    /** A made-up date: the phantom is a fixture, not a person. */
    static final String PATIENT_BIRTH_DATE = "19670304";
    static final String STUDY_DATE = "20260115";
    private static final String SOURCE_AE_TITLE = "SEGSTREAM";

    private final PhantomStudy study;
    private final SeriesProtocol protocol;

    DicomSeriesWriter(PhantomStudy study, Sequence sequence) {
        this.study = study;
        this.protocol = SeriesProtocol.of(sequence);
    }

    /** Writes IM0001.dcm ... into the folder; returns the number of instances written. */
    int write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Grid grid = study.grid();
        for (int slice = 0; slice < grid.slices(); slice++) {
            Path file = folder.resolve(String.format("IM%04d.dcm", slice + 1));
            try {
                AttributeList list = instance(slice);
                FileMetaInformation.addFileMetaInformation(list,
                        TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE_TITLE);
                list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            } catch (DicomException e) {
                throw new IOException("Could not write " + protocol.sequence + " slice " + slice
                        + " to " + file + ": " + e.getMessage(), e);
            }
        }
        return grid.slices();
    }

    private AttributeList instance(int slice) throws DicomException {
        AttributeList list = new AttributeList();
        putPatientAndStudy(list);
        putSeriesAndEquipment(list);
        putImagePlane(list, slice);
        putMrAcquisition(list);
        if (protocol.contrastEnhanced()) {
            putContrastBolus(list);
        }
        putImagePixel(list, slice);
        int instanceNumber = slice + 1;
        put(list, "SOPClassUID", SOPClass.MRImageStorage);
        put(list, "SOPInstanceUID",
                Uids.sopInstance(study.seed(), protocol.sequence, instanceNumber));
        put(list, "InstanceNumber", Integer.toString(instanceNumber));
        put(list, "ImageType", "ORIGINAL", "PRIMARY", "OTHER");
        put(list, "ContentDate", STUDY_DATE);
        put(list, "ContentTime", seriesTime());
        return list;
    }

    private void putPatientAndStudy(AttributeList list) throws DicomException {
        put(list, "PatientName", PATIENT_NAME);
        put(list, "PatientID", patientId(study.seed()));
        put(list, "PatientBirthDate", PATIENT_BIRTH_DATE);
        put(list, "PatientSex", "O");
        put(list, "PatientIdentityRemoved", "NO");
        put(list, "StudyInstanceUID", Uids.study(study.seed()));
        put(list, "StudyDate", STUDY_DATE);
        put(list, "StudyTime", "093000");
        put(list, "ReferringPhysicianName");
        put(list, "StudyID", "PH" + study.seed());
        put(list, "AccessionNumber", "PHANTOM" + study.seed());
        put(list, "StudyDescription", "MR BRAIN W WO CONTRAST (SYNTHETIC PHANTOM)");
    }

    private void putSeriesAndEquipment(AttributeList list) throws DicomException {
        put(list, "Modality", "MR");
        put(list, "SeriesInstanceUID", Uids.series(study.seed(), protocol.sequence));
        put(list, "SeriesNumber", Integer.toString(protocol.seriesNumber));
        put(list, "SeriesDescription", protocol.seriesDescription);
        put(list, "ProtocolName", protocol.seriesDescription);
        put(list, "SeriesDate", STUDY_DATE);
        put(list, "SeriesTime", seriesTime());
        put(list, "BodyPartExamined", "BRAIN");
        put(list, "PatientPosition", "HFS");
        put(list, "Manufacturer", "segstream");
        put(list, "ManufacturerModelName", "segstream-phantom");
        put(list, "SoftwareVersions", "0.1.0");
        put(list, "FrameOfReferenceUID", Uids.frameOfReference(study.seed()));
        put(list, "PositionReferenceIndicator");
    }

    private void putImagePlane(AttributeList list, int slice) throws DicomException {
        Grid grid = study.grid();
        double[] position = grid.patientPosition(slice, 0, 0);
        put(list, "ImagePositionPatient", ds(position[0]), ds(position[1]), ds(position[2]));
        put(list, "ImageOrientationPatient", "1", "0", "0", "0", "1", "0");
        put(list, "PixelSpacing", ds(grid.rowSpacing()), ds(grid.columnSpacing()));
        put(list, "SliceThickness", ds(grid.sliceSpacing()));
        put(list, "SpacingBetweenSlices", ds(grid.sliceSpacing()));
        // Orientation is axial, so the location along the normal is the z coordinate.
        put(list, "SliceLocation", ds(position[2]));
    }

    private void putMrAcquisition(AttributeList list) throws DicomException {
        put(list, "ScanningSequence", protocol.scanningSequence.split("\\\\"));
        put(list, "SequenceVariant", protocol.sequenceVariant.split("\\\\"));
        if (protocol.scanOptions.isEmpty()) {
            put(list, "ScanOptions");
        } else {
            put(list, "ScanOptions", protocol.scanOptions);
        }
        put(list, "MRAcquisitionType", "2D");
        put(list, "SequenceName", protocol.sequenceName);
        put(list, "AngioFlag", "N");
        put(list, "RepetitionTime", ds(protocol.repetitionTime));
        put(list, "EchoTime", ds(protocol.echoTime));
        put(list, "EchoTrainLength", Integer.toString(protocol.echoTrainLength));
        if (protocol.inversionTime > 0) {
            put(list, "InversionTime", ds(protocol.inversionTime));
        }
        put(list, "FlipAngle", ds(protocol.flipAngle));
        put(list, "NumberOfAverages", "1");
        put(list, "ImagingFrequency", "123.25");
        put(list, "ImagedNucleus", "1H");
        put(list, "EchoNumbers", "1");
        put(list, "MagneticFieldStrength", "3");
        put(list, "InPlanePhaseEncodingDirection", "ROW");
    }

    private void putContrastBolus(AttributeList list) throws DicomException {
        put(list, "ContrastBolusAgent", "GADOTERATE MEGLUMINE");
        put(list, "ContrastBolusRoute", "IV");
        put(list, "ContrastBolusVolume", "15");
        put(list, "ContrastBolusIngredient", "GADOLINIUM");
        put(list, "ContrastBolusIngredientConcentration", "279.3");
    }

    private void putImagePixel(AttributeList list, int slice) throws DicomException {
        Grid grid = study.grid();
        put(list, "SamplesPerPixel", 1);
        put(list, "PhotometricInterpretation", "MONOCHROME2");
        put(list, "Rows", grid.rows());
        put(list, "Columns", grid.columns());
        put(list, "BitsAllocated", 16);
        put(list, "BitsStored", 12);
        put(list, "HighBit", 11);
        put(list, "PixelRepresentation", 0);
        put(list, "WindowCenter", ds(protocol.windowCenter));
        put(list, "WindowWidth", ds(protocol.windowWidth));
        put(list, "WindowCenterWidthExplanation", "BRAIN");
        OtherWordAttribute pixels = new OtherWordAttribute(tag("PixelData"));
        pixels.setValues(pixels(slice));
        list.put(pixels);
    }

    private short[] pixels(int slice) {
        float[] image = study.image(protocol.sequence);
        int size = study.grid().sliceSize();
        short[] values = new short[size];
        int offset = slice * size;
        for (int i = 0; i < size; i++) {
            values[i] = (short) image[offset + i];
        }
        return values;
    }

    /** Series acquired a few minutes apart in protocol order; post-contrast last. */
    private String seriesTime() {
        int minutes = 30 + 4 * protocol.seriesNumber;
        return String.format("09%02d00", minutes);
    }

    static String patientId(long seed) {
        return String.format("PHANTOM-%04d", seed);
    }

    /** A Decimal String value: at most 16 characters, no exponent, no trailing zeros. */
    static String ds(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        String text = decimal.scale() < 0 ? decimal.setScale(0).toPlainString()
                : decimal.toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static AttributeTag tag(String keyword) {
        AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(keyword);
        if (tag == null) {
            throw new IllegalArgumentException("PixelMed's dictionary has no keyword " + keyword);
        }
        return tag;
    }

    private static void put(AttributeList list, String keyword, Object... values)
            throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag(keyword));
        for (Object value : values) {
            if (value instanceof Integer number) {
                attribute.addValue(number.intValue());
            } else {
                attribute.addValue(value.toString());
            }
        }
        list.put(attribute);
    }
}
