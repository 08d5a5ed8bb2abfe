#!/usr/bin/env python3
"""What a teacher would write without mediaquiz: load a bank with PyYAML, run
the same checks (fields per type, unique ids, every evidence quote in the
article after folding typography, elided parts in order), then render 30
shuffled versions of 40 questions (and their keys) with Jinja2.

Usage: teacher.py BANK.yaml OUT_DIR   (scripts/bench.sh times it)
"""
import os
import random
import re
import sys
import unicodedata

import jinja2
import yaml

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00ab": '"', "\u00bb": '"',
                      "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u202f": " "})


def fold(text):
    text = unicodedata.normalize("NFC", text).translate(FOLD)
    text = re.sub(r'"\s+', '"', text)
    text = re.sub(r'\s+"', '"', text)
    return re.sub(r"\s+", " ", text).strip().lower()


REQUIRED = {
    "single": ["prompt", "choices", "answer"], "multi": ["prompt", "choices", "answers"],
    "truefalse": ["prompt", "answer"], "claim": ["prompt", "answer"],
    "short": ["prompt", "answer"], "cloze": ["text"], "match": ["prompt", "pairs"],
    "order": ["prompt", "items"], "card": ["front", "back"], "open": ["prompt", "rubric"],
}

PAGE = jinja2.Template("""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ title }} — {{ version }}</title></head>
<body><h1>{{ title }} — version {{ version }}</h1><ol>
{% for q in questions %}<li><p>{{ q.prompt }}</p>
{% if q.choices %}<ul>{% for c in q.choices %}<li>{{ c }}</li>{% endfor %}</ul>{% endif %}
{% if key %}<p><strong>{{ q.answer }}</strong> {{ q.explanation }}</p>{% endif %}
</li>{% endfor %}</ol></body></html>
""", autoescape=True)


def main():
    bank_path, out = sys.argv[1], sys.argv[2]
    with open(bank_path, encoding="utf-8") as f:
        bank = yaml.safe_load(f)
    folder = os.path.dirname(bank_path)
    with open(os.path.join(folder, bank["source"]["file"]), encoding="utf-8") as f:
        article = fold(f.read())
    errors, seen = [], set()
    for q in bank["questions"]:
        if q["id"] in seen:
            errors.append(f"duplicate id {q['id']}")
        seen.add(q["id"])
        for field in REQUIRED[q["type"]] + ["explanation", "evidence"]:
            if field not in q:
                errors.append(f"{q['id']}: missing {field}")
        if q["type"] == "single" and q["answer"] not in q["choices"]:
            errors.append(f"{q['id']}: answer not among the choices")
        for quote in q.get("evidence", []):
            at = 0
            for part in re.split(r"\[?…\]?|\.\.\.", quote):
                part = fold(part)
                if not part:
                    continue
                found = article.find(part, at)
                if found < 0:
                    errors.append(f"{q['id']}: quote not in the article: {part}")
                    break
                at = found + len(part)
    if errors:
        print("\n".join(errors[:20]), file=sys.stderr)
        sys.exit(1)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    gradable = [q for q in bank["questions"] if q["type"] != "card"]
    for v in range(30):
        chosen = rng.sample(gradable, min(40, len(gradable)))
        shown = []
        for q in chosen:
            choices = list(q.get("choices") or [])
            rng.shuffle(choices)
            shown.append({"prompt": q.get("prompt") or q.get("text"), "choices": choices,
                          "answer": q.get("answer", q.get("answers")),
                          "explanation": q["explanation"]})
        for key in (False, True):
            name = f"{'key' if key else 'sheet'}-{v + 1:02}.html"
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(PAGE.render(title=bank["title"], version=v + 1, questions=shown, key=key))
    print(f"{len(bank['questions'])} questions checked, 30 versions written")


if __name__ == "__main__":
    main()
