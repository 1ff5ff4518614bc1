package io.segstream.phantom;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes single-file NIfTI-1 images ({@code .nii} or {@code .nii.gz}), and maps them
 * to and from the axial LPS layout of {@link Grid}.
 *
 * <p>Reading handles both byte orders, the integer and float datatypes BraTS-style files use,
 * scl_slope/scl_inter, and the sform, qform or bare pixdim affine (in NIfTI's order of
 * preference). Only the first volume of a 4-D file is read. Mapping to a grid accepts any
 * axis permutation and flip, but not oblique orientations: resampling is the worker's job.
 */
public final class Nifti {

    private static final int HEADER_SIZE = 348;
    private static final int VOXEL_OFFSET = 352;
    private static final double MAX_OBLIQUITY_COSINE = Math.cos(Math.toRadians(0.5));

    private Nifti() {
    }

    /** Reads a NIfTI-1 file as stored. */
    public static NiftiImage read(Path file) throws IOException {
        byte[] bytes = readMaybeGzipped(file);
        if (bytes.length < VOXEL_OFFSET) {
            throw new IOException("Not a NIfTI-1 file (only " + bytes.length + " bytes): " + file);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(byteOrder(bytes, file));
        int[] dimensions = dimensions(header, file);
        int datatype = header.getShort(70);
        double[] affine = affine(header);
        long offset = (long) header.getFloat(108);
        float[] values = decode(header, datatype, offset, dimensions, file);
        applyScaling(header, values);
        return new NiftiImage(dimensions, datatype, affine, values);
    }

    /** Reads a NIfTI-1 file into the axial LPS layout of {@link Grid}. */
    public static GridImage readInGrid(Path file) throws IOException {
        return toGrid(read(file), file.toString());
    }

    /**
     * Reads a label image (e.g. {@code ground-truth.nii.gz}, or a BraTS {@code seg} file) in the
     * flat layout of {@link Grid}.
     */
    public static byte[] readGroundTruth(Path file) throws IOException {
        float[] values = readInGrid(file).values();
        byte[] labels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v < 0 || v > 255 || v != Math.rint(v)) {
                throw new IOException("Label image " + file + " has a non-label value " + v
                        + " at voxel " + i + "; labels must be integers in 0..255");
            }
            labels[i] = (byte) v;
        }
        return labels;
    }

    /** Writes labels as a gzipped uint8 NIfTI-1 image whose affine places them on the grid. */
    public static void writeLabels(Path file, Grid grid, byte[] labels) throws IOException {
        requireLength(grid, labels.length);
        ByteBuffer buffer = header(grid, 2, 8, labels.length);
        buffer.put(labels);
        writeGzipped(file, buffer);
    }

    /** Writes values as a gzipped float32 NIfTI-1 image whose affine places them on the grid. */
    public static void writeFloat32(Path file, Grid grid, float[] values) throws IOException {
        requireLength(grid, values.length);
        ByteBuffer buffer = header(grid, 16, 32, 4L * values.length);
        buffer.asFloatBuffer().put(values);
        buffer.position(buffer.position() + 4 * values.length);
        writeGzipped(file, buffer);
    }

    /**
     * Maps an image onto the axial LPS grid: each NIfTI axis becomes the grid axis its direction
     * points along, flipped where it points the other way.
     */
    public static GridImage toGrid(NiftiImage image, String source) throws IOException {
        AxisMapping mapping = AxisMapping.of(image, source);
        Grid grid = mapping.grid();
        float[] out = new float[grid.voxelCount()];
        int[] n = image.dimensions();
        int[] gridIndex = new int[3];
        float[] values = image.values();
        int in = 0;
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++) {
                    mapping.gridIndex(i, j, k, gridIndex);
                    out[grid.index(gridIndex[2], gridIndex[1], gridIndex[0])] = values[in++];
                }
            }
        }
        return new GridImage(grid, out);
    }

    /** The RAS+ affine (12 values, row-major) of a grid written in its flat layout. */
    static double[] rasAffine(Grid grid) {
        double[] o = grid.origin();
        // LPS to RAS negates x and y; the flat layout puts column on i, row on j, slice on k.
        return new double[] {
            -grid.columnSpacing(), 0, 0, -o[0],
            0, -grid.rowSpacing(), 0, -o[1],
            0, 0, grid.sliceSpacing(), o[2]
        };
    }

    private static byte[] readMaybeGzipped(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
            return in.readAllBytes();
        }
    }

    private static ByteOrder byteOrder(byte[] bytes, Path file) throws IOException {
        ByteBuffer probe = ByteBuffer.wrap(bytes, 0, 4);
        if (probe.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == HEADER_SIZE) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (probe.order(ByteOrder.BIG_ENDIAN).getInt(0) == HEADER_SIZE) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new IOException("Not a NIfTI-1 file (sizeof_hdr is not 348 in either byte order): "
                + file);
    }

    private static int[] dimensions(ByteBuffer header, Path file) throws IOException {
        int rank = header.getShort(40);
        if (rank < 3 || rank > 7) {
            throw new IOException("NIfTI file " + file + " has dim[0] = " + rank
                    + "; only 3-D images (or the first volume of 4-D ones) are supported");
        }
        int[] dims = {header.getShort(42), header.getShort(44), header.getShort(46)};
        for (int d : dims) {
            if (d < 1) {
                throw new IOException("NIfTI file " + file + " has a non-positive dimension " + d);
            }
        }
        return dims;
    }

    private static double[] affine(ByteBuffer header) {
        if (header.getShort(254) > 0) {
            double[] affine = new double[12];
            for (int i = 0; i < 12; i++) {
                affine[i] = header.getFloat(280 + 4 * i);
            }
            return affine;
        }
        double[] pixdim = {header.getFloat(80), header.getFloat(84), header.getFloat(88)};
        if (header.getShort(252) > 0) {
            return quaternionAffine(header, pixdim);
        }
        return new double[] {pixdim[0], 0, 0, 0, 0, pixdim[1], 0, 0, 0, 0, pixdim[2], 0};
    }

    private static double[] quaternionAffine(ByteBuffer header, double[] pixdim) {
        double b = header.getFloat(256);
        double c = header.getFloat(260);
        double d = header.getFloat(264);
        double a = Math.sqrt(Math.max(0, 1 - b * b - c * c - d * d));
        double qfac = header.getFloat(76) < 0 ? -1 : 1;
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}
        };
        double[] scale = {pixdim[0], pixdim[1], pixdim[2] * qfac};
        double[] affine = new double[12];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                affine[4 * row + col] = r[row][col] * scale[col];
            }
            affine[4 * row + 3] = header.getFloat(268 + 4 * row);
        }
        return affine;
    }

    private static float[] decode(ByteBuffer buffer, int datatype, long offset, int[] dims,
            Path file) throws IOException {
        int count = dims[0] * dims[1] * dims[2];
        int size = bytesPerVoxel(datatype, file);
        if (offset < VOXEL_OFFSET || offset + (long) count * size > buffer.capacity()) {
            throw new IOException("NIfTI file " + file + " is truncated or has a bad vox_offset "
                    + offset + " for " + count + " voxels of " + size + " bytes");
        }
        float[] values = new float[count];
        int p = (int) offset;
        for (int i = 0; i < count; i++, p += size) {
            values[i] = decodeVoxel(buffer, datatype, p);
        }
        return values;
    }

    private static int bytesPerVoxel(int datatype, Path file) throws IOException {
        return switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16, 768 -> 4;
            case 64 -> 8;
            default -> throw new IOException("NIfTI file " + file + " has datatype " + datatype
                    + "; supported are uint8, int8, int16, uint16, int32, uint32, float32, "
                    + "float64");
        };
    }

    private static float decodeVoxel(ByteBuffer buffer, int datatype, int p) {
        return switch (datatype) {
            case 2 -> buffer.get(p) & 0xff;
            case 256 -> buffer.get(p);
            case 4 -> buffer.getShort(p);
            case 512 -> buffer.getShort(p) & 0xffff;
            case 8 -> buffer.getInt(p);
            case 768 -> buffer.getInt(p) & 0xffffffffL;
            case 16 -> buffer.getFloat(p);
            default -> (float) buffer.getDouble(p);
        };
    }

    private static void applyScaling(ByteBuffer header, float[] values) {
        float slope = header.getFloat(112);
        float intercept = header.getFloat(116);
        // NIfTI-1: a zero (or non-finite) scl_slope means the values are not scaled.
        if (slope == 0 || !Float.isFinite(slope) || (slope == 1 && intercept == 0)) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * slope + intercept;
        }
    }

    private static void requireLength(Grid grid, int length) {
        if (length != grid.voxelCount()) {
            throw new IllegalArgumentException("Image has " + length + " voxels but the grid has "
                    + grid.voxelCount());
        }
    }

    private static ByteBuffer header(Grid grid, int datatype, int bitpix, long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(Math.toIntExact(VOXEL_OFFSET + dataBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, HEADER_SIZE);
        short[] dim = {3, (short) grid.columns(), (short) grid.rows(), (short) grid.slices(),
            1, 1, 1, 1};
        for (int i = 0; i < dim.length; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, (short) datatype);
        h.putShort(72, (short) bitpix);
        float[] pixdim = {1, (float) grid.columnSpacing(), (float) grid.rowSpacing(),
            (float) grid.sliceSpacing(), 0, 0, 0, 0};
        for (int i = 0; i < pixdim.length; i++) {
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putFloat(108, VOXEL_OFFSET);
        h.putFloat(112, 1);
        h.put(123, (byte) 2); // xyzt_units: millimetres
        putOrientation(h, grid);
        h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        h.position(VOXEL_OFFSET);
        return h;
    }

    private static void putOrientation(ByteBuffer h, Grid grid) {
        double[] affine = rasAffine(grid);
        h.putShort(252, (short) 1); // qform_code: scanner anatomical
        h.putShort(254, (short) 1); // sform_code: scanner anatomical
        // The LPS-to-RAS flip of x and y is a 180 degree turn about z: quaternion (0, 0, 0, 1).
        h.putFloat(264, 1f);
        for (int row = 0; row < 3; row++) {
            h.putFloat(268 + 4 * row, (float) affine[4 * row + 3]);
            for (int col = 0; col < 4; col++) {
                h.putFloat(280 + 16 * row + 4 * col, (float) affine[4 * row + col]);
            }
        }
    }

    private static void writeGzipped(Path file, ByteBuffer buffer) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(buffer.array(), 0, buffer.capacity());
        }
    }

    /** How the i, j, k axes of a NIfTI image map onto grid column, row and slice. */
    private record AxisMapping(int[] target, boolean[] flipped, int[] n, Grid grid) {

        static AxisMapping of(NiftiImage image, String source) throws IOException {
            double[] a = image.affine();
            int[] n = image.dimensions();
            int[] target = new int[3];
            boolean[] flipped = new boolean[3];
            double[] spacing = new double[3];
            boolean[] used = new boolean[3];
            for (int axis = 0; axis < 3; axis++) {
                // Column of the affine in LPS: NIfTI's RAS with x and y negated.
                double[] v = {-a[axis], -a[4 + axis], a[8 + axis]};
                double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                int dominant = dominant(v);
                if (norm == 0 || Math.abs(v[dominant]) / norm < MAX_OBLIQUITY_COSINE
                        || used[dominant]) {
                    throw new IOException("NIfTI image " + source + " is oblique or degenerate "
                            + "(axis " + axis + " direction " + java.util.Arrays.toString(v)
                            + "); only axis-aligned images can be mapped without resampling");
                }
                used[dominant] = true;
                target[axis] = dominant;
                flipped[axis] = v[dominant] < 0;
                spacing[dominant] = roundFloatNoise(norm);
            }
            return new AxisMapping(target, flipped, n, grid(a, n, target, flipped, spacing));
        }

        private static int dominant(double[] v) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                if (Math.abs(v[i]) > Math.abs(v[best])) {
                    best = i;
                }
            }
            return best;
        }

        private static Grid grid(double[] a, int[] n, int[] target, boolean[] flipped,
                double[] spacing) {
            int[] size = new int[3];
            double[] corner = new double[3];
            for (int axis = 0; axis < 3; axis++) {
                size[target[axis]] = n[axis];
                corner[axis] = flipped[axis] ? n[axis] - 1 : 0;
            }
            double[] origin = new double[3];
            for (int row = 0; row < 3; row++) {
                double ras = a[4 * row + 3];
                for (int axis = 0; axis < 3; axis++) {
                    ras += a[4 * row + axis] * corner[axis];
                }
                origin[row] = roundFloatNoise(row < 2 ? -ras : ras);
            }
            return new Grid(size[2], size[1], size[0], spacing[1], spacing[0], spacing[2],
                    origin);
        }

        /**
         * NIfTI stores geometry as float32; rounding to 10 nm lets a grid written and read back
         * compare equal to the original (0.9 mm instead of 0.89999998 mm).
         */
        private static double roundFloatNoise(double millimetres) {
            return Math.round(millimetres * 1e5) / 1e5;
        }

        void gridIndex(int i, int j, int k, int[] out) {
            int[] index = {i, j, k};
            for (int axis = 0; axis < 3; axis++) {
                int value = index[axis];
                out[target[axis]] = flipped[axis] ? n[axis] - 1 - value : value;
            }
        }
    }
}
