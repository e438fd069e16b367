#!/bin/sh
# Runs the libFuzzer target built by Fuzz/build.sh, at the lowest priority, for FUZZ_SECONDS (default 900).
# The corpus ($FUZZ_BUILD/corpus, default .build-fuzz/corpus, never committed) is seeded with every .flow
# file of the repository. Fork mode keeps fuzzing after a crash; each crashing input is saved
# in $FUZZ_BUILD/artifacts/ (crash-*, timeout-*, oom-*), and the log in $FUZZ_BUILD/fuzz-<time>.log.
# Reproduce one input: SWIFT_BACKTRACE=enable=no .build-fuzz/flowfuzz .build-fuzz/artifacts/crash-…
# Usage: Fuzz/run.sh [extra libFuzzer flags]
set -eu
cd "$(dirname "$0")/.."
OUT=${FUZZ_BUILD:-.build-fuzz}
SECONDS_TO_RUN=${FUZZ_SECONDS:-900}
[ -x "$OUT/flowfuzz" ] || Fuzz/build.sh
mkdir -p "$OUT/corpus" "$OUT/artifacts"
# Seeds: the bundled flows, the examples, every test fixture (the fuzzer's own finds in
# Tests/FlowFixtureTests/Fixtures/crashes among them); hidden folders such as .build are not searched.
find . -path './.*' -prune -o -name '*.flow' -type f -print | while read -r file; do
    cp "$file" "$OUT/corpus/seed-$(printf '%s' "$file" | cksum | cut -d' ' -f1).flow"
done
LOG="$OUT/fuzz-$(date +%Y%m%d-%H%M%S).log"
echo "fuzzing for $SECONDS_TO_RUN s; log: $LOG"
# The Swift runtime's backtracer would otherwise symbolicate every crash for a minute.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 nice -n 19 "$OUT/flowfuzz" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict=Fuzz/flow.dict -artifact_prefix="$OUT/artifacts/" -print_final_stats=1 \
    "$@" "$OUT/corpus" >"$LOG" 2>&1 || status=$?
tail -n 20 "$LOG"
echo "crashes: $(find "$OUT/artifacts" -type f | wc -l) file(s) in $OUT/artifacts"
exit "${status:-0}"
