package io.segstream.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void defaultsToTheSampleTumourAndColin27() {
        Main.Arguments arguments = Main.Arguments.parse(new String[] {"--seed", "7", "--out", "x"});

        assertEquals(7, arguments.seed());
        assertEquals(Path.of("x"), arguments.out());
        assertEquals(false, arguments.trainingTumours());
        assertEquals(Anatomy.COLIN27_HEAD, arguments.head());
    }

    @Test
    void acceptsTrainingTumours() {
        Main.Arguments arguments = Main.Arguments.parse(
                new String[] {"--tumours", "training", "--seed", "-3", "--out", "y"});

        assertTrue(arguments.trainingTumours());
        assertEquals(-3, arguments.seed());
    }

    @Test
    void rejectsUnknownTumourOptionNamingTheValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Main.Arguments.parse(new String[] {"--seed", "1", "--out", "z",
                    "--tumours", "many"}));

        assertTrue(error.getMessage().contains("many"), error.getMessage());
    }

    @Test
    void writesDicomUnlessAskedForTheBratsLayout() {
        String[] dicom = {"--seed", "1", "--out", "d"};
        String[] brats = {"--seed", "1", "--out", "d", "--layout", "brats"};

        assertEquals(false, Main.Arguments.parse(dicom).bratsLayout());
        assertTrue(Main.Arguments.parse(brats).bratsLayout());
        assertThrows(IllegalArgumentException.class, () -> Main.Arguments.parse(
                new String[] {"--seed", "1", "--out", "d", "--layout", "png"}));
    }

    @Test
    void requiresSeedAndOut() {
        assertThrows(IllegalArgumentException.class,
                () -> Main.Arguments.parse(new String[] {"--seed", "1"}));
    }
}
