#!/usr/bin/env bash
# Regenerates corpus/docs/*.pdf from the flat-ODF sources in this folder with LibreOffice headless.
# Needs: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk (and poppler-utils for the check below).
# The generated PDFs are committed, so neither CI nor the tests need LibreOffice.
# Usage: build-pdfs.sh [NAME.fodt…] (default: every .fodt here; name files to rebuild only those PDFs).
set -euo pipefail
cd "$(dirname "$0")"
sources=("$@")
[ ${#sources[@]} -gt 0 ] || sources=(./*.fodt)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# A private profile keeps the conversion independent of any user settings (and of a running LibreOffice).
soffice --headless -env:UserInstallation="file://$out/profile" --convert-to pdf --outdir "$out" "${sources[@]}" >/dev/null
for pdf in "$out"/*.pdf; do
  name="$(basename "$pdf")"
  cp "$pdf" "../docs/$name"
  if command -v pdftotext >/dev/null; then
    echo "$name: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages, $(pdftotext "$pdf" - | wc -m) characters"
  else
    echo "$name"
  fi
done
