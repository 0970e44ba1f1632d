#!/usr/bin/env bash
# Runs PlainSparkJsonToParquet as a whole process, with the launcher's heap, module opens and logging, so
# that it can be timed beside `jobs/listening-post ingest`. Compiles it once into target/bench-classes.
#   docs/bench/plain-spark.sh <Reddit NDJSON folder or file> <output folder>
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CP="$(cat "$HOME_DIR/target/local-classpath.txt")"
CLASSES="$HOME_DIR/target/bench-classes"
if [ ! -f "$CLASSES/PlainSparkJsonToParquet.class" ]; then
  mkdir -p "$CLASSES"
  javac -d "$CLASSES" -cp "$CP" "$HOME_DIR/docs/bench/PlainSparkJsonToParquet.java"
fi
OPENS=$(grep -o -- '--add-opens=[^ ]*' "$HOME_DIR/jobs/listening-post" | paste -sd' ')
# shellcheck disable=SC2086
exec java -Xmx"${LISTENING_POST_HEAP:-8g}" $OPENS -Dlog4j2.configurationFile="$HOME_DIR/jobs/log4j2.properties" \
  -cp "$CLASSES:$CP" PlainSparkJsonToParquet "$1" "$2"
