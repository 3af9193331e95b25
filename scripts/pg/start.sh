#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for tests: initdb in DIR (created; owned by the postgres user when run as
# root, since initdb refuses root), listening on 127.0.0.1 at a free port and on a socket in DIR, fsync off (test data
# only). Prints the Npgsql connection string on its last line. Stop it with scripts/pg/stop.sh DIR.
#   bash scripts/pg/start.sh DIR
set -euo pipefail
dir=${1:?usage: start.sh DIR}
pg_bin=/usr/lib/postgresql/15/bin
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 is not installed (scripts/install-test-deps.sh installs it)" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_owner "$pg_bin/initdb" -D "$dir/data" -U rag --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
echo "Host=127.0.0.1;Port=$port;Username=rag;Database=postgres"
