#!/bin/sh
# Builds the libFuzzer target (Fuzz/FlowFuzz.swift) with AddressSanitizer: FlowDiagnostics and FlowCompiler
# are compiled straight from Sources/ with swiftc, one module each (whole-module, optimised, with coverage
# instrumentation), then linked with the target and libFuzzer. Output: $FUZZ_BUILD/flowfuzz
# (default .build-fuzz/flowfuzz). Usage: Fuzz/build.sh
set -eu
cd "$(dirname "$0")/.."
OUT=${FUZZ_BUILD:-.build-fuzz}
mkdir -p "$OUT"
FLAGS="-sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g -I $OUT"

module() {
    name=$1
    shift
    # shellcheck disable=SC2046,SC2086
    swiftc $FLAGS -c -wmo -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -o "$OUT/$name.o" "$@"
}

module FlowDiagnostics $(find Sources/FlowDiagnostics -name '*.swift' | sort)
module FlowCompiler $(find Sources/FlowCompiler -name '*.swift' | sort)
# ld.gold warns once per ASan helper symbol ("Cannot export local symbol"); those lines are dropped.
# shellcheck disable=SC2086
if ! swiftc $FLAGS -module-name FlowFuzz Fuzz/FlowFuzz.swift "$OUT/FlowDiagnostics.o" "$OUT/FlowCompiler.o" \
    -o "$OUT/flowfuzz" 2>"$OUT/link.log"; then
    cat "$OUT/link.log" >&2
    exit 1
fi
grep -v 'Cannot export local symbol' "$OUT/link.log" >&2 || true
echo "built $OUT/flowfuzz"
