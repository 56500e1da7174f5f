#!/usr/bin/env bash
# Backs up the embedded PostgreSQL of the zero-setup default (./data or $ASAN_DATA_DIR) into one
# archive. The embedded server ships without pg_dump, so this is a file-level (cold) backup: stop the
# app first, then run:
#
#   src/main/scripts/backup.sh [archive.tar.gz]
#
# A deployment on its own PostgreSQL uses pg_dump instead (see the README's operations section).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DATA_DIR=${ASAN_DATA_DIR:-./data}
PG="$DATA_DIR/postgres"
ARCHIVE=${1:-asan-mektub-backup-$(date -u +%Y%m%d-%H%M%S).tar.gz}

if [ ! -f "$PG/PG_VERSION" ]; then
  echo "No embedded database in $PG (nothing to back up)." >&2
  exit 1
fi
if [ -f "$PG/postmaster.pid" ] && kill -0 "$(head -1 "$PG/postmaster.pid")" 2>/dev/null; then
  echo "The embedded PostgreSQL is running (the app is up). Stop the app, then run this again." >&2
  exit 2
fi
tar -czf "$ARCHIVE" -C "$DATA_DIR" postgres
echo "Backed up $PG to $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))."
