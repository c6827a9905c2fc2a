#!/usr/bin/env bash
# Runs a command with the real services the tests need, all thrown away afterwards: a PostgreSQL cluster
# on a loopback port and a D-Bus session with an unlocked GNOME Keyring, under a temporary HOME.
set -euo pipefail

work=$(mktemp -d /tmp/goreporter-tests.XXXXXX)
chmod 700 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres account.
    as_postgres=(runuser -u postgres --)
    chown postgres "$work"
fi

stop_services() {
    "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop_services EXIT

# The cluster is a superuser's playground: other accounts on this machine must not get in. The socket lives in
# the private folder, and over TCP every role needs its password; the tests' libpq finds the superuser's in
# the temporary HOME's .pgpass.
superuser_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$superuser_password" >"$work/pwfile"
chmod 600 "$work/pwfile"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work/pwfile"; fi
"${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    --pwfile="$work/pwfile" -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; exit 1; }
rm -f "$work/pwfile"
cat >"$work/pg/pg_hba.conf" <<HBA
local all all peer
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
HBA

port=""
for candidate in $(seq 55432 55532); do
    if "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 30 \
        -o "-p $candidate -k $work -c unix_socket_permissions=0700 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
        start >/dev/null 2>&1; then
        port=$candidate
        break
    fi
done
[ -n "$port" ] || { echo "Cannot start the test PostgreSQL cluster:"; cat "$work/pg.log"; exit 1; }
export HOME="$work/home"
mkdir -p "$HOME"
printf '127.0.0.1:%s:*:postgres:%s\nlocalhost:%s:*:postgres:%s\n' "$port" "$superuser_password" "$port" "$superuser_password" \
    >"$HOME/.pgpass"
chmod 600 "$HOME/.pgpass"
psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE goreporter_pw LOGIN PASSWORD 'correct horse battery staple'" \
    -c "CREATE DATABASE goreporter_pw OWNER goreporter_pw" >/dev/null
echo "test PostgreSQL cluster on 127.0.0.1:$port"

export GOREPORTER_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export GOREPORTER_TEST_PG_PASSWORD_URL="postgresql://goreporter_pw@127.0.0.1:$port/goreporter_pw"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset PGPASSWORD

# The keyring daemon creates and unlocks a login keyring with the password on its standard input.
dbus-run-session -- bash -c '
    set -e
    eval "$(printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    "$@"
' goreporter-test-session "$@"
