#!/usr/bin/env bash
# Installs the system packages the tests need beyond the .NET SDK: Debian's chromium for the end-to-end browser
# tests (Playwright drives it at /usr/bin/chromium; no browser download) and a font that draws Chinese for the OCR
# tests, which render known text to read back (fonts-wqy-microhei, 5 MB). With ../shared beside the repository, also
# PostgreSQL 15 and the pgvector extension, built from ../shared/vendor (Debian has no pgvector package), for the tests
# that run the knowledge base on PostgreSQL. Idempotent: does nothing when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
pgvector_tarball=$(ls ../shared/vendor/pgvector-*.tar.gz 2>/dev/null | head -1 || true)
pg_bin=/usr/lib/postgresql/15/bin

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ -n "$pgvector_tarball" ]; then
  [ -x "$pg_bin/initdb" ] || missing+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/vector.control ] || {
    # postgresql-15 ships pg_config too; the server's headers come with the -dev package.
    [ -f /usr/include/postgresql/15/server/postgres.h ] || missing+=(postgresql-server-dev-15)
    command -v make >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1 || missing+=(build-essential)
  }
fi
if [ ${#missing[@]} -gt 0 ]; then
  $sudo_cmd apt-get update -q
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -n "$pgvector_tarball" ] && [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  echo "building pgvector from $pgvector_tarball …" >&2
  build=$(mktemp -d)
  tar -xzf "$pgvector_tarball" -C "$build"
  # OPTFLAGS="" leaves out -march=native: the library runs on any machine of the architecture.
  (cd "$build"/pgvector-* && make -s OPTFLAGS="" PG_CONFIG="$pg_bin/pg_config" >/dev/null && $sudo_cmd make -s install PG_CONFIG="$pg_bin/pg_config" >/dev/null)
  rm -rf "$build"
fi
[ -n "$pgvector_tarball" ] || echo "../shared/vendor has no pgvector source: the PostgreSQL tests will skip" >&2
