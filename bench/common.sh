# Shared by the bench scripts (sourced): signing people in, and SQL against the bench's embedded PostgreSQL.
# Expects BASE (the app's address), WORK (a folder for files of the run) and DATA (the app's data folder).

# Signs one person in through the login form; prints "Cookie-header<TAB>csrf-token".
session() { # email password tag
  local jar="$WORK/jar-$1-$3"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed -n 1p | sed 's/.*value="//;s/"//' || true)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/me" | grep -o 'name="_csrf" value="[^"]*"' | sed -n 1p | sed 's/.*value="//;s/"//' || true)
  local cookies
  cookies=$(grep -E 'ASANSESSION|ASANCSRF' "$jar" | awk '{print $6 "=" $7}' | paste -sd';' | sed 's/;/; /g')
  printf '%s\t%s\n' "$cookies" "$token"
}

# The embedded PostgreSQL's port (from its postmaster.pid) and the JDBC driver the build downloaded.
pg_port() { sed -n 4p "$(find "$DATA" -maxdepth 2 -name postmaster.pid | sed -n 1p)" 2>/dev/null || true; }
pg_jar() { ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | tail -1 || true; }
# Runs statements on the bench database; prints the first column of each row.
sql() { java -cp "$(pg_jar)" bench/Sql.java "$(pg_port)" "$@"; }

# Waits until the app at BASE answers its health check (or the process APP ends).
wait_for_app() {
  for _ in $(seq 1 3600); do
    if curl -sf "$BASE/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP" 2>/dev/null; then echo "the app stopped; see $WORK/app.log"; return 1; fi
    sleep 1
  done
  echo "the app did not answer within an hour"; return 1
}
