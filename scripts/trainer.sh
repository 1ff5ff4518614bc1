#!/usr/bin/env bash
# Runs the trainer's command line (train, package, evaluate) in plain java, so that its own
# message and exit status reach the caller (2: bad option, 1: unreadable input):
#   scripts/trainer.sh evaluate --model ../deeplabv3plus
# It runs in models/trainer/, the same working directory as the exec:exec commands in
# models/README.md, so relative paths mean the same there and here. Expects the
# sample-study generator installed (scripts/evaluate.sh installs everything first).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp -f models/trainer/pom.xml compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile=target/trainer.classpath

cd models/trainer
TF_ENABLE_ONEDNN_OPTS=1 exec java "-Xmx${TRAINER_HEAP:-4g}" \
  -cp "target/classes:$(cat target/trainer.classpath)" io.segstream.trainer.Main "$@"
