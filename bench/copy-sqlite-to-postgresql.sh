#!/usr/bin/env bash
# Copies the attempts of a kept delivery-bench SQLite file into a migrated, empty PostgreSQL database with COPY.
#
# The generator's INSERTs reach PostgreSQL at about 1,500 rows a second on a shared 2-core machine, so that
# 10,000,000 attempts would take hours; COPY of the same rows takes minutes. The indexes are built afterwards
# and the statistics gathered, as delivery-bench does after generating.
#
#   scripts/test-services.sh bash -c 'bench/copy-sqlite-to-postgresql.sh FILE "$GOREPORTER_TEST_PG_URL" NAME && ...'
#
# FILE: a file filled by delivery-bench --sqlite-file; CLUSTER_URL: postgresql://user@127.0.0.1:port/postgres;
# NAME: the database to create there. Needs sqlite3, psql and the console (build/app/goreporter-webhooks) to
# create the schema, and to migrate the file first, so that both hold the same counts. Prints the URL of the
# filled database.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 FILE CLUSTER_URL NAME" >&2; exit 2; }
file=$1
cluster=$2
name=$3
hostport=${cluster#*@}; hostport=${hostport%%/*}
host=${hostport%%:*}
port=${hostport##*:}
user=${cluster#postgresql://}; user=${user%%@*}
url="postgresql://$user@$host:$port/$name"
here=$(cd "$(dirname "$0")/.." && pwd)

psql -v ON_ERROR_STOP=1 -qh "$host" -p "$port" -U "$user" -d postgres -c "CREATE DATABASE $name"
# Opening a database runs the migrations.
"$here/build/app/goreporter-webhooks" --database "sqlite://$(realpath "$file")" events list >/dev/null
"$here/build/app/goreporter-webhooks" --database "$url" events list >/dev/null
pg() { psql -v ON_ERROR_STOP=1 -qh "$host" -p "$port" -U "$user" -d "$name" "$@"; }
columns() { pg -Atc "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
                     WHERE table_name = '$1'"; }
# Rows as PostgreSQL's COPY reads them: \N for NULL, bodies as bytea's hexadecimal input.
sqliteRows() { sqlite3 -csv -cmd '.nullvalue \\N' "$file" "SELECT $1 FROM $2"; }
copy() { pg -c "SET session_replication_role = replica; COPY $1 ($2) FROM STDIN WITH (FORMAT csv, NULL '\\N')"; }

secondary="SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'deliveries'
           AND indexname NOT IN (SELECT conname FROM pg_constraint)"
creates=$(pg -Atc "SELECT string_agg(indexdef, '; ') FROM ($secondary) i")
pg <<< "SELECT 'DROP INDEX ' || indexname FROM ($secondary) i \gexec"
# The counts the triggers keep come along: the triggers are off while copying.
for table in webhooks delivery_hourly undelivered_messages; do
    copy "$table" "$(columns $table)" < <(sqliteRows "$(columns $table)" "$table")
done
deliveryColumns=$(columns deliveries)
selected=$(echo "$deliveryColumns" | sed -E "s/(request_body|response_body)/'\\\\x' || hex(\1)/g")
copy deliveries "$deliveryColumns" < <(sqliteRows "$selected" deliveries)
pg -c "SET maintenance_work_mem = '512MB'; $creates"
pg -Atc "SELECT setval(pg_get_serial_sequence('deliveries', 'id'), (SELECT MAX(id) FROM deliveries))" >/dev/null
pg -c "VACUUM ANALYZE"
echo "$url"
