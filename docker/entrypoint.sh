#!/bin/sh
# Applies the database migrations (and the first accounts), then starts the server in the foreground.
set -eu
cd "$(dirname "$0")/.."
if [ -z "${DATABASE_URL:-}" ] && [ "${NODE_ENV:-}" = "production" ]; then
  echo "DATABASE_URL is required (NODE_ENV=production)" >&2
  exit 64
fi
node apps/api/dist/cli.js migrate
exec node apps/api/dist/main.js
