#!/usr/bin/env bash
# Prints the CGO_LDFLAGS that a build with -tags icu needs:
#
#   CGO_LDFLAGS="$(scripts/icu-ldflags.sh)" go test -tags icu ./normalize
#
# x/text's cases package has a file of its own behind the same icu build tag
# (cases/icu.go, for its own tests) that links ICU by the names of ICU 57:
# -licui18n.57 -licuuc.57. This makes those names, in a directory of their
# own, point at the system's ICU (Debian's libicu-dev); the binaries then
# depend on the system's libraries by their real names.
set -euo pipefail
dir=${1:-${TMPDIR:-/tmp}/textnorm-icu-libs}
libdir=$(pkg-config --variable=libdir icu-uc)
mkdir -p "$dir"
for lib in icui18n icuuc; do
  ln -sf "$libdir/lib$lib.so" "$dir/lib$lib.57.so"
done
echo "-L$dir"
