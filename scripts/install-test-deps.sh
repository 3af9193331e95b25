#!/usr/bin/env bash
# Installs the system packages the tests need beyond the .NET SDK: Debian's chromium for the end-to-end browser
# tests (Playwright drives it at /usr/bin/chromium; no browser download) and a font that draws Chinese for the OCR
# tests, which render known text to read back (fonts-wqy-microhei, 5 MB). Idempotent: does nothing when everything
# is present.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
