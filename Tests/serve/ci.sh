#!/usr/bin/env bash
# flowc-serve against the official twilio library (called by .ci/run from the repository root).
# Starts two servers on free loopback ports over ./flows, one checking signatures with a known
# TWILIO_AUTH_TOKEN and one with --insecure, runs Tests/serve/test_signatures.py with pytest, and
# always stops both servers. Fails when pytest fails or collects no test (exit code 5).
set -euo pipefail
cd "$(dirname "$0")/../.."

python3 -m venv .venv
.venv/bin/pip install -q twilio pytest

swift build --product flowc-serve
bin="$(swift build --show-bin-path)/flowc-serve"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# Starts flowc-serve on port 0 in the background, in this shell so that cleanup knows its pid.
launch() {
    local name="$1"
    shift
    "$bin" flows --out "$work/$name" --host 127.0.0.1 --port 0 "$@" >"$work/$name.requests" 2>"$work/$name.log" &
    pids+=($!)
}

# Prints the port a launched server bound, read from its banner (bounded: 60 s).
port_of() {
    local name="$1" pid="$2" port
    for _ in $(seq 1 300); do
        port="$(sed -n 's|^serving .* at http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/$name.log")"
        if [ -n "$port" ]; then
            echo "$port"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "flowc-serve ($name) exited:" >&2
            cat "$work/$name.log" >&2
            return 1
        fi
        sleep 0.2
    done
    echo "flowc-serve ($name) did not start listening within 60 s:" >&2
    cat "$work/$name.log" >&2
    return 1
}

unset TWILIO_AUTH_TOKEN
token="flowc-ci-token-$RANDOM$RANDOM"
TWILIO_AUTH_TOKEN="$token" launch secure
secure_pid=$!
launch insecure --insecure
insecure_pid=$!
secure_port="$(port_of secure "$secure_pid")"
insecure_port="$(port_of insecure "$insecure_pid")"

status=0
FLOWC_SERVE_URL="http://127.0.0.1:$secure_port" \
FLOWC_SERVE_TOKEN="$token" \
FLOWC_SERVE_ROUTES="$work/secure/routes.json" \
FLOWC_SERVE_INSECURE_URL="http://127.0.0.1:$insecure_port" \
FLOWC_SERVE_BIN="$bin" \
    .venv/bin/python -m pytest -q Tests/serve || status=$?

if [ "$status" -ne 0 ]; then
    echo "--- flowc-serve (secure) log"; tail -n 40 "$work/secure.log"; tail -n 40 "$work/secure.requests"
    [ "$status" -eq 5 ] && echo "pytest collected no test: that is a failure here"
    exit 1
fi
# The load test of issue #15: 500 hostile connections while signed requests keep being served.
FLOWC_SERVE_URL="http://127.0.0.1:$secure_port" \
FLOWC_SERVE_TOKEN="$token" \
FLOWC_SERVE_PID="$secure_pid" \
FLOWC_SERVE_ROUTES="$work/secure/routes.json" \
    .venv/bin/python Tests/serve/serve_load.py || {
    echo "--- flowc-serve (secure) log"; tail -n 40 "$work/secure.log"
    exit 1
}
kill -0 "$secure_pid" || { echo "flowc-serve died under load"; exit 1; }
grep -q '^INSECURE GET ' "$work/insecure.requests" || { echo "the --insecure server did not mark its request lines"; exit 1; }
grep -q 'WARNING: --insecure' "$work/insecure.log" || { echo "the --insecure server did not warn at start-up"; exit 1; }
