#!/bin/bash
# normalize-ratio.sh N [CORPUS-REGEX]: the normalization issue's ratios in
# N runs of BenchmarkNormalize, each running raw x/text, ICU and the
# profiles none, default and fa on each corpus one after the other, so
# that they share the machine's state of the moment: per corpus, none as
# a share of the faster of ICU and x/text, and default and fa as shares of
# none. Prints each ratio's median over the runs and its range. Needs
# libicu-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
corpus=${2:-.*}
CGO_LDFLAGS="$(scripts/icu-ldflags.sh)" go test -c -tags icu -o /tmp/normalize-ratio.test ./normalize
for _ in $(seq "$n"); do
	(cd normalize && /tmp/normalize-ratio.test -test.run XXX -test.bench "Normalize/^($corpus)\$/" -test.cpu 1 -test.benchtime 10x)
done | awk '/^BenchmarkNormalize/ {
	split($1, p, "/"); c = p[2]; e = p[3]; v[c, e] = $(NF-1)
	if (e == "fa") {
		peer = v[c, "x-text"] > v[c, "icu"] ? v[c, "x-text"] : v[c, "icu"]
		print c, "none/peer", v[c, "none"] / peer
		print c, "default/none", v[c, "default"] / v[c, "none"]
		print c, "fa/none", v[c, "fa"] / v[c, "none"]
	}
}' | sort -k1,1 -k2,2 -k3,3n | awk '
	{ k = $1 " " $2; r[k, ++m[k]] = $3; if (!(k in seen)) { seen[k] = 1; keys[++nk] = k } }
	END {
		printf "%-10s %-13s %s\n", "corpus", "ratio", "median (min-max)"
		for (i = 1; i <= nk; i++) {
			k = keys[i]; c = m[k]
			med = c % 2 ? r[k, (c+1)/2] : (r[k, c/2] + r[k, c/2+1]) / 2
			split(k, f, " ")
			printf "%-10s %-13s %.2f (%.2f-%.2f)\n", f[1], f[2], med, r[k, 1], r[k, c]
		}
	}'
