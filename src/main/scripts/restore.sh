#!/usr/bin/env bash
# Restores an archive made by backup.sh into the embedded PostgreSQL's folder. Stop the app first;
# the current folder is kept beside it (postgres.before-restore-…), never deleted.
#
#   src/main/scripts/restore.sh asan-mektub-backup-20261127-120000.tar.gz
set -euo pipefail
cd "$(dirname "$0")/../../.."
ARCHIVE=${1:?name the archive to restore}
DATA_DIR=${ASAN_DATA_DIR:-./data}
PG="$DATA_DIR/postgres"

[ -f "$ARCHIVE" ] || { echo "No such archive: $ARCHIVE" >&2; exit 1; }
if [ -f "$PG/postmaster.pid" ] && kill -0 "$(head -1 "$PG/postmaster.pid")" 2>/dev/null; then
  echo "The embedded PostgreSQL is running (the app is up). Stop the app, then run this again." >&2
  exit 2
fi
tar -tzf "$ARCHIVE" postgres/PG_VERSION >/dev/null 2>&1 || { echo "$ARCHIVE is not a backup of the embedded database." >&2; exit 1; }
mkdir -p "$DATA_DIR"
if [ -d "$PG" ]; then
  KEPT="$PG.before-restore-$(date -u +%Y%m%d-%H%M%S)"
  mv "$PG" "$KEPT"
  echo "The current database is kept in $KEPT."
fi
tar -xzf "$ARCHIVE" -C "$DATA_DIR"
rm -f "$PG/postmaster.pid"
echo "Restored $ARCHIVE into $PG. Start the app as usual."
