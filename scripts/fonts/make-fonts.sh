#!/bin/sh
# Rebuilds assets/fonts/ from Debian's font packages. Run on Debian 12 (bookworm) as root:
#   apt-get install fonts-droid-fallback fonts-dejavu-core fonts-hanazono python3-fonttools
#   sh scripts/fonts/make-fonts.sh
# The files are committed; this script says exactly where they come from (assets/fonts/README.md).
set -eu
out="$(dirname "$0")/../../assets/fonts"
mkdir -p "$out"
cp /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf "$out/"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$out/"
cp /usr/share/fonts/truetype/hanazono/HanaMinB.ttf "$out/"
# Hanazono Mincho A, reduced to the full-width punctuation and symbols Droid Sans Fallback lacks
# (“ ” … — ① ② ③ 〔 〕 …); its ideographs are not needed (Droid covers the BMP and Extension A).
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/hanazono/HanaMinA.ttf \
  --unicodes=2000-2BFF,2E80-2FDF,3000-303F,3040-30FF,3100-31FF,3200-33FF,FE30-FE4F,FF00-FFEF \
  --no-hinting --layout-features='' --name-IDs='*' --name-languages='*' \
  --output-file="$out/HanaMinA-symbols.ttf"
cp /usr/share/doc/fonts-droid-fallback/copyright "$out/LICENSE-DroidSansFallback.txt"
cp /usr/share/common-licenses/Apache-2.0 "$out/LICENSE-Apache-2.0.txt"
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE-DejaVu.txt"
cp /usr/share/doc/fonts-hanazono/copyright "$out/LICENSE-Hanazono.txt"
(cd "$out" && sha256sum *.ttf > SHA256SUMS)
