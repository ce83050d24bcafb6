#!/usr/bin/env bash
# rerun-walls.sh DIR ROUNDS [SPINDLE]: per round, a first run of DIR into an empty cache and a re-run of the
# unchanged DIR; prints the engine's wall_ms (from --json) of both and their ratio, one line per round.
set -euo pipefail
dir=$1; rounds=$2; spindle=${3:-"$(dirname "$0")/../../bin/spindle"}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for _ in $(seq "$rounds"); do
  rm -rf "$work/cache"
  "$spindle" run "$dir" --cache "$work/cache" --quiet --json "$work/first.json" >/dev/null
  "$spindle" run "$dir" --cache "$work/cache" --quiet --json "$work/again.json" >/dev/null
  python3 -c "import json,sys; a=json.load(open(sys.argv[1]))['wall_ms']; b=json.load(open(sys.argv[2]))['wall_ms']; print('first %.0f ms  re-run %.0f ms  %.2fx' % (a, b, a / b))" \
    "$work/first.json" "$work/again.json"
done
