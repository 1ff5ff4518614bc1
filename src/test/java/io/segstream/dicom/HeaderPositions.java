package io.segstream.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import io.segstream.volume.Geometry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Image Position (Patient) that each file, or each frame of a multi-frame file, states in its
 * own header, read with PixelMed directly rather than through {@link SeriesReader}; and how far
 * a volume's grid puts its slices from them.
 */
final class HeaderPositions {

    private HeaderPositions() {}

    /** Positions keyed by SOP Instance UID and frame number (0 for a single-frame instance). */
    static Map<String, double[]> read(List<Path> files) throws Exception {
        Map<String, double[]> positions = new HashMap<>();
        for (Path file : files) {
            AttributeList list = new AttributeList();
            list.read(file.toFile());
            String uid = Attributes.string(list, TagFromName.SOPInstanceUID);
            Object perFrame = list.get(TagFromName.PerFrameFunctionalGroupsSequence);
            if (perFrame instanceof SequenceAttribute frames) {
                for (int f = 0; f < frames.getNumberOfItems(); f++) {
                    AttributeList groups = frames.getItem(f).getAttributeList();
                    SequenceAttribute plane = (SequenceAttribute) groups.get(
                            TagFromName.PlanePositionSequence);
                    positions.put(key(uid, f + 1), Attributes.numbers(
                            plane.getItem(0).getAttributeList(),
                            TagFromName.ImagePositionPatient));
                }
            } else {
                positions.put(key(uid, 0),
                        Attributes.numbers(list, TagFromName.ImagePositionPatient));
            }
        }
        return positions;
    }

    /** The largest distance between a slice of the grid and its source's stated position. */
    static double maxErrorMm(LoadedSeries loaded, Map<String, double[]> positions) {
        Geometry geometry = loaded.volume().geometry();
        double largest = 0;
        for (int k = 0; k < geometry.slices(); k++) {
            String uid = loaded.volume().sourceSopInstanceUids().get(k);
            double[] stated = positions.get(key(uid, loaded.header().frameNumber(k)));
            double[] placed = geometry.slicePosition(k);
            double dx = placed[0] - stated[0];
            double dy = placed[1] - stated[1];
            double dz = placed[2] - stated[2];
            largest = Math.max(largest, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return largest;
    }

    /**
     * Image Orientation (Patient) of an axial plane tilted {@code aboutXDegrees} about the
     * patient's left-right axis, then {@code aboutYDegrees} about the anterior-posterior axis.
     */
    static double[] doubleOblique(double aboutXDegrees, double aboutYDegrees) {
        double a = Math.toRadians(aboutXDegrees);
        double b = Math.toRadians(aboutYDegrees);
        double[] row = rotateAboutY(new double[] {1, 0, 0}, b);
        double[] column = rotateAboutY(new double[] {0, Math.cos(a), Math.sin(a)}, b);
        return new double[] {row[0], row[1], row[2], column[0], column[1], column[2]};
    }

    private static double[] rotateAboutY(double[] v, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {c * v[0] + s * v[2], v[1], -s * v[0] + c * v[2]};
    }

    private static String key(String sopInstanceUid, int frameNumber) {
        return sopInstanceUid + "#" + frameNumber;
    }
}
