#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (scripts/install-test-deps.sh), so a fresh Debian machine
# with only the .NET 10 SDK needs nothing else. .ci/run calls this same script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
dotnet test RagAssistant.sln -c Release --logger "console;verbosity=normal" "$@"
