package io.segstream.volume;

/** The MR sequences the models take, in the order of the model's input channels. */
public enum Sequence {
    T1,
    T1C,
    T2,
    FLAIR
}
