#!/usr/bin/env bash
# Measures textnorm normalize as a user runs it, beside the library in
# process on the same text: for each corpus of BenchmarkNormalize (the
# strings of testdata/langeval and of iso-codes' catalogs in testdata/repair,
# as scraped, a language at a time and their lines interleaved) repeated to
# a file of MB megabytes, the command's MB/s from a file to /dev/null (best
# of three runs, wall time) and the library's (Profile.Apply on the same
# file's text, best of three, in one process). Prints a Markdown table.
#
# usage: scripts/measure-normalize.sh [MB] [profiles]   (default 32, "none default fa"; fewer MB weigh the start-up)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-32}
profiles=${2:-none default fa}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/textnorm" ./cmd/textnorm

# The library's side: a program of its own (go run-able only, inside the
# module), so that both read the same file.
go build -o "$tmp/libnorm" scripts/measure-normalize-lib.go

# The corpora, as bench_corpora_test.go makes them: the text column of each
# line of the language, in order.
lines() {
  { awk -F'\t' -v l="$1" '$1 == l && NF > 4 {print $5}' testdata/langeval/tune.tsv testdata/langeval/measure.tsv
    gzip -dc testdata/repair/clean.tsv.gz | awk -F'\t' -v l="$1" '$3 == l && NF > 3 {print $4}'; } || true
}
for l in fa ar ru zh en; do lines "$l" >"$tmp/$l.lines"; done
# mixed: a line of each language in turn.
awk 'FNR == 1 {f++} {t[f, FNR] = $0; if (FNR > n[f]) n[f] = FNR}
  END {for (k = 0; k < 40000; k++) for (i = 1; i <= f; i++) print t[i, k % n[i] + 1]}' \
  "$tmp"/fa.lines "$tmp"/ar.lines "$tmp"/ru.lines "$tmp"/zh.lines "$tmp"/en.lines >"$tmp/mixed.lines"

best() { # seconds, the best of three runs of the command
  local b=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null
    e=$(date +%s.%N)
    b=$(echo "$s $e ${b:-1e9}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
  done
  echo "$b"
}

printf '| corpus, %d MB |' "$mb"
for p in $profiles; do printf ' `%s` CLI | library | CLI/library |' "$p"; done
echo
printf '|---|'
for _ in $profiles; do printf -- '---|---|---|'; done
echo
for c in fa ar ru zh en mixed; do
  f=$tmp/$c.txt
  : >"$f"
  while [ "$(stat -c %s "$f")" -lt $((mb << 20)) ]; do cat "$tmp/$c.lines" >>"$f"; done
  size=$(stat -c %s "$f")
  printf '| %s |' "$c"
  for p in $profiles; do
    secs=$(best "$tmp/textnorm" normalize --profile "$p" "$f")
    cli=$(echo "$size $secs" | awk '{printf "%.0f", $1 / $2 / 1e6}')
    lib=$("$tmp/libnorm" "$f" "$p")
    printf ' %s | %s | %s%% |' "$cli" "$lib" "$(echo "$cli $lib" | awk '{printf "%.0f", 100 * $1 / $2}')"
  done
  echo
done
