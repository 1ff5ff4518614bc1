"""Reads a DICOM Segmentation with pydicom and prints, as JSON, what the tests compare.

Usage: seg_summary.py FILE. Per frame: the Referenced Segment Number, Image Position (Patient),
whether Plane Position Sequence is present, and the indices of the set pixels as pydicom's own
pixel_array unpacks them (row-major within the frame).
"""
import json
import sys

import numpy
import pydicom


def frame_summary(item, pixels):
    plane = item.get("PlanePositionSequence")
    return {
        "segment": int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber),
        "segmentItems": len(item.SegmentIdentificationSequence),
        "hasPlanePosition": plane is not None and len(plane) == 1,
        "position": [float(v) for v in plane[0].ImagePositionPatient] if plane else None,
        "source": item.DerivationImageSequence[0].SourceImageSequence[0]
        .ReferencedSOPInstanceUID,
        "set": numpy.flatnonzero(pixels).tolist(),
    }


def main(path):
    ds = pydicom.dcmread(path)
    pixels = ds.pixel_array.reshape(int(ds.NumberOfFrames), ds.Rows, ds.Columns)
    frames = [frame_summary(item, pixels[i])
              for i, item in enumerate(ds.PerFrameFunctionalGroupsSequence)]
    print(json.dumps({
        "sopClassUid": ds.SOPClassUID,
        "transferSyntaxUid": ds.file_meta.TransferSyntaxUID,
        "numberOfFrames": int(ds.NumberOfFrames),
        "patientName": str(ds.PatientName),
        "segmentNumbers": [int(s.SegmentNumber) for s in ds.SegmentSequence],
        "pixelDataBytes": len(ds.PixelData),
        "frames": frames,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
