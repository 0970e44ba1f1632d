#!/usr/bin/env bash
# The audiences stage on generated posts of one 28-day window, at 100k, 300k and 1M posts: whole process
# of `jobs/listening-post audiences` timed by GNU time (wall, peak RSS). Ingest runs first and is not timed.
#   docs/bench/audiences-scale.sh [WORK_DIR]      (default /tmp/lp-audiences-bench)
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-/tmp/lp-audiences-bench}"
LP="$HOME_DIR/jobs/listening-post"
for n in 100000 300000 1000000; do
  dir="$WORK/$n"
  rm -rf "$dir"
  "$LP" generate --posts "$n" --seed 7 --start 2026-03-04 --days 28 --out "$dir/in" > /dev/null
  # Beside the generated files: the source paths in generated.conf are relative to its folder.
  cp "$dir/in/generated.conf" "$dir/in/job.conf"
  printf 'warehouse = "%s"\nreports = "%s"\n' "$dir/wh" "$dir/reports" >> "$dir/in/job.conf"
  "$LP" ingest --config "$dir/in/job.conf" --date 2026-03-31 > "$dir/ingest.log" 2>&1
  /usr/bin/time -v "$LP" audiences --config "$dir/in/job.conf" --date 2026-03-31 > "$dir/audiences.log" 2> "$dir/time.log"
  wall=$(grep "Elapsed (wall clock)" "$dir/time.log" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$dir/time.log" | awk '{print $NF}')
  echo "$n posts: audiences wall $wall, peak RSS $((rss / 1024)) MB"
  grep -E "^  (post_topics|topics|segment_members|segments|post_streams) " "$dir/audiences.log" || true
  grep -E "audiences: .*(topics|segments)" "$dir/audiences.log" || true
  grep "time per stage" "$dir/audiences.log" || true
done
