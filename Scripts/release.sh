#!/usr/bin/env bash
# Builds the self-contained Linux release of flowc and its checksum (README, "Install").
#
#   Scripts/release.sh [OUTPUT_DIR]        # default: dist/
#
# Writes OUTPUT_DIR/flowc-VERSION-linux-ARCH.tar.gz (one folder holding bin/flowc and LICENSE) and
# OUTPUT_DIR/flowc-VERSION-linux-ARCH.tar.gz.sha256 (the line `sha256sum --check` reads). The binary
# links the Swift standard library and Foundation statically (--static-swift-stdlib), so the machine it
# runs on needs glibc and libstdc++ and nothing of Swift; it prints the dynamic libraries it still needs, and the
# script fails if one of them is a Swift runtime library. Only `flowc` is released: `flowc-serve` and
# the plugins are used from the package (README, "SwiftPM plugins").
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-dist}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

echo "== swift build -c release --static-swift-stdlib --product flowc"
swift build -c release --static-swift-stdlib --product flowc
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/flowc"

version="$("$bin" --version)"
arch="$(uname -m)"
name="flowc-$version-linux-$arch"

# No Swift runtime may be needed at run time: that is what "self-contained" promises.
if ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime' >/dev/null; then
    echo "error: $bin still links a Swift runtime library dynamically:" >&2
    ldd "$bin" >&2
    exit 1
fi
echo "dynamic libraries of $bin (the system's C and C++ runtime only):"
ldd "$bin" | sed 's/^/    /'

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/$name/bin"
cp "$bin" "$staging/$name/bin/flowc"
strip "$staging/$name/bin/flowc" 2>/dev/null || true
cp LICENSE "$staging/$name/LICENSE"
# A fixed modification time, owner and order make the archive's bytes depend only on its contents.
# gzip -n leaves out the name and time that gzip would otherwise record.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00:00Z' -C "$staging" -cf - "$name" \
    | gzip -n -9 > "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "wrote $out/$name.tar.gz"
echo "wrote $out/$name.tar.gz.sha256: $(cat "$out/$name.tar.gz.sha256")"
