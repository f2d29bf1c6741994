#!/bin/bash
# detect-ratio.sh N [CORPUS]: textnorm's detection throughput as a share
# of CLD2's, in N runs of the benchmark, each running textnorm and then
# CLD2 on CORPUS (mixed, lines, real or real-lines; default mixed) for a
# second each, so that the two share the machine's state of the moment.
# Prints each run's ratio and their median. Needs libcld2-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-8}
corpus=${2:-mixed}
go test -c -tags cld2 -o /tmp/detect-ratio.test ./detect
for _ in $(seq "$n"); do
	(cd detect && /tmp/detect-ratio.test -test.run XXX -test.bench "Detect/^$corpus\$/" -test.cpu 1 -test.benchtime 1s) |
		awk '/^BenchmarkDetect/ { if ($1 ~ /textnorm/) t = $5; else if ($1 ~ /cld2/) printf "%.2f\n", t / $5 }'
done | sort -n | awk '{ r[NR] = $1; printf "%s ", $1 } END { m = NR % 2 ? r[(NR+1)/2] : (r[NR/2] + r[NR/2+1]) / 2; printf "\nmedian %.2f of %d runs\n", m, NR }'
