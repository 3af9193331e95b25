#!/usr/bin/env bash
# Installs the system packages the tests need. Nothing yet beyond the .NET SDK; the end-to-end browser tests will
# add Debian's chromium here. Idempotent: does nothing when everything is present.
set -euo pipefail
missing=()
# (no system packages needed yet)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  $sudo_cmd apt-get install -y -q "${missing[@]}"
fi
