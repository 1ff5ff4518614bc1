package io.segstream.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.segstream.config.IdentificationConfig;
import io.segstream.dicom.SeriesAttributes;
import io.segstream.volume.Sequence;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceIdentifierTest {

    private final SequenceIdentifier identifier = new SequenceIdentifier(
            new SmallRyeConfigBuilder().withMapping(IdentificationConfig.class).build()
                    .getConfigMapping(IdentificationConfig.class));

    @ParameterizedTest
    @CsvSource({
        "T1 SE AX, T1",
        "AX_T1_POST_GD, T1C",
        "T1+C, T1C",
        "t1ce, T1C",
        "T1 MPRAGE, T1",
        "T2 TSE AX, T2",
        "AX T2W, T2",
        "FLAIR AX, FLAIR",
        "T2 FLAIR, FLAIR",
        "T2_TIRM_DARK-FLUID, FLAIR"})
    void identifiesTheSequenceFromTheSeriesDescription(String description, Sequence expected) {
        Identification identification = identifier.identify(mr(description, 500.0, 10.0, null,
                "SE", ""));

        assertThat(identification.sequence()).contains(expected);
        assertThat(identification.reason()).contains("Series Description");
    }

    @Test
    void takesAT1WithAContrastAgentAsT1c() {
        Identification identification = identifier.identify(mr("T1 SE AX", 550.0, 10.0, null,
                "SE", "GADOTERATE"));

        assertThat(identification.sequence()).contains(Sequence.T1C);
        assertThat(identification.reason()).contains("Contrast/Bolus Agent");
    }

    @Test
    void fallsBackToAcquisitionTimesWhenNoDescriptionMatches() {
        assertThat(identifier.identify(mr("series 5", 9000.0, 81.0, 2500.0, "SE\\IR", ""))
                .sequence()).contains(Sequence.FLAIR);
        assertThat(identifier.identify(mr("series 4", 5000.0, 98.0, null, "SE", ""))
                .sequence()).contains(Sequence.T2);
        assertThat(identifier.identify(mr("series 3", 550.0, 10.0, null, "SE", ""))
                .sequence()).contains(Sequence.T1);
        assertThat(identifier.identify(mr("series 7", 2300.0, 2.3, 900.0, "GR\\IR", "GD"))
                .sequence()).contains(Sequence.T1C);
    }

    @Test
    void ignoresT2StarDiffusionLocalizersAndOtherModalities() {
        assertThat(identifier.identify(mr("T2* GRE", 600.0, 20.0, null, "GR", ""))
                .sequence()).isEmpty();
        assertThat(identifier.identify(mr("DWI b1000", 4000.0, 40.0, null, "EP", ""))
                .sequence()).isEmpty();
        SeriesAttributes localizer = new SeriesAttributes("1.2", "1.3", "", "MR", "T1 localizer",
                List.of("ORIGINAL", "PRIMARY", "LOCALIZER"), List.of("GR"), List.of(), List.of(),
                8.6, 4.0, null, "");
        assertThat(identifier.identify(localizer).sequence()).isEmpty();
        SeriesAttributes ct = new SeriesAttributes("1.2", "1.3", "", "CT", "T1", List.of(),
                List.of(), List.of(), List.of(), null, null, null, "");
        assertThat(identifier.identify(ct)).isEqualTo(
                new Identification(Optional.empty(), "Modality is 'CT', not MR"));
    }

    private static SeriesAttributes mr(String description, Double tr, Double te, Double ti,
            String scanningSequence, String contrast) {
        return new SeriesAttributes("1.2", "1.3", "1.2.840.10008.5.1.4.1.1.4", "MR", description,
                List.of("ORIGINAL", "PRIMARY"), List.of(scanningSequence.split("\\\\")),
                List.of("NONE"), List.of(), tr, te, ti, contrast);
    }
}
