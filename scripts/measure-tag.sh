#!/usr/bin/env bash
# Measures textnorm tag as a user runs it: throughput on 5 MB of mixed
# Persian/English news-like text (the shipped sample, repeated, every line
# numbered with its copy), peak resident memory (/usr/bin/time -v), and wall time from
# process start on the small sample. Prints a Markdown table for the README.
#
# usage: scripts/measure-tag.sh [MB]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/textnorm" ./cmd/textnorm
sample=testdata/sample/news_fa_en.txt
big=$tmp/big.txt
# Copies of the sample, each line numbered with its copy, so that no two
# paragraphs are the same text (textnorm remembers answers for short texts,
# and a file of identical copies would measure that).
copies=$(( (mb << 20) / $(stat -c %s "$sample") + 1 ))
tail -c +4 "$sample" | awk -v copies="$copies" '
  { sub(/\r$/, ""); lines[NR] = $0 }
  END {
    for (c = 1; c <= copies; c++) {
      print "Page " c
      for (i = 1; i <= NR; i++) {
        if (lines[i] ~ /[[:alpha:]]/) print lines[i] " (" c ")"; else print lines[i]
      }
    }
  }' >"$big"
size=$(stat -c %s "$big")

/usr/bin/time -v "$tmp/textnorm" tag "$big" >/dev/null 2>"$tmp/time.txt"
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt")
secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')

starts=()
for _ in 1 2 3 4 5; do
  /usr/bin/time -f %e "$tmp/textnorm" tag "$sample" >/dev/null 2>"$tmp/start.txt"
  starts+=("$(tail -n 1 "$tmp/start.txt")")
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)

echo "| measure | value |"
echo "|---|---|"
printf '| tag throughput, %.1f MB file, one process | %.2f MB/s (%s s) |\n' "$(echo "$size / 1048576" | bc -l)" "$(echo "$size / 1048576 / $secs" | bc -l)" "$secs"
printf '| peak resident memory of that run | %d MB |\n' $((rss_kb / 1024))
printf '| wall time from start, tag on %s (median of 5) | %s s |\n' "$sample" "$median"
