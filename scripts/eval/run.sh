#!/usr/bin/env bash
# The whole evaluation, as EVAL.md defines it: builds the rag command, ingests corpus/docs and the third-party
# documents of corpus/eval/shared-docs.txt (from ../shared; skipped with a message when it is absent) into one
# knowledge base, and scores corpus/eval/questions.jsonl and corpus/eval/shared.jsonl together, dev and test side by side.
#   bash scripts/eval/run.sh [--json] [--no-large] [other rag eval options…]
# --no-large leaves out the documents marked "# large" and their questions (the CI floor's set). OUT (default a new
# temporary folder) keeps the build, the knowledge base and the filtered question files.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-$(mktemp -d /tmp/rag-eval.XXXXXX)}
mkdir -p "$OUT"
no_large=false
args=()
for a in "$@"; do if [ "$a" = --no-large ]; then no_large=true; else args+=("$a"); fi; done

if [ ! -x "$OUT/rag/rag.dll" ] && [ ! -f "$OUT/rag/rag.dll" ]; then
    echo "building the rag command into $OUT/rag …" >&2
    dotnet build src/RagAssistant.Cli/RagAssistant.Cli.csproj -c Release -o "$OUT/rag" >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log" >&2; exit 1; }
fi
rag() { dotnet "$OUT/rag/rag.dll" "$@"; }
DB="$OUT/kb.db"
files=(corpus/eval/questions.jsonl)
if [ ! -f "$DB" ]; then
    echo "ingesting corpus/docs …" >&2
    rag ingest corpus/docs --db "$DB" --json >"$OUT/ingest-corpus.json"
fi
if [ -d ../shared/testdata ]; then
    docs=()
    large=()
    while IFS= read -r line; do
        path=${line%%#*}; path=$(echo "$path" | xargs)
        [ -z "$path" ] && continue
        if [[ "$line" == *"# large"* ]]; then large+=("$(basename "$path")"); $no_large && continue; fi
        docs+=("../shared/$path")
    done < corpus/eval/shared-docs.txt
    if [ ! -f "$OUT/ingest-shared.json" ]; then
        echo "ingesting ${#docs[@]} documents of ../shared …" >&2
        rag ingest "${docs[@]}" --db "$DB" --json >"$OUT/ingest-shared.json"
    fi
    shared=corpus/eval/shared.jsonl
    if $no_large; then
        python3 - "$OUT/shared.jsonl" "${large[@]}" <<'PY'
import json, os, sys
large = set(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for line in open("corpus/eval/shared.jsonl", encoding="utf-8"):
        q = json.loads(line)
        doc = q.get("doc") or (q["gold"][0]["source"] if q["gold"] else "")
        if os.path.basename(doc) not in large:
            out.write(line)
PY
        shared="$OUT/shared.jsonl"
    fi
    files+=("$shared")
else
    echo "../shared/testdata is absent: scoring corpus/eval/questions.jsonl alone" >&2
fi
rag eval "${files[@]}" --db "$DB" "${args[@]}"
