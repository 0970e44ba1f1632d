#!/usr/bin/env bash
# Ingest of one night's new posts into an empty and into a large warehouse, for checkouts or settings side by side:
# what ingest costs beyond the new posts themselves.
#   docs/bench/ingest-incremental.sh OTHER [NIGHTS] [POSTS_PER_NIGHT] [WORK_DIR] [ROUNDS] [MID_NIGHTS]
#   (default NIGHTS 10, POSTS_PER_NIGHT 1000000, WORK_DIR /tmp/lp-ingest-inc, ROUNDS 2, MID_NIGHTS 0)
# OTHER is another checkout, run after this tree; "-" runs this tree alone; a comma-separated list names
# every run instead, each "." (this tree), a checkout, or "conf:KEY=VALUE" (this tree with --conf KEY=VALUE).
# Set-up of a checkout: git clone . /tmp/other && (cd /tmp/other && git checkout COMMIT && mvn -q -DskipTests package).
# The large warehouse holds NIGHTS nights of generated posts (all six formats), ingested one night at a
# time by this tree with the post key index kept from the first night on; the small one is empty; with
# MID_NIGHTS > 0, a middle one holds the first MID_NIGHTS nights, built the same way. Each round copies
# each afresh and ingests the night after the large one's with each run in turn.
# Prints the ingest stage's time, its job groups and its authors note, from the log.
set -euo pipefail
OTHER="${1:?usage: ingest-incremental.sh OTHER [NIGHTS] [POSTS_PER_NIGHT] [WORK_DIR] [ROUNDS] [MID_NIGHTS]}"
NIGHTS="${2:-10}"
PER_NIGHT="${3:-1000000}"
WORK="${4:-/tmp/lp-ingest-inc}"
ROUNDS="${5:-2}"
MID_NIGHTS="${6:-0}"
THIS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$WORK"
# The same seed writes the same corpus: an input left by an earlier call is reused.
[ -d "$WORK/in" ] || "$THIS/jobs/listening-post" generate --posts $(((NIGHTS + 1) * PER_NIGHT)) --days $((NIGHTS + 1)) \
  --daily --seed 7 --start 2026-03-01 --out "$WORK/in" > "$WORK/generate.log"
days=($(ls "$WORK/in" | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' | sort))
last="${days[$NIGHTS]}"
ingest() { # RUN WAREHOUSE DAY LOG
  local tree="$1" conf=()
  case "$1" in
    .) tree="$THIS" ;;
    conf:*) tree="$THIS"; conf=(--conf "${1#conf:}") ;;
  esac
  "$tree/jobs/listening-post" ingest --config "$WORK/in/$3/generated.conf" --warehouse "$2" --reports "$WORK/rep" \
    --date "$3" ${conf[@]+"${conf[@]}"} > "$4" 2>&1 || { tail -20 "$4"; exit 1; }
}
warehouse() { # NAME NIGHTS: the first NIGHTS nights ingested one at a time by this tree, unless left by an earlier call
  [ -d "$WORK/$1" ] && return
  for day in "${days[@]:0:$2}"; do
    ingest conf:ingest.post-key-index-min-posts=0 "$WORK/$1.part" "$day" "$WORK/base.log"
  done
  mv "$WORK/$1.part" "$WORK/$1"
}
warehouse large "$NIGHTS"
sizes="small large"
if [ "$MID_NIGHTS" -gt 0 ]; then
  sizes="small mid large"
  warehouse mid "$MID_NIGHTS"
fi
case "$OTHER" in
  -) runs=. ;;
  *,*) runs="${OTHER//,/ }" ;;
  *) runs=". $OTHER" ;;
esac
echo "large: $(du -sm "$WORK/large" | cut -f1) MB, $("$THIS/jobs/listening-post" sql --warehouse "$WORK/large" --format csv \
  "SELECT count(*) FROM posts" 2>/dev/null | tail -1) posts"
for round in $(seq "$ROUNDS"); do
  for size in $sizes; do
    for run in $runs; do
      rm -rf "$WORK/run"
      if [ "$size" != small ]; then cp -r "$WORK/$size" "$WORK/run"; fi
      log="$WORK/ingest.log"
      ingest "$run" "$WORK/run" "$last" "$log"
      echo "round $round, $size, $run: $(grep -oE 'ingest: done in [0-9.]+ s' "$log" | head -1) |" \
        "$(grep -oE 'posts [0-9,]+ written of [0-9,]+ read' "$log" | head -1) |" \
        "$(grep 'time per stage' "$log" | sed 's/ *time per stage: //') | $(grep -o 'authors: activity[^;]*' "$log" | head -1)"
    done
  done
done
