package io.segstream.phantom;

/**
 * The four MR sequences of a study. The declaration order is the model's channel order, so
 * {@link #ordinal()} may be used as a channel index.
 */
public enum Sequence {
    T1,
    T1C,
    T2,
    FLAIR
}
