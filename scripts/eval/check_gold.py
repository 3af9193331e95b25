#!/usr/bin/env python3
"""Checks that every gold `contains` string of the given question files occurs in its document's text, read by a tool
independent of RagAssistant (pdftotext for PDF, the XML of DOCX/XLSX, the file itself otherwise), normalised as
EVAL.md says: NFKC, lower case, whitespace removed, ～ ~ – — − as '-'. Also checks the question-file rules: ids
unique, lang zh|en, split dev|test where present, contains at least 6 characters, no-answer questions without
answer_contains. Prints each problem; exit code 1 when there is one.

  python3 scripts/eval/check_gold.py corpus/eval/questions.jsonl corpus/eval/shared.jsonl

Documents are looked up in corpus/docs and, for shared.jsonl, under ../shared by corpus/eval/shared-docs.txt.
"""
import json, os, re, subprocess, sys, unicodedata, zipfile, html
from functools import lru_cache

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\s+", "", text)
    return re.sub("[～~–—−]", "-", text)


def loose(text):
    """For the document check only: table pipes and label colons are how RagAssistant renders cells, not the document's text."""
    return re.sub(r"[|:]", "", normalise(text))


def documents():
    paths = {}
    for name in os.listdir(os.path.join(ROOT, "corpus", "docs")):
        paths[name] = os.path.join(ROOT, "corpus", "docs", name)
    listing = os.path.join(ROOT, "corpus", "eval", "shared-docs.txt")
    if os.path.exists(listing):
        for line in open(listing, encoding="utf-8"):
            line = line.split("#")[0].strip()
            if line:
                paths[os.path.basename(line)] = os.path.join(SHARED, line)
    return paths


def xml_text(path, prefixes):
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.startswith(prefixes) and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8", "replace")
                # One separator per cell/paragraph end so neighbouring cells do not run together into a false match.
                xml = re.sub(r"</(w:p|w:tc|c|si|row|a:p)>", "\n", xml)
                parts.append(html.unescape(re.sub(r"<[^>]+>", "", xml)))
    return "\n".join(parts)


@lru_cache(maxsize=None)
def text_of(path):
    lower = path.lower()
    if lower.endswith(".pdf"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout
    if lower.endswith(".docx"):
        return xml_text(path, ("word/",))
    if lower.endswith(".xlsx"):
        return xml_text(path, ("xl/sharedStrings", "xl/worksheets/"))
    raw = open(path, "rb").read()
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def main(files):
    paths, problems, ids = documents(), [], set()
    for file in files:
        for number, line in enumerate(open(file, encoding="utf-8"), 1):
            if not line.strip():
                continue
            q = json.loads(line)
            where = f"{os.path.basename(file)}:{number} {q.get('id')}"
            if q.get("id") in ids:
                problems.append(f"{where}: duplicate id")
            ids.add(q.get("id"))
            if q.get("lang") not in ("zh", "en"):
                problems.append(f"{where}: lang must be zh or en")
            if "split" in q and q["split"] not in ("dev", "test"):
                problems.append(f"{where}: split must be dev or test")
            if not q["gold"] and q.get("answer_contains"):
                problems.append(f"{where}: a no-answer question has answer_contains")
            for gold in q["gold"]:
                if len(gold["contains"]) < 6:
                    problems.append(f"{where}: contains '{gold['contains']}' is shorter than 6 characters")
                path = paths.get(os.path.basename(gold["source"]))
                if path is None or not os.path.exists(path):
                    problems.append(f"{where}: no document {gold['source']}")
                elif loose(gold["contains"]) not in loose(text_of(path)):
                    problems.append(f"{where}: '{gold['contains']}' is not in the text of {gold['source']}")
            doc = q.get("doc")
            if doc is not None and os.path.basename(doc) not in paths:
                problems.append(f"{where}: doc {doc} is not a known document")
    for p in problems:
        print(p)
    print(f"{len(ids)} questions checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
