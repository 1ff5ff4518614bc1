package io.segstream.dicom;

/**
 * What the Enhanced General Equipment module says about this worker; the Manufacturer is always
 * "segstream" and the Software Versions are the model's version.
 *
 * @param manufacturerModelName Manufacturer's Model Name
 * @param deviceSerialNumber Device Serial Number: which deployment wrote the Segmentation
 */
record Equipment(String manufacturerModelName, String deviceSerialNumber) {

    Equipment {
        requireLongString("Manufacturer's Model Name", manufacturerModelName);
        requireLongString("Device Serial Number", deviceSerialNumber);
    }

    /** Both are Type 1 LO values written in the default repertoire. */
    private static void requireLongString(String name, String value) {
        if (value == null || !value.matches("[\\x20-\\x5B\\x5D-\\x7E]{1,64}")) {
            throw new IllegalArgumentException(name + " must be 1 to 64 printable ASCII "
                    + "characters without backslash, found '" + value + "'");
        }
    }
}
