#!/usr/bin/env bash
# Alternates the ingest of the 1M corpus with the code before (old) and after (new) this session's changes.
# Set-up: git worktree add /tmp/oldtree 59abaa0 && (cd /tmp/oldtree && mvn -q -DskipTests package); needs /tmp/gen1m from `generate --posts 1000000 --seed 42`.
for round in 1 2; do
  for tree in /tmp/oldtree /work/main; do
    rm -rf /tmp/wh-ab /tmp/rep-ab
    /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" "$tree/jobs/listening-post" ingest --config /tmp/gen1m/generated.conf \
      --warehouse /tmp/wh-ab --reports /tmp/rep-ab > /tmp/ab.log 2>&1
    echo "round $round $tree: $(tail -1 /tmp/ab.log) | $(grep -o 'SUCCEEDED in [0-9.]* s' /tmp/ab.log) | $(grep 'time per stage' /tmp/ab.log)"
  done
done
