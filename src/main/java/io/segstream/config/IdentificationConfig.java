package io.segstream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rules that tell which MR sequence a series is. Series Description patterns are tried first
 * (T1C, FLAIR, T2, then T1); when none matches, the acquisition parameters decide. A T1 match
 * with a Contrast/Bolus Agent present is taken as T1C.
 */
@ConfigMapping(prefix = "segstream.identification")
public interface IdentificationConfig {

    /**
     * Case-insensitive regular expression on Series Description marking series that are never
     * one of the sequences, whatever their timing says (T2*, diffusion, perfusion, localizers).
     */
    @WithDefault("(?i).*(^|[^a-z0-9])(t2\\*|swi|dwi|diffusion|adc|perfusion|localizer|scout"
            + "|survey|mip)([^a-z0-9]|$).*")
    String excludedDescriptionPattern();

    /** Case-insensitive regular expression on Series Description marking contrast-enhanced T1. */
    @WithDefault("(?i).*(^|[^a-z0-9])(t1c|t1ce|t1gd"
            + "|t1.*([^a-z0-9](post|gad[a-z]*|gd|ce)|\\+ ?c))([^a-z0-9]|$).*")
    String t1cDescriptionPattern();

    /** Case-insensitive regular expression on Series Description marking FLAIR. */
    @WithDefault("(?i).*(flair|dark[ _-]?fluid|(^|[^a-z0-9])tirm([^a-z0-9]|$)).*")
    String flairDescriptionPattern();

    /** Case-insensitive regular expression on Series Description marking T2. */
    @WithDefault("(?i).*(^|[^a-z0-9])t2(w|[^a-z0-9*]|$).*")
    String t2DescriptionPattern();

    /** Case-insensitive regular expression on Series Description marking T1. */
    @WithDefault("(?i).*((^|[^a-z0-9])t1(w|[^a-z0-9]|$)|mp-?rage|spgr|bravo).*")
    String t1DescriptionPattern();

    /** Inversion Time (ms) from which an inversion-recovery series counts as FLAIR. */
    @WithDefault("1500")
    double flairMinInversionTime();

    /** Repetition Time (ms) from which a series without long inversion counts as T2. */
    @WithDefault("2000")
    double t2MinRepetitionTime();

    /** Echo Time (ms) from which a series with a long Repetition Time counts as T2. */
    @WithDefault("60")
    double t2MinEchoTime();

    /** Longest Repetition Time (ms) of a spin- or gradient-echo T1 series. */
    @WithDefault("1000")
    double t1MaxRepetitionTime();

    /** Longest Echo Time (ms) of a T1 series, including inversion-prepared ones (MP-RAGE). */
    @WithDefault("30")
    double t1MaxEchoTime();
}
