package io.segstream.seg;

/** A coded entry (Code Value, Coding Scheme Designator, Code Meaning). */
public record CodedConcept(String codeValue, String codingSchemeDesignator, String codeMeaning) {}
