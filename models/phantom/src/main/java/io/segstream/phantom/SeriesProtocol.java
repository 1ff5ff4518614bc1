package io.segstream.phantom;

/**
 * Acquisition attributes that identify each sequence the way a 3 T scanner would record them.
 * The values are plausible for a brain tumour protocol; the images themselves are synthetic.
 */
enum SeriesProtocol {
    T1(Sequence.T1, 3, "T1 SE AX", "SE", "NONE", "", "se2d1", 550, 10, 0, 1, 90, 1100, 2000),
    T1C(Sequence.T1C, 7, "T1 SE AX POST GD", "SE", "NONE", "", "se2d1", 550, 10, 0, 1, 90,
            1200, 2400),
    T2(Sequence.T2, 4, "T2 TSE AX", "SE", "SK", "PFP", "tse2d1_15", 5000, 98, 0, 15, 150,
            1400, 2800),
    FLAIR(Sequence.FLAIR, 5, "FLAIR AX", "SE\\IR", "SK\\SP", "PFP", "tir2d1_16", 9000, 81, 2500,
            16, 150, 1100, 2000);

    final Sequence sequence;
    final int seriesNumber;
    final String seriesDescription;
    final String scanningSequence;
    final String sequenceVariant;
    final String scanOptions;
    final String sequenceName;
    final double repetitionTime;
    final double echoTime;
    /** 0 when the sequence has no inversion pulse. */
    final double inversionTime;
    final int echoTrainLength;
    final double flipAngle;
    final double windowCenter;
    final double windowWidth;

    SeriesProtocol(Sequence sequence, int seriesNumber, String seriesDescription,
            String scanningSequence, String sequenceVariant, String scanOptions,
            String sequenceName, double repetitionTime, double echoTime, double inversionTime,
            int echoTrainLength, double flipAngle, double windowCenter, double windowWidth) {
        this.sequence = sequence;
        this.seriesNumber = seriesNumber;
        this.seriesDescription = seriesDescription;
        this.scanningSequence = scanningSequence;
        this.sequenceVariant = sequenceVariant;
        this.scanOptions = scanOptions;
        this.sequenceName = sequenceName;
        this.repetitionTime = repetitionTime;
        this.echoTime = echoTime;
        this.inversionTime = inversionTime;
        this.echoTrainLength = echoTrainLength;
        this.flipAngle = flipAngle;
        this.windowCenter = windowCenter;
        this.windowWidth = windowWidth;
    }

    static SeriesProtocol of(Sequence sequence) {
        return valueOf(sequence.name());
    }

    boolean contrastEnhanced() {
        return sequence == Sequence.T1C;
    }
}
