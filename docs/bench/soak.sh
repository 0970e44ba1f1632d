#!/usr/bin/env bash
# Consecutive nightly runs over generated daily exports, into one warehouse: the default config, every
# stage, each night on its own day's folder. Prints one line per night: wall time, CPU time (user + sys)
# and peak RSS of the whole process (GNU time), the largest heap left after a garbage collection (the JVM's
# GC log: what the run held live, where RSS also counts heap the JVM took and kept), the posts
# read/written/deduplicated/quarantined, whether every table's counts reconciled, and the warehouse size.
#   docs/bench/soak.sh [NIGHTS] [POSTS_PER_NIGHT] [WORK_DIR]    (default 10 100000 /tmp/lp-soak)
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NIGHTS="${1:-10}"
PER_NIGHT="${2:-100000}"
WORK="${3:-/tmp/lp-soak}"
LP="$HOME_DIR/jobs/listening-post"
rm -rf "$WORK"
mkdir -p "$WORK"
"$LP" generate --posts $((NIGHTS * PER_NIGHT)) --days "$NIGHTS" --daily --seed 7 --start 2026-03-01 \
  --out "$WORK/in" > "$WORK/generate.log"
printf '%-10s %9s %9s %9s %9s %9s %9s %9s %9s %6s %10s %11s %s\n' night wall_s cpu_s rss_mb live_mb read written dedup \
  quar check warehouse status slowest
for day in $(ls "$WORK/in" | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' | sort); do
  dir="$WORK/in/$day"
  # Beside the day's files: the source paths in generated.conf are relative to its folder.
  cp "$dir/generated.conf" "$dir/job.conf"
  printf 'warehouse = "%s"\nreports = "%s"\n' "$WORK/wh" "$WORK/reports" >> "$dir/job.conf"
  log="$WORK/night-$day.log"
  LISTENING_POST_JAVA_OPTS="${LISTENING_POST_JAVA_OPTS:-} -Xlog:gc:file=$WORK/gc-$day.log" \
    /usr/bin/time -v "$LP" nightly --config "$dir/job.conf" --date "$day" > "$log" 2> "$WORK/time-$day.log" || true
  wall=$(grep "Elapsed (wall clock)" "$WORK/time-$day.log" | awk '{print $NF}' \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.0f", s }' "$WORK/time-$day.log")
  rss=$(grep "Maximum resident set size" "$WORK/time-$day.log" | awk '{print int($NF / 1024)}')
  # "Pause Young (Normal) (G1 Evacuation Pause) 2048M->512M(4096M) 12.3ms": 512M is the heap after it.
  live=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$WORK/gc-$day.log" | sed -E 's/.*->([0-9]+)M.*/\1/' | sort -n | tail -1)
  posts=$(grep -E '^  posts +[0-9]' "$log" | head -1 | awk '{print $2, $3, $4, $5}')
  mismatches=$(grep -c "MISMATCH" "$log" || true)
  check=$([ "$mismatches" = 0 ] && echo ok || echo "$mismatches!")
  size=$(du -sm "$WORK/wh" | awk '{print $1 " MB"}')
  status=$(grep -oE "Listening Post nightly — [A-Z]+" "$log" | awk '{print $NF}')
  slowest=$(grep "time per stage" "$log" | sed 's/  time per stage: //' | cut -d';' -f1-3)
  read -r r w d q <<< "$posts"
  printf '%-10s %9.0f %9s %9s %9s %9s %9s %9s %9s %6s %10s %11s %s\n' "$day" "$wall" "$cpu" "$rss" "${live:-?}" "$r" "$w" "$d" \
    "$q" "$check" "$size" "$status" "$slowest"
done
