package io.segstream.pipeline;

import io.segstream.publish.RegistrationReport;
import io.segstream.registration.RegistrationOutcome;
import io.segstream.registration.RegistrationQuality;
import io.segstream.volume.Geometry;
import io.segstream.volume.Sequence;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns registration outcomes into the result event's per-sequence reports. */
final class RegistrationReports {

    private RegistrationReports() {}

    static Map<String, RegistrationReport> of(Map<Sequence, RegistrationOutcome> outcomes,
            Geometry reference) {
        double[] centre = reference.patientPosition((reference.slices() - 1) / 2.0,
                (reference.rows() - 1) / 2.0, (reference.columns() - 1) / 2.0);
        Map<String, RegistrationReport> reports = new LinkedHashMap<>();
        for (Sequence sequence : Sequence.values()) {
            reports.put(sequence.name(), report(outcomes.get(sequence), centre));
        }
        return reports;
    }

    private static RegistrationReport report(RegistrationOutcome outcome, double[] centre) {
        double[] radians = outcome.referenceToMoving().anglesRadians();
        double[] degrees = new double[3];
        for (int i = 0; i < 3; i++) {
            degrees[i] = round(Math.toDegrees(radians[i]));
        }
        double[] translation = outcome.referenceToMoving().translationAbout(centre);
        for (int i = 0; i < 3; i++) {
            translation[i] = round(translation[i]);
        }
        RegistrationQuality quality = outcome.quality().orElse(null);
        return new RegistrationReport(outcome.method().name(),
                quality == null ? null : round(quality.normalisedMutualInformation()),
                quality == null ? null : round(quality.mutualInformation()),
                quality == null ? null : quality.converged(), degrees, translation);
    }

    private static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
