# Services the test suite needs; sourced by .ci/run (as root on a fresh Debian 12). Every step is idempotent and
# says what it does: PostgreSQL 15 from Debian packages on port 55432 (TEST_DATABASE_URL), Chromium for browser tests.
# Only the Debian archive and the npm registry are reachable.

ci_log() { echo "[services] $*"; }

ci_apt_updated=""
ci_apt_install() {
  # Installs the packages that are missing; runs `apt-get update` at most once per run.
  local missing=()
  local p
  for p in "$@"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      ci_log "package $p already installed"
    else
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then return 0; fi
  if [ -z "$ci_apt_updated" ]; then
    ci_log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    ci_apt_updated=1
  fi
  ci_log "apt-get install -y ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ci_start_postgres() {
  local port="${BTNN_PG_PORT:-55432}"
  local dir="${BTNN_PG_DIR:-/tmp/btnn-ci-pg}"
  ci_apt_install postgresql postgresql-contrib
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    ci_log "ERROR: initdb not found after installing postgresql"
    return 1
  fi
  ci_log "PostgreSQL binaries: $bindir ($("$bindir/postgres" --version))"
  if su postgres -s /bin/sh -c "'$bindir/pg_ctl' -D '$dir' status" >/dev/null 2>&1; then
    ci_log "PostgreSQL already running in $dir"
  else
    if [ ! -f "$dir/PG_VERSION" ]; then
      ci_log "initdb in a fresh folder $dir (as user postgres; pg_ctl refuses root)"
      rm -rf "$dir"
      mkdir -p "$dir"
      chown postgres:postgres "$dir"
      chmod 700 "$dir"
      su postgres -s /bin/sh -c "'$bindir/initdb' -D '$dir' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    ci_log "starting PostgreSQL on 127.0.0.1:$port"
    su postgres -s /bin/sh -c "'$bindir/pg_ctl' -D '$dir' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" -l '$dir/log' -w start" >/dev/null
  fi
  local i
  for i in $(seq 1 30); do
    if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then break; fi
    sleep 1
  done
  if ! "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then
    ci_log "PostgreSQL did not become ready; log:"
    tail -n 30 "$dir/log" || true
    return 1
  fi
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  ci_log "TEST_DATABASE_URL=$TEST_DATABASE_URL"
}

ci_install_browser() {
  ci_apt_install chromium fonts-noto-core
  if [ -x /usr/bin/chromium ]; then ci_log "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"; fi
}

if [ "$(id -u)" -ne 0 ]; then
  ci_log "not root: skipping package installation and PostgreSQL start (set TEST_DATABASE_URL yourself)"
else
  ci_start_postgres
  ci_install_browser
fi
