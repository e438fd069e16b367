#!/usr/bin/env bash
# The whole benchmark run of BENCHMARKS.md, side by side in one run, ending with a table.
#
#   Benchmarks/run.sh                      sizes 100 1000 10000, deep chain 1000..10000 steps
#   BENCH_SIZES="100 1000" Benchmarks/run.sh
#
# Release builds in .build-bench; generated flows, outputs and hyperfine JSON in .build-bench/data
# (BENCH_WORK); the Python comparison in .venv-bench with the twilio package. Needs hyperfine, python3,
# /usr/bin/time. Runs per size: BENCH_RUNS_<size> (defaults: 10 at 100 flows, 5 at 1000, 2 at 10000).
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=.build-bench
WORK=${BENCH_WORK:-$SCRATCH/data}
SIZES=${BENCH_SIZES:-"100 1000 10000"}
DEEP_STEPS=${BENCH_DEEP_STEPS:-"1000,2000,5000,10000"}
FLOWC=$SCRATCH/release/flowc
BENCH=$SCRATCH/release/flowc-bench
PYTHON=.venv-bench/bin/python
RESULTS=$WORK/results
mkdir -p "$WORK" "$RESULTS"

runs_for() {
  local name="BENCH_RUNS_$1"
  if [ -n "${!name:-}" ]; then echo "${!name}"; elif [ "$1" -le 100 ]; then echo 10; elif [ "$1" -le 1000 ]; then echo 5; else echo 2; fi
}

echo "== building (release, $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product flowc >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product flowc-bench >/dev/null
if [ ! -x "$PYTHON" ]; then python3 -m venv .venv-bench; fi
"$PYTHON" -c "import twilio" 2>/dev/null || .venv-bench/bin/pip install -q twilio

echo "== machine"
{
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "os: $(. /etc/os-release; echo "$PRETTY_NAME") $(uname -r)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "python: $("$PYTHON" --version) twilio $("$PYTHON" -c 'import twilio; print(twilio.__version__)')"
  echo "hyperfine: $(hyperfine --version)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/machine.txt"

for n in $SIZES; do
  runs=$(runs_for "$n")
  flows=$WORK/flows-$n out=$WORK/out-$n py=$WORK/py-$n copy=$WORK/cp-$n
  echo "== $n flows ($runs runs each)"
  if [ ! -f "$flows/.generated" ]; then
    rm -rf "$flows"
    "$BENCH" generate --flows "$n" --out "$flows"
    touch "$flows/.generated"
  fi
  hyperfine --style basic --runs "$runs" --prepare "rm -rf $out" --export-json "$RESULTS/clean-$n.json" \
    -n "flowc build ($n flows, clean)" "$FLOWC build $flows --out $out"
  hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$RESULTS/noop-$n.json" \
    -n "flowc build ($n flows, nothing changed)" "$FLOWC build $flows --out $out"
  rm -rf "$out"
  /usr/bin/time -f "%M" -o "$RESULTS/rss-$n.txt" "$FLOWC" build "$flows" --out "$out" >/dev/null
  "$PYTHON" Benchmarks/python/describe_documents.py "$out" "$WORK/documents-$n.json" >/dev/null
  hyperfine --style basic --runs "$runs" --prepare "rm -rf $py" --export-json "$RESULTS/python-$n.json" \
    -n "VoiceResponse ($n flows)" "$PYTHON Benchmarks/python/voiceresponse_build.py $WORK/documents-$n.json $py"
  rm -rf "$py"
  "$PYTHON" Benchmarks/python/voiceresponse_build.py "$WORK/documents-$n.json" "$py" | grep RESULT > "$RESULTS/python-inner-$n.txt"
  "$PYTHON" Benchmarks/python/same_documents.py "$out" "$py"
  hyperfine --style basic --runs "$runs" --prepare "rm -rf $copy" --export-json "$RESULTS/cp-$n.json" \
    -n "cp -r ($n flows)" "cp -r $out $copy"
  rm -rf "$copy"
done

echo "== flowc check of one small file"
small=$WORK/small
if [ ! -f "$small/.generated" ]; then rm -rf "$small"; "$BENCH" generate --flows 2 --out "$small"; touch "$small/.generated"; fi
hyperfine --style basic --warmup 5 --runs 50 --export-json "$RESULTS/check-one.json" \
  -n "flowc check (one file)" "$FLOWC check $small/support_00001.flow"
"$BENCH" check-one "$small/support_00001.flow" --repeat 200 | tee "$RESULTS/check-one-inprocess.txt"

echo "== the continuation checker alone on the deep chain"
rm -rf "$WORK/deep"
"$BENCH" checker-series --work "$WORK/deep" --steps "$DEEP_STEPS" --repeat 5 | tee "$RESULTS/checker-series.txt"
last=${DEEP_STEPS##*,}
hyperfine --style basic --warmup 1 --runs 3 --export-json "$RESULTS/deep-check.json" \
  -n "flowc check (deep, $last steps)" "$FLOWC check $WORK/deep/deep-$last/deep.flow"

echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt"
"$PYTHON" Benchmarks/table.py "$RESULTS" $SIZES
