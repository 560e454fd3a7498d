#!/bin/sh
# Testing an app's two-factor login from any language: the same flow with curl and sh.
# Starts `npx verigator fake` with the service the app is configured with, signs a user up,
# starts an SMS login, reads the PIN from /_fake/messages, verifies it, checks the journal and
# resets. Exits non-zero at the first step that does not hold.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
# Its own process group (setsid), so that stopping it stops npx and the node process npx started.
setsid npx --no verigator fake --port 0 --services "$here/../services.json" >"$log" &
fake=$!
trap 'kill -- -$fake 2>/dev/null || true; rm -f "$log"' EXIT

# The first line says where it listens: "Verigator fake (stateful) at http://127.0.0.1:PORT; …"
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's/.* at \(http:[^;]*\);.*/\1/p' "$log" | head -n 1)
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { echo "the fake did not start"; exit 1; }

auth='X-Service-Auth: user:pass'
json='Content-Type: application/json'
users="$base/v1/service/service/my-service/users"
# A field of the JSON on stdin, read with a JSON parser: works on any JSON, compact or pretty-printed (jq -r does the same).
# Each argument is a key, or an array index (-1: the last): `field messages -1 pin`.
field() { node -e 'let t="";process.stdin.on("data",(d)=>(t+=d)).on("end",()=>{let v=JSON.parse(t);for(const k of process.argv.slice(1))v=Array.isArray(v)&&/^-?\d+$/.test(k)?v.at(Number(k)):v?.[k];console.log(v??"")})' "$@"; }
expect() { # expect WHAT TEXT PATTERN
  printf '%s' "$2" | grep -q "$3" || { echo "FAIL: $1: $2"; exit 1; }
  echo "ok: $1"
}

user=$(curl -sS -X POST "$users" -H "$auth" -H "$json" -d '{"id_in_service":"dee@app.example","phone_number":"+4401234569"}')
expect "sign-up answers the new user" "$user" '"id_in_service":"dee@app.example"'
uid=$(printf '%s' "$user" | field id)

started=$(curl -sS -X POST "$users/$uid/auth" -H "$auth" -H "$json" -d '{"method":"sms"}')
expect "an SMS login starts" "$started" '"method":"sms"'

inbox=$(curl -sS "$base/_fake/messages?to=%2B4401234569" -H "$auth")
pin=$(printf '%s' "$inbox" | field messages -1 pin)
expect "the SMS carried a PIN" "$pin" '^[0-9]\{6\}$'

verified=$(curl -sS -X PUT "$users/$uid/auth" -H "$auth" -H "$json" -d "{\"token\":\"$pin\"}")
expect "the PIN verifies" "$verified" '"verified":true'
again=$(curl -sS -X PUT "$users/$uid/auth" -H "$auth" -H "$json" -d "{\"token\":\"$pin\"}")
expect "a PIN verifies once" "$again" '"verified":false'

journal=$(curl -sS "$base/_fake/requests" -H "$auth")
expect "the journal has the sign-up" "$journal" '"operation":"createUser"'
expect "the journal has no credential" "$(printf '%s' "$journal" | grep -c 'user:pass' || true)" '^0$'

curl -sS -X POST "$base/_fake/reset" -H "$auth" >/dev/null
listed=$(curl -sS "$users" -H "$auth")
expect "reset leaves only the preloaded user" "$listed" '^{"users":\[{"id":"user-ann",[^]]*}\]}$'
echo "all passed"
