#!/bin/sh
# Runs the whole test suite under AddressSanitizer (Docs/Robustness.md): every target, the tests and the
# flowc and flowc-serve binaries the tests run, instrumented, in a scratch folder of its own.
# Leak detection is off: the Swift runtime's caches and Foundation's singletons are never freed, by design.
# Usage: Fuzz/asan.sh [swift test options, such as --filter FlowCompilerTests]
set -eu
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
exec swift test --sanitize=address --scratch-path "${ASAN_BUILD:-.build-asan}" "$@"
