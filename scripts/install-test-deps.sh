#!/usr/bin/env bash
# Installs the system packages the tests need beyond the .NET SDK: Debian's chromium for the end-to-end browser
# tests (Playwright drives it at /usr/bin/chromium; no browser download). Idempotent: does nothing when everything
# is present.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
