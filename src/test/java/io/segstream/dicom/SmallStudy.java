package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.segstream.storage.Sha256;
import io.segstream.tools.Announcement;
import io.segstream.volume.Sequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a small made-up four-sequence MR study (T1, T1c, T2, FLAIR; one Frame of Reference,
 * the same grid in every series) that the real pipeline and model can segment in well under a
 * second: an ellipsoid "head" with a brighter blob, with contrasts that differ per sequence. The
 * patient's name, ID and birth date are the caller's, so that tests can look for them in logs.
 *
 * @param studyInstanceUid Study Instance UID; series are numbered below it
 * @param slices slices per series
 * @param size rows and columns per slice
 * @param patient the made-up patient the instances carry
 */
public record SmallStudy(String studyInstanceUid, int slices, int size, Patient patient) {

    /** A made-up patient identity. */
    public record Patient(String name, String id, String birthDate) {}

    public static final Patient NOBODY = new Patient("NOBODY^TEST", "TEST-0", "20000101");

    private static final Map<Sequence, TinySeries> KINDS = Map.of(Sequence.T1, TinySeries.T1,
            Sequence.T1C, TinySeries.T1C, Sequence.T2, TinySeries.T2, Sequence.FLAIR,
            TinySeries.FLAIR);

    /** Writes the four series into {@code folder}/T1, /T1C, /T2, /FLAIR. */
    public Map<Sequence, Path> write(Path folder) throws IOException {
        Map<Sequence, Path> written = new EnumMap<>(Sequence.class);
        for (Sequence sequence : Sequence.values()) {
            Path series = folder.resolve(sequence.name());
            Files.createDirectories(series);
            for (int slice = 0; slice < slices; slice++) {
                write(slice(sequence, slice), series.resolve(String.format("IM%03d.dcm", slice)));
            }
            written.put(sequence, series);
        }
        return written;
    }

    /** One binary-mode series-ready record per series written by {@link #write}. */
    public List<ProducerRecord<String, String>> announcements(Map<Sequence, Path> series)
            throws IOException {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Map.Entry<Sequence, Path> entry : series.entrySet()) {
            List<Path> files;
            try (var listed = Files.list(entry.getValue())) {
                files = listed.sorted().toList();
            }
            records.add(Announcement.record("dicom.series.ready", UUID.randomUUID().toString(),
                    Announcement.data(studyInstanceUid, seriesInstanceUid(entry.getKey()), "MR",
                            files.size(), entry.getValue().toUri(), Sha256.of(files)), false));
        }
        return records;
    }

    public String seriesInstanceUid(Sequence sequence) {
        return studyInstanceUid + "." + (sequence.ordinal() + 1);
    }

    private AttributeList slice(Sequence sequence, int index) {
        TinySeries kind = KINDS.get(sequence);
        String series = seriesInstanceUid(sequence);
        try {
            AttributeList list = new AttributeList();
            Attributes.put(list, TagFromName.SpecificCharacterSet, "ISO_IR 100");
            Attributes.put(list, TagFromName.SOPClassUID, SOPClass.MRImageStorage);
            Attributes.put(list, TagFromName.SOPInstanceUID, series + "." + (index + 1));
            Attributes.put(list, TagFromName.StudyInstanceUID, studyInstanceUid);
            Attributes.put(list, TagFromName.SeriesInstanceUID, series);
            Attributes.put(list, TagFromName.FrameOfReferenceUID, studyInstanceUid + ".9");
            Attributes.put(list, TagFromName.PatientName, patient.name());
            Attributes.put(list, TagFromName.PatientID, patient.id());
            Attributes.put(list, TagFromName.PatientBirthDate, patient.birthDate());
            Attributes.put(list, TagFromName.PatientSex, "O");
            Attributes.put(list, TagFromName.StudyDate, "20260101");
            Attributes.put(list, TagFromName.Modality, "MR");
            Attributes.put(list, TagFromName.SeriesDescription, kind.description());
            Attributes.put(list, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "M");
            Attributes.put(list, Attributes.tag("ScanningSequence"),
                    kind.scanningSequence().split("\\\\"));
            Attributes.put(list, Attributes.tag("SequenceVariant"), "NONE");
            Attributes.putDecimals(list, TagFromName.RepetitionTime, kind.repetitionTime());
            Attributes.putDecimals(list, TagFromName.EchoTime, kind.echoTime());
            if (kind.inversionTime() > 0) {
                Attributes.putDecimals(list, Attributes.tag("InversionTime"),
                        kind.inversionTime());
            }
            if (!kind.contrastAgent().isEmpty()) {
                Attributes.put(list, TagFromName.ContrastBolusAgent, kind.contrastAgent());
            }
            Attributes.putIntegers(list, TagFromName.SeriesNumber, sequence.ordinal() + 1);
            Attributes.putIntegers(list, TagFromName.InstanceNumber, index + 1);
            Attributes.putDecimals(list, TagFromName.ImagePositionPatient, -size / 2.0,
                    -size / 2.0, index * 2.0);
            Attributes.putDecimals(list, TagFromName.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
            Attributes.putDecimals(list, TagFromName.PixelSpacing, 1, 1);
            Attributes.putDecimals(list, TagFromName.SliceThickness, 2);
            putPixels(list, sequence, index);
            return list;
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ellipsoid head (tissue value per sequence) with a blob (lesion value) off centre. */
    private void putPixels(AttributeList list, Sequence sequence, int index)
            throws DicomException {
        Attributes.putIntegers(list, TagFromName.Rows, size);
        Attributes.putIntegers(list, TagFromName.Columns, size);
        Attributes.putIntegers(list, TagFromName.SamplesPerPixel, 1);
        Attributes.put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        Attributes.putIntegers(list, TagFromName.BitsAllocated, 16);
        Attributes.putIntegers(list, TagFromName.BitsStored, 16);
        Attributes.putIntegers(list, TagFromName.HighBit, 15);
        Attributes.putIntegers(list, TagFromName.PixelRepresentation, 0);
        int[] tissue = {600, 650, 900, 700};
        int[] lesion = {400, 1400, 1600, 1500};
        double centre = (size - 1) / 2.0;
        double z = (index - (slices - 1) / 2.0) / (slices / 2.0);
        short[] values = new short[size * size];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                double y = (row - centre) / (size * 0.42);
                double x = (column - centre) / (size * 0.36);
                double blob = Math.hypot(x - 0.3, y + 0.2) + Math.abs(z) * 0.5;
                int value = x * x + y * y + z * z * 0.5 > 1 ? 0
                        : blob < 0.35 ? lesion[sequence.ordinal()]
                        : tissue[sequence.ordinal()] + (row * 7 + column * 3) % 40;
                values[row * size + column] = (short) value;
            }
        }
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(values);
        list.put(pixelData);
    }

    private static void write(AttributeList list, Path file) throws IOException {
        try {
            FileMetaInformation.addFileMetaInformation(list,
                    TransferSyntax.ExplicitVRLittleEndian, "SEGSTREAMTEST");
            list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
