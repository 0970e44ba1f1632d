#!/usr/bin/env bash
# The enrich stage on one night's new posts, over a small and a large warehouse, for two checkouts side by
# side: what enrich costs beyond the new posts themselves. Sentiment only (enrich.linguistics=false), so
# that the stage's own reads and writes are not hidden behind CoreNLP.
#   docs/bench/enrich-incremental.sh OTHER_TREE [NIGHTS] [POSTS_PER_NIGHT] [WORK_DIR] [ROUNDS]
#   (default NIGHTS 10, POSTS_PER_NIGHT 100000, WORK_DIR /tmp/lp-inc, ROUNDS 3)
# Set-up: git clone . /tmp/other && (cd /tmp/other && git checkout COMMIT && mvn -q -DskipTests package).
# The large warehouse holds NIGHTS nights, ingested and enriched by this tree; the small one only the night
# after them. Both then ingest that night; each round copies them afresh and enriches the copy with each
# tree in turn. Prints each run's enrich stage time and its job groups, from the run summary.
set -euo pipefail
OTHER="${1:?usage: enrich-incremental.sh OTHER_TREE [NIGHTS] [POSTS_PER_NIGHT] [WORK_DIR] [ROUNDS]}"
NIGHTS="${2:-10}"
PER_NIGHT="${3:-100000}"
WORK="${4:-/tmp/lp-inc}"
ROUNDS="${5:-3}"
THIS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONF=(--conf enrich.linguistics=false)
rm -rf "$WORK/large" "$WORK/small" "$WORK/run" "$WORK/rep"
mkdir -p "$WORK"
# The same seed writes the same corpus: an input left by an earlier call is reused.
[ -d "$WORK/in" ] || "$THIS/jobs/listening-post" generate --posts $(((NIGHTS + 1) * PER_NIGHT)) --days $((NIGHTS + 1)) \
  --daily --seed 7 --start 2026-03-01 --out "$WORK/in" > "$WORK/generate.log"
days=($(ls "$WORK/in" | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' | sort))
last="${days[$NIGHTS]}"
ingest() { # WAREHOUSE DAY
  "$THIS/jobs/listening-post" ingest --config "$WORK/in/$2/generated.conf" --warehouse "$1" --reports "$WORK/rep" \
    --date "$2" > "$WORK/ingest.log" 2>&1 || { tail -20 "$WORK/ingest.log"; exit 1; }
}
for day in "${days[@]:0:$NIGHTS}"; do
  ingest "$WORK/large" "$day"
done
"$THIS/jobs/listening-post" enrich --warehouse "$WORK/large" --reports "$WORK/rep" --date "${days[$((NIGHTS - 1))]}" \
  "${CONF[@]}" > "$WORK/enrich-base.log" 2>&1 || { tail -20 "$WORK/enrich-base.log"; exit 1; }
ingest "$WORK/large" "$last"
ingest "$WORK/small" "$last"
echo "large: $(du -sm "$WORK/large" | cut -f1) MB, $("$THIS/jobs/listening-post" sql --warehouse "$WORK/large" --format csv \
  "SELECT count(*) FROM posts" 2>/dev/null | tail -1) posts; small: $(du -sm "$WORK/small" | cut -f1) MB"
for round in $(seq "$ROUNDS"); do
  for size in small large; do
    for tree in "$THIS" "$OTHER"; do
      rm -rf "$WORK/run"
      cp -r "$WORK/$size" "$WORK/run"
      log="$WORK/enrich.log"
      "$tree/jobs/listening-post" enrich --warehouse "$WORK/run" --reports "$WORK/rep" --date "$last" "${CONF[@]}" \
        > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
      echo "round $round, $size, $tree: $(grep -oE 'enrich: done in [0-9.]+ s' "$log") |" \
        "$(grep -E '^ +post_nlp' "$log" | head -1 | awk '{print "read " $2 ", written " $3}') |" \
        "$(grep 'time per stage' "$log" | sed 's/ *time per stage: //')"
    done
  done
done
