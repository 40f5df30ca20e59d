#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: a new cluster in a temporary directory, on a free loopback port,
# with SEEN_DATABASE_URL exported; the cluster and its directory are removed afterwards, whatever the command did.
# Usage: scripts/with-postgres.sh npm test        (needs Debian's postgresql package: apt-get install postgresql)
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found; install Debian's postgresql package" >&2
  exit 2
fi

dir=$(mktemp -d /tmp/seen-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# PostgreSQL refuses to run as root; as root, the cluster belongs to the postgres user Debian's package creates.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"

stop() {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# Trust on loopback only, C collation (the same ordering as SQLite), no fsync: a test cluster, never a real one.
as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-locale -E UTF8 --no-sync >/dev/null
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres seen_test

export SEEN_DATABASE_URL="postgres://postgres@127.0.0.1:$port/seen_test"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, $dir)"
"$@"
