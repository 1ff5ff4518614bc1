#!/usr/bin/env bash
# Installs what segstream needs on a fresh Debian machine of this kind: the DICOM toolkit
# (PixelMed), the real anatomy the sample study is made from (mricron-data), the conformance
# tools the tests run (dicom3tools, dcmtk, pydicom), and PixelMed into the local Maven
# repository. Safe to run again: every step checks whether it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libpixelmed-java libpixelmed-imageio-java libvecmath-java mricron-data dicom3tools
  dcmtk python3-pydicom zip curl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

repo="${MAVEN_REPO:-$HOME/.m2/repository}"
installed="$repo/com/pixelmed/pixelmed/20220618/pixelmed-20220618.jar"
if [ ! -f "$installed" ]; then
  echo "setup: installing PixelMed 20220618 into $repo"
  work=$(mktemp -d)
  cp /usr/share/java/pixelmed-20220618.jar "$work/pixelmed.jar"
  # Debian's jar names other Debian jars in its manifest Class-Path; Maven resolves the
  # dependencies instead, so the manifest is replaced by a plain one.
  printf 'Manifest-Version: 1.0\n' > "$work/MANIFEST.MF"
  (cd "$work" && zip -q -d pixelmed.jar META-INF/MANIFEST.MF \
    && mkdir -p META-INF && cp MANIFEST.MF META-INF/ && zip -q pixelmed.jar META-INF/MANIFEST.MF)
  ./mvnw -q -B install:install-file -Dfile="$work/pixelmed.jar" -DgroupId=com.pixelmed \
    -DartifactId=pixelmed -Dversion=20220618 -Dpackaging=jar -DgeneratePom=true
  ./mvnw -q -B install:install-file -Dfile=/usr/share/java/pixelmed_imageio-20200328.jar \
    -DgroupId=com.pixelmed -DartifactId=pixelmed-imageio -Dversion=20200328 \
    -Dpackaging=jar -DgeneratePom=true
  rm -rf "$work"
fi
