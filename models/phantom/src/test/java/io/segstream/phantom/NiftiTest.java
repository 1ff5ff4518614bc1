package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiTest {

    private static final Grid SMALL = new Grid(3, 4, 5, 0.9, 0.8, 2.5,
            new double[] {-10, 20.5, -30});

    @TempDir
    Path folder;

    @Test
    void roundTripsLabelsThroughNifti() throws IOException {
        byte[] labels = new byte[SMALL.voxelCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Labels.TUMOUR_LABELS[i % 3];
        }
        Path file = folder.resolve("labels.nii.gz");

        Nifti.writeLabels(file, SMALL, labels);
        GridImage read = Nifti.readInGrid(file);

        assertEquals(SMALL, read.grid());
        assertArrayEquals(labels, Nifti.readGroundTruth(file));
    }

    @Test
    void writesAnAffineThatPlacesVoxelsAtTheirPatientPositions() throws IOException {
        Path file = folder.resolve("labels.nii.gz");
        Nifti.writeLabels(file, SMALL, new byte[SMALL.voxelCount()]);

        NiftiImage image = Nifti.read(file);
        double[] a = image.affine();
        double[] lps = SMALL.patientPosition(2, 3, 4);

        // Voxel (i, j, k) = (column, row, slice); RAS is LPS with x and y negated.
        double[] ras = {a[0] * 4 + a[1] * 3 + a[2] * 2 + a[3],
            a[4] * 4 + a[5] * 3 + a[6] * 2 + a[7], a[8] * 4 + a[9] * 3 + a[10] * 2 + a[11]};
        assertArrayEquals(new double[] {-lps[0], -lps[1], lps[2]}, ras, 1e-4);
        assertEquals(2, image.datatype());
    }

    @Test
    void mapsRasAndLpsStoredImagesOntoTheSameGrid() throws IOException {
        // One 2x3x2 image stored twice: with i and j running towards patient left and posterior
        // (LPS, as BraTS files are), and towards right and anterior (RAS, as many tools write).
        float[] lpsValues = new float[12];
        for (int i = 0; i < 12; i++) {
            lpsValues[i] = i;
        }
        float[] rasValues = new float[12];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    rasValues[(k * 3 + j) * 2 + i] = lpsValues[(k * 3 + (2 - j)) * 2 + (1 - i)];
                }
            }
        }
        Path ras = write("ras.nii.gz", 1, 0, rasValues,
                new double[] {1, 0, 0, 4, 0, 1, 0, 7, 0, 0, 1, 3});
        Path lps = write("lps.nii", 1, 0, lpsValues,
                new double[] {-1, 0, 0, 5, 0, -1, 0, 9, 0, 0, 1, 3});

        GridImage fromRas = Nifti.readInGrid(ras);
        GridImage fromLps = Nifti.readInGrid(lps);

        assertEquals(fromLps.grid(), fromRas.grid());
        assertArrayEquals(lpsValues, fromRas.values());
        assertArrayEquals(lpsValues, fromLps.values());
        assertArrayEquals(new double[] {-5, -9, 3}, fromLps.grid().origin());
    }

    @Test
    void appliesSclSlopeAndInterceptToInt16() throws IOException {
        Path file = write("scaled.nii.gz", 2, 1, new float[] {-3, 1, 7, 101},
                new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, 4, 1, 1);

        NiftiImage image = Nifti.read(file);

        // Stored as -2, 0, 3, 50: without scaling those would come back.
        assertArrayEquals(new float[] {-3, 1, 7, 101}, image.values());
    }

    @Test
    void rejectsObliqueImages() throws IOException {
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        Path file = write("oblique.nii.gz", 1, 0, new float[12],
                new double[] {c, -s, 0, 0, s, c, 0, 0, 0, 0, 1, 0});

        IOException error = assertThrows(IOException.class, () -> Nifti.readInGrid(file));

        assertEquals(true, error.getMessage().contains("oblique"), error.getMessage());
    }

    private Path write(String name, float slope, float intercept, float[] values, double[] srow)
            throws IOException {
        return write(name, slope, intercept, values, srow, 2, 3, 2);
    }

    /** A minimal int16 NIfTI-1 file with an sform, written by hand (not by the class tested). */
    private Path write(String name, float slope, float intercept, float[] values, double[] srow,
            int ni, int nj, int nk) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(352 + 2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        short[] dim = {3, (short) ni, (short) nj, (short) nk, 1, 1, 1, 1};
        for (int k = 0; k < 8; k++) {
            b.putShort(40 + 2 * k, dim[k]);
        }
        b.putShort(70, (short) 4).putShort(72, (short) 16);
        b.putFloat(76, 1).putFloat(80, 1).putFloat(84, 1).putFloat(88, 1);
        b.putFloat(108, 352).putFloat(112, slope).putFloat(116, intercept);
        b.putShort(254, (short) 2);
        for (int k = 0; k < 12; k++) {
            b.putFloat(280 + 4 * k, (float) srow[k]);
        }
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        for (int k = 0; k < values.length; k++) {
            b.putShort(352 + 2 * k, (short) Math.round((values[k] - intercept) / slope));
        }
        Path file = folder.resolve(name);
        try (OutputStream out = name.endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(b.array());
        }
        return file;
    }
}
