#!/usr/bin/env bash
# Refreshes docs/screenshots: every page of the web app at 1366×768 and 390×844, taken by the browser tests
# (tests/RagAssistant.Web.Tests/EndToEnd/ScreenshotTour.cs) against the sample corpus. Needs what scripts/test.sh
# needs (Chromium: scripts/install-test-deps.sh). Commit the pictures it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
export RAG_SCREENSHOTS="$PWD/docs/screenshots"
mkdir -p "$RAG_SCREENSHOTS"
dotnet test tests/RagAssistant.Web.Tests -c Release --filter "FullyQualifiedName~ScreenshotTour"
ls -1 "$RAG_SCREENSHOTS"
