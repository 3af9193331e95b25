#!/usr/bin/env bash
# Stops a cluster started by scripts/pg/start.sh and removes its folder.
#   bash scripts/pg/stop.sh DIR
set -euo pipefail
dir=${1:?usage: stop.sh DIR}
pg_bin=/usr/lib/postgresql/15/bin
if [ -f "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  else "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true; fi
fi
rm -rf "$dir"
