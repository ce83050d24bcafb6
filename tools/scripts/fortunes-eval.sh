#!/usr/bin/env bash
# Quality check of `spindle train` / `spindle evaluate` on a real labelled corpus nobody here wrote:
# Debian's `fortunes` package, one category per file (art, computers, law, science, ...). Each
# fortune becomes one document; every 5th fortune of a category (by position) is held out for the
# test, the rest train. Categories with fewer than MIN fortunes are left out.
#   tools/scripts/fortunes-eval.sh [WORKDIR]     (installs the package with apt-get when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src=/usr/share/games/fortunes
work="${1:-$(mktemp -d)}"
min=20
if [ ! -d "$src" ]; then
  echo "fortunes-eval: $src missing; installing Debian's fortunes package" >&2
  apt-get install -y -qq fortunes >/dev/null
fi
rm -rf "$work/train" "$work/test"
mkdir -p "$work/train" "$work/test"
for file in "$src"/*; do
  name="$(basename "$file")"
  case "$name" in *.*) continue ;; esac
  [ -f "$file" ] || continue
  count="$(grep -c '^%$' "$file" || true)"
  [ "$count" -ge "$min" ] || continue
  mkdir -p "$work/train/$name" "$work/test/$name"
  awk -v train="$work/train/$name" -v test="$work/test/$name" '
    function flush() {
      if (text ~ /[[:alnum:]]/) { out = (n % 5 == 0 ? test : train) "/" n ".txt"; printf "%s", text > out; close(out); n++ }
      text = ""
    }
    /^%$/ { flush(); next }
    { text = text $0 "\n" }
    END { flush() }' "$file"
done
echo "fortunes-eval: $(find "$work/train" -type f | wc -l) training and $(find "$work/test" -type f | wc -l) test documents in $(ls "$work/train" | wc -l) categories under $work" >&2
"$root/bin/spindle" train --labels "$work/train" --model "$work/fortunes.model" --no-cache
"$root/bin/spindle" evaluate --model "$work/fortunes.model" --labels "$work/test" --no-cache
