#!/usr/bin/env bash
# Replays issue #19's four live attacks against the published app, the way an outside check runs it: the web app
# published to a folder outside the repository and started from the repository root, users made with the published
# `rag` command. Prints one line per attack, "defended" or "VULNERABLE: …"; exits 1 if any attack got through.
# Not part of the test suite (the same attacks are unit- and app-level tests under tests/*/Security); run it before a
# release:  bash scripts/security/replay-attacks.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${OUT:-$(mktemp -d /tmp/rag-attacks.XXXXXX)}
PORT=${PORT:-5917}
URL="http://127.0.0.1:$PORT"
DB="$OUT/data/rag.db"
failures=0

mkdir -p "$OUT"
echo "building into $OUT …" >&2
dotnet publish src/RagAssistant.Web/RagAssistant.Web.csproj -c Release -o "$OUT/web" >"$OUT/publish.log" 2>&1
dotnet build src/RagAssistant.Cli/RagAssistant.Cli.csproj -c Release -o "$OUT/cli" >"$OUT/build.log" 2>&1
rag() { dotnet "$OUT/cli/rag.dll" "$@" --db "$DB"; }

mkdir -p "$OUT/data" "$OUT/files"
ASPNETCORE_URLS=$URL Rag__Storage__DatabasePath=$DB Rag__Web__SampleCorpus= Rag__Accounts__InitialAdminPassword=attack-admin-password \
    dotnet "$OUT/web/RagAssistant.Web.dll" >"$OUT/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -fs "$URL/healthz" >/dev/null && break; sleep 1; done

printf 'editor-password-1\n' >"$OUT/editor.pw"; printf 'reader-password-1\n' >"$OUT/reader.pw"
rag users add editor --role editor --password-file "$OUT/editor.pw" >/dev/null
rag users add reader --role reader --password-file "$OUT/reader.pw" >/dev/null
rag libraries add pub >/dev/null; rag libraries add secret >/dev/null
rag libraries grant pub --user editor --write >/dev/null
rag libraries grant pub --user reader >/dev/null
key() { rag users key create "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])'; }
ADMIN=$(key admin); EDITOR=$(key editor); READER=$(key reader)

verdict() { if [ "$1" = ok ]; then echo "attack $2: defended"; else echo "attack $2: VULNERABLE: $3"; failures=$((failures + 1)); fi; }
wait_queue() {
    for _ in $(seq 120); do
        curl -fs -H "X-Api-Key: $ADMIN" "$URL/api/documents/jobs" | python3 -c '
import json,sys; jobs=json.load(sys.stdin)["jobs"]
sys.exit(0 if all(j["state"] not in ("queued","parsing","ocr","embedding","saving") for j in jobs) else 1)' && return 0
        sleep 1
    done
}
doc_id() { curl -fs -H "X-Api-Key: $ADMIN" "$URL/api/documents" | python3 -c "
import json,sys; print(max(d['id'] for d in json.load(sys.stdin)['documents'] if d['source'].endswith('$1')))"; }

# 1. Script on the app's origin: an Editor uploads a script and an SVG that loads it; a Reader opens the SVG.
printf 'fetch("/api/documents").then(r => r.text()).then(t => document.title = t);\n' >"$OUT/files/x.js"
curl -fs -H "X-Api-Key: $EDITOR" -F library=pub -F "file=@$OUT/files/x.js;type=text/plain" "$URL/api/documents" >/dev/null
wait_queue
JS=$(doc_id x.js)
printf '<svg xmlns="http://www.w3.org/2000/svg"><script href="/api/documents/%s/file"/><text y="20">drawing</text></svg>\n' "$JS" >"$OUT/files/b.svg"
printf '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>notice</p><script src="/api/documents/%s/file"></script></body></html>\n' "$JS" >"$OUT/files/c.xhtml"
curl -fs -H "X-Api-Key: $EDITOR" -F library=pub -F "file=@$OUT/files/b.svg" -F "file=@$OUT/files/c.xhtml" "$URL/api/documents" >/dev/null
wait_queue
problem=""
for name in x.js b.svg c.xhtml; do
    id=$(doc_id "$name" 2>/dev/null) || continue
    headers=$(curl -s -o /dev/null -D - -H "X-Api-Key: $READER" "$URL/api/documents/$id/file" | tr -d '\r')
    type=$(grep -i '^content-type:' <<<"$headers" | cut -d' ' -f2- || true)
    grep -qi '^content-security-policy: sandbox' <<<"$headers" || problem+="$name has no sandbox CSP; "
    grep -qi '^x-content-type-options: nosniff' <<<"$headers" || problem+="$name has no nosniff; "
    case "$type" in *svg*|*xhtml*|*xml*|*javascript*|*html*) problem+="$name served as $type; " ;; esac
done
verdict "$([ -z "$problem" ] && echo ok)" "1 (script from an upload)" "$problem"

# 2. Another library's text in an answer: delete pub's newest document, upload one to secret, ask as a pub Reader.
ask() { curl -s -H "X-Api-Key: $READER" -H 'Content-Type: application/json' -d "{\"question\":\"$1\"}" "$URL/api/ask"; }
printf '# Coolant pump P-7\n\nThe coolant pump P-7 runs at 3 bar coolant pressure.\n' >"$OUT/files/coolant.md"
curl -fs -H "X-Api-Key: $ADMIN" -F library=pub -F "file=@$OUT/files/coolant.md" "$URL/api/documents" >/dev/null
wait_queue
ask "What is the coolant pump pressure?" >/dev/null
curl -fs -X DELETE -H "X-Api-Key: $ADMIN" "$URL/api/documents/$(doc_id coolant.md)" >/dev/null
printf '# Vault\n\nLaunch code 7741 for the vault coolant pump.\n' >"$OUT/files/vault.md"
curl -fs -H "X-Api-Key: $ADMIN" -F library=secret -F "file=@$OUT/files/vault.md" "$URL/api/documents" >/dev/null
wait_queue
answer=$(ask "What is the coolant pump pressure?")
if grep -q 7741 <<<"$answer"; then verdict bad "2 (another library's text)" "the pub Reader's answer quotes the secret document"
else verdict ok "2 (another library's text)"; fi

# 3. A cross-site upload riding the Editor's sign-in cookie.
JAR="$OUT/cookies"
page=$(curl -s -c "$JAR" "$URL/Account/Login")
token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.UserName=editor" --data-urlencode "Input.Password=editor-password-1" "$URL/Account/Login"
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "Origin: http://127.0.0.1:8081" -H "Sec-Fetch-Site: same-site" \
    -F library=pub -F "file=@$OUT/files/coolant.md;filename=planted.md" "$URL/api/documents")
plain=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F library=pub -F "file=@$OUT/files/coolant.md;filename=planted2.md" "$URL/api/documents")
if [ "$status" = 202 ] || [ "$plain" = 202 ]; then verdict bad "3 (cross-site upload)" "cookie uploads answered $status (foreign Origin) and $plain (no Origin)"
elif ! grep -q RagAssistant.Auth "$JAR"; then verdict bad "3 (cross-site upload)" "could not sign in as the Editor to try it"
else verdict ok "3 (cross-site upload)"; fi

# 4. Memory from one request: a 50 MB question.
python3 -c 'import sys; sys.stdout.write("{\"question\":\"" + "a" * (50 * 1024 * 1024) + "\"}")' >"$OUT/files/big.json"
before=$(ps -o rss= -p $WEB)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $READER" -H 'Content-Type: application/json' --data-binary "@$OUT/files/big.json" "$URL/api/ask")
after=$(ps -o rss= -p $WEB)
growth=$(( (after - before) / 1024 ))
if [ "$status" = 413 ] && [ "$growth" -lt 40 ]; then verdict ok "4 (a 50 MB question: 413, resident +${growth} MB)"
else verdict bad "4 (a 50 MB question)" "answered $status, resident +${growth} MB"; fi

exit $(( failures > 0 ))
