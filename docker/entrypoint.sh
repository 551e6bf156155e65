#!/bin/sh
# Applies the database migrations and grants as the schema owner (and the first accounts), then
# starts the server in the foreground as the application role.
set -eu
cd "$(dirname "$0")/.."
if [ "${NODE_ENV:-}" = "production" ]; then
  for name in DATABASE_URL DATABASE_OWNER_URL; do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
      echo "$name is required (NODE_ENV=production)" >&2
      exit 64
    fi
  done
fi
node apps/api/dist/cli.js migrate
exec node apps/api/dist/main.js
