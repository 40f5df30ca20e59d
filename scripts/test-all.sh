#!/usr/bin/env bash
# The README's test command (and CI's, through .ci/run): installs what the tests need, then runs the whole suite
# twice: on SQLite, and on a throwaway PostgreSQL cluster (scripts/with-postgres.sh) with SEEN_DATABASE_URL set.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: chromium for the browser tests, postgresql for the second pass, iproute2 and curl for the network-namespace test. Installed only when missing.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# iproute2 and curl: the client-on-another-address test (a network namespace and a veth pair) sends its requests with curl.
command -v ip >/dev/null || missing+=(iproute2)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund

echo "== the suite on SQLite =="
env -u SEEN_DATABASE_URL npm run test:all
echo "== the suite on PostgreSQL =="
scripts/with-postgres.sh npm run test:all
