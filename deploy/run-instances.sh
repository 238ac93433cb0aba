#!/usr/bin/env bash
# Runs N instances of the built app (`next start`) on 127.0.0.1:BASE_PORT, BASE_PORT+1, … and one `npm run worker`,
# in the foreground, for nginx (deploy/nginx) to sit in front of. Ctrl-C or SIGTERM stops them all; so does any one
# of them exiting (a supervisor, or systemd with deploy/systemd/, restarts the lot). deploy/README.md explains it.
#
#   npm ci && npm run build      # once, with the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY as every other machine
#   npm run db:migrate           # once per release, before the instances start
#   deploy/run-instances.sh 3    # 3 instances on 3001-3003, and the worker
#
# The environment (DATABASE_URL, NEXTAUTH_SECRET, NEXTAUTH_URL, …) is this shell's: e.g. `set -a; . /etc/accordwatch.env`.
# BASE_PORT (default 3001); WORKER=0 runs no worker (another machine runs it).
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-2}"
base_port="${BASE_PORT:-3001}"
if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: deploy/run-instances.sh [N]   (N instances, default 2)" >&2
  exit 2
fi
if [ ! -f .next/BUILD_ID ]; then
  echo "No build in .next: run \`npm run build\` first (once; every instance serves the same build)." >&2
  exit 1
fi
missing=()
for variable in DATABASE_URL NEXTAUTH_SECRET NEXTAUTH_URL; do
  [ -n "${!variable:-}" ] || missing+=("$variable")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Not set: ${missing[*]} (deploy/README.md, \"Environment\")." >&2
  exit 1
fi

export NODE_ENV=production
export NEXT_TELEMETRY_DISABLED=1
# The scheduled work runs in the worker below, not in every instance.
export ACCORDWATCH_JOBS=off

pids=()
stop() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -eq 0 ] || kill -TERM "${pids[@]}" 2>/dev/null || true
  wait || true
}
# Asked to stop: stop them all (each finishes what it is doing) and exit 0. Otherwise, on the way out, the same.
trap 'stop; exit 0' INT TERM
trap stop EXIT

# --hostname localhost, not 127.0.0.1: with a bare IP address, Next.js 16.4 takes the language proxy's rewrites
# (/demo → /en/demo) for rewrites to another origin and fetches them over HTTP, where the proxy redirects them
# back: every English page answers 307 to itself. localhost binds the loopback address all the same.
for ((i = 0; i < count; i++)); do
  port=$((base_port + i))
  echo "instance $((i + 1)) on localhost:$port"
  # --heap-growing-percent=50: as `npm start` runs it (scripts/lib/next-server.ts; bench/README.md, "Memory").
  node --heap-growing-percent=50 node_modules/next/dist/bin/next start --hostname localhost --port "$port" &
  pids+=("$!")
done
if [ "${WORKER:-1}" != "0" ]; then
  echo "worker"
  node --import tsx scripts/worker.ts &
  pids+=("$!")
fi

# The first to exit ends the lot, with its status.
status=0
wait -n "${pids[@]}" || status=$?
echo "a process exited (status $status): stopping the others" >&2
exit "$status"
