#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml with the real pre-commit tool (PyPI), on a scratch git repository
# of .flow files that has nothing of flowc's but the hooks: no Package.swift, no flows/ folder.
#
#   Tests/integration/pre-commit.sh BIN_DIR PRE_COMMIT
#
# BIN_DIR holds the flowc to put on PATH (the hooks are `language: system`); PRE_COMMIT is the
# pre-commit executable. The hook repository is a clone of this repository's committed HEAD.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(cd "$1" && pwd)"
# Both may be relative to the caller's directory; the script runs in a scratch directory.
pre_commit="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$scratch/pre-commit-cache"

git clone --quiet --no-local "$repo" "$scratch/flowc"
rev="$(git -C "$scratch/flowc" rev-parse HEAD)"

mkdir -p "$scratch/calls/ivr"
cd "$scratch/calls"
git init --quiet
git config user.email ci@example.com
git config user.name CI
cp "$repo/flows/front_desk.flow" ivr/front_desk.flow
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $scratch/flowc
    rev: $rev
    hooks:
      - id: flowc-check
      - id: flowc-fmt
YAML
git add -A
"$pre_commit" install --install-hooks >/dev/null

echo "== clean flows: both hooks pass"
"$pre_commit" run --all-files
git commit --quiet -m "flows"

echo "== a flow with an error: flowc-check fails with the diagnostic and the commit is refused"
sed 's/join desk beep=false then -> goodbye/join desk beep=false then -> godbye/' ivr/front_desk.flow > ivr/broken.flow
git add ivr/broken.flow
if out="$(git commit -m broken 2>&1)"; then echo "error: a broken flow was committed" >&2; exit 1; fi
grep -q "ivr/broken.flow:22:36: error: undefined step .godbye. .*\[FLOW203\]" <<<"$out" || { echo "$out" >&2; echo "error: no FLOW203 in the hook's output" >&2; exit 1; }
git rm --quiet --cached ivr/broken.flow && rm ivr/broken.flow

echo "== an unformatted flow: flowc-fmt rewrites it and fails, then the reformatted file passes"
sed 's/^  leg /  leg  /; s/^    step /    step   /' ivr/front_desk.flow > ivr/messy.flow
sed -i 's/^flow front_desk/flow messy/' ivr/messy.flow
git add ivr/messy.flow
if "$pre_commit" run flowc-fmt --files ivr/messy.flow; then echo "error: flowc-fmt passed an unformatted file" >&2; exit 1; fi
cmp -s <(sed 's/^flow messy/flow front_desk/' ivr/messy.flow) ivr/front_desk.flow \
    || { echo "error: flowc-fmt did not restore the canonical layout" >&2; exit 1; }
git add ivr/messy.flow
"$pre_commit" run --all-files
git commit --quiet -m "messy, formatted"
echo "pre-commit hooks: 3 scenarios passed on a repository without Package.swift or flows/"
