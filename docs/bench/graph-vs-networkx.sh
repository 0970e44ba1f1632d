#!/usr/bin/env bash
# The graph benchmark, side by side in one run: our whole graph command as a process (JVM start,
# Spark session, read, score, write Parquet) against networkx's weighted PageRank plus Louvain.
# Usage: docs/bench/graph-vs-networkx.sh EDGES [--skip-louvain]
set -euo pipefail
cd "$(dirname "$0")/../.."
EDGES="$1"
OUT="$(mktemp -d)"
/usr/bin/time -f "listening-post graph, whole process: %e s wall, peak RSS %M KB" \
  jobs/listening-post graph --edges "$EDGES" --out "$OUT/tables" | grep -v '^    [0-9]\.'
/usr/bin/time -f "networkx, whole process: %e s wall, peak RSS %M KB" /usr/bin/python3 docs/bench/networkx_graph.py "$@"
rm -rf "$OUT"
