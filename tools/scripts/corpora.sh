#!/usr/bin/env bash
# Builds labelled corpora of real text nobody here wrote, from Debian packages (downloaded with
# `apt-get download`, unpacked with dpkg-deb, nothing installed), each as WORKDIR/NAME/{train,test}/CATEGORY/files
# with a fixed split: a file is held out for the test when the CRC (cksum) of its corpus-relative
# name is 0 mod 5, so the split depends on nothing but the names.
#
#   manpages  prose: the Linux man-pages project's pages (manpages, manpages-dev), roff source,
#             labelled by section (2 system calls, 3 library, 4 devices, 5 file formats, 7 overviews);
#             pages that only redirect (.so) are left out
#   perl      code: Perl 5.36's own modules (perl-modules-5.36), .pm files labelled by top-level
#             namespace, namespaces with >= 15 modules
#   jdk       code: OpenJDK 17's Java sources (openjdk-17-source), labelled by module, the 10 largest
#             modules but jdk.localedata (tables), at most 200 files each (first by CRC order).
#             KEPT OUT OF TUNING: measure it only after choosing settings on fortunes, manpages, perl.
#   jdk10k    10,000 OpenJDK sources labelled by module (all modules, first by CRC order), no split:
#             the size to time `spindle train` against `spindle run`.
#
#   tools/scripts/corpora.sh WORKDIR         (the package versions used are printed and written to WORKDIR/VERSIONS)
set -euo pipefail
work="${1:?usage: corpora.sh WORKDIR}"
mkdir -p "$work/debs"
work="$(cd "$work" && pwd)"
packages=(manpages manpages-dev perl-modules-5.36 openjdk-17-source)
(cd "$work/debs" && for p in "${packages[@]}"; do ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download -qq "$p" 2>/dev/null; done)
rm -rf "$work/x" && mkdir -p "$work/x"
: > "$work/VERSIONS"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$work/x"
  echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" >> "$work/VERSIONS"
done
cat "$work/VERSIONS" >&2

# place CORPUS CATEGORY RELNAME < content : writes into train/ or test/ by the name's CRC
place() {
  local crc side
  crc="$(printf '%s' "$3" | cksum | cut -d' ' -f1)"
  side=train; [ $((crc % 5)) -eq 0 ] && side=test
  mkdir -p "$work/$1/$side/$2"
  cat > "$work/$1/$side/$2/$(printf '%s' "$3" | tr '/' '_')"
}

rm -rf "$work/manpages" "$work/perl" "$work/jdk" "$work/jdk10k"
declare -A section=([2]=syscalls [3]=library [4]=devices [5]=formats [7]=overviews)
for s in 2 3 4 5 7; do
  for page in "$work"/x/usr/share/man/man$s/*.gz; do
    text="$(zcat "$page")"
    case "$text" in .so\ *) continue ;; esac
    printf '%s\n' "$text" | place manpages "$s-${section[$s]}" "man$s/$(basename "$page" .gz)"
  done
done

perl="$work/x/usr/share/perl/5.36.0"
for ns in $(cd "$perl" && find . -mindepth 2 -name '*.pm' | cut -d/ -f2 | sort | uniq -c | awk '$1 >= 15 {print $2}'); do
  (cd "$perl" && find "$ns" -name '*.pm' | sort) | while read -r rel; do
    place perl "$ns" "$rel" < "$perl/$rel"
  done
done

src="$work/x/usr/lib/jvm/openjdk-17/lib/src.zip"
rm -rf "$work/src" && mkdir -p "$work/src" && (cd "$work/src" && unzip -qq "$src" '*.java')
# every source, ordered by the CRC of its name: a fixed pseudo-random order
(cd "$work/src" && find . -name '*.java' | sed 's:^\./::' | while read -r rel; do echo "$(printf '%s' "$rel" | cksum | cut -d' ' -f1) $rel"; done | sort -n | cut -d' ' -f2) > "$work/jdk-order"
modules="$(cut -d/ -f1 "$work/jdk-order" | grep -vx jdk.localedata | sort | uniq -c | sort -rn | awk 'NR <= 10 {print $2}')"
for m in $modules; do
  awk -F/ -v m="$m" '$1 == m && n++ < 200' "$work/jdk-order" | while read -r rel; do place jdk "$m" "$rel" < "$work/src/$rel"; done
done
awk 'NR <= 10000' "$work/jdk-order" | while read -r rel; do
  m="${rel%%/*}"; mkdir -p "$work/jdk10k/$m"; cp "$work/src/$rel" "$work/jdk10k/$m/$(printf '%s' "$rel" | tr '/' '_')"
done
rm -rf "$work/x" "$work/src"
for c in manpages perl jdk; do
  echo "corpora: $c: $(find "$work/$c/train" -type f | wc -l) training and $(find "$work/$c/test" -type f | wc -l) test files in $(ls "$work/$c/train" | wc -l) categories" >&2
done
echo "corpora: jdk10k: $(find "$work/jdk10k" -type f | wc -l) files in $(ls "$work/jdk10k" | wc -l) modules" >&2
