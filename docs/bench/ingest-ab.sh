#!/usr/bin/env bash
# Alternates the ingest of the 1M corpus with an older checkout (old) and this one (new), two rounds.
# Usage: docs/bench/ingest-ab.sh OLD_TREE
# Set-up: git worktree add /tmp/oldtree <commit> && (cd /tmp/oldtree && mvn -q -DskipTests package); needs
# /tmp/gen1m from `jobs/listening-post generate --posts 1000000 --seed 42 --out /tmp/gen1m`.
set -euo pipefail
OLD="${1:?usage: ingest-ab.sh OLD_TREE}"
NEW="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for round in 1 2; do
  for tree in "$OLD" "$NEW"; do
    rm -rf /tmp/wh-ab /tmp/rep-ab
    /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" "$tree/jobs/listening-post" ingest --config /tmp/gen1m/generated.conf \
      --warehouse /tmp/wh-ab --reports /tmp/rep-ab > /tmp/ab.log 2>&1
    echo "round $round $tree: $(tail -1 /tmp/ab.log) | $(grep -o 'SUCCEEDED in [0-9.]* s' /tmp/ab.log) | $(grep 'time per stage' /tmp/ab.log)"
  done
done
