package io.segstream.study;

import io.segstream.config.IdentificationConfig;
import io.segstream.dicom.SeriesAttributes;
import io.segstream.volume.Sequence;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells which MR sequence a series is from the attributes of its first instance. Series
 * Description decides when it matches a configured pattern, because sites name their protocols
 * deliberately; otherwise Repetition, Echo and Inversion Time decide. A contrast agent turns a T1
 * into a T1C. Every decision carries its reason.
 */
@Singleton
public class SequenceIdentifier {

    private final IdentificationConfig rules;
    private final Map<Sequence, Pattern> descriptions = new LinkedHashMap<>();
    private final Pattern excluded;

    public SequenceIdentifier(IdentificationConfig rules) {
        this.rules = rules;
        this.excluded = Pattern.compile(rules.excludedDescriptionPattern());
        // Most specific first: "T1 post" is a T1 description too, "T2 FLAIR" a T2 one.
        descriptions.put(Sequence.T1C, Pattern.compile(rules.t1cDescriptionPattern()));
        descriptions.put(Sequence.FLAIR, Pattern.compile(rules.flairDescriptionPattern()));
        descriptions.put(Sequence.T2, Pattern.compile(rules.t2DescriptionPattern()));
        descriptions.put(Sequence.T1, Pattern.compile(rules.t1DescriptionPattern()));
    }

    public Identification identify(SeriesAttributes series) {
        if (!"MR".equals(series.modality())) {
            return Identification.unknown("Modality is '" + series.modality() + "', not MR");
        }
        if (series.imageType().contains("LOCALIZER")) {
            return Identification.unknown("Image Type contains LOCALIZER");
        }
        String description = series.seriesDescription();
        if (excluded.matcher(description).matches()) {
            return Identification.unknown("Series Description '" + description
                    + "' matches the excluded pattern");
        }
        for (Map.Entry<Sequence, Pattern> rule : descriptions.entrySet()) {
            if (rule.getValue().matcher(description).matches()) {
                return withContrast(rule.getKey(), series,
                        "Series Description '" + description + "' matches the "
                                + rule.getKey() + " pattern");
            }
        }
        return byAcquisition(series);
    }

    private Identification byAcquisition(SeriesAttributes series) {
        String values = "TR=" + series.repetitionTime() + " ms, TE=" + series.echoTime()
                + " ms, TI=" + series.inversionTime() + " ms, Scanning Sequence="
                + series.scanningSequence();
        Double tr = series.repetitionTime();
        Double te = series.echoTime();
        Double ti = series.inversionTime();
        boolean inversion = series.scanningSequence().contains("IR");
        if (inversion && ti != null && ti >= rules.flairMinInversionTime()) {
            return Identification.as(Sequence.FLAIR, "no description pattern matched; inversion "
                    + "recovery with long TI (" + values + ")");
        }
        if (tr != null && te != null && tr >= rules.t2MinRepetitionTime()
                && te >= rules.t2MinEchoTime() && !inversion) {
            return Identification.as(Sequence.T2, "no description pattern matched; long TR "
                    + "and TE (" + values + ")");
        }
        boolean shortTr = tr != null && tr <= rules.t1MaxRepetitionTime();
        if (te != null && te <= rules.t1MaxEchoTime() && (shortTr || inversion)) {
            return withContrast(Sequence.T1, series, "no description pattern matched; short TE "
                    + (shortTr ? "and TR" : "with inversion preparation") + " (" + values + ")");
        }
        return Identification.unknown("no description pattern matched and the acquisition "
                + "fits no rule (" + values + ")");
    }

    private static Identification withContrast(Sequence sequence, SeriesAttributes series,
            String reason) {
        String agent = series.contrastBolusAgent();
        boolean contrast = agent != null && !agent.isBlank();
        if (sequence == Sequence.T1 && contrast) {
            return Identification.as(Sequence.T1C, reason + ", and Contrast/Bolus Agent is set");
        }
        return Identification.as(sequence, reason);
    }
}
