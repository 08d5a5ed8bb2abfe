#!/usr/bin/env python3
"""Writes an auto-multiple-choice (AMC) LaTeX source of the questions of a
`mediaquiz export --format json` file: COPIES copies, each with the article
and the same questions, shuffled per copy as `worksheet --versions` shuffles
them (type groups in a fixed order, questions and choices shuffled).

Used by scripts/amc-compare.sh, which times `auto-multiple-choice prepare`
on it beside `mediaquiz worksheet --versions N --pdf`.

AMC asks only choice questions natively: single, multi, truefalse and claim
become its `question`/`questionmult` with their choices; the others
(short, cloze, match, order, open) print their text as mediaquiz's sheet
does (blanks, both columns, the items) above an `\\AMCOpen` box of lines
that the teacher scores, so both programs lay out the same content.

usage: amc-source.py EXPORT.json ARTICLE.txt COPIES > class.tex
"""

import json
import re
import sys

VERDICTS = {
    "fr": ["Confirmé par l’article", "Contredit par l’article", "Non mentionné"],
    "en": ["Supported by the article", "Contradicted by the article", "Not stated"],
}
TRUE_FALSE = {"fr": ["Vrai", "Faux"], "en": ["True", "False"]}
SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\^{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "\u00a0": "~",
    "\u202f": r"\,",
}


def tex(text):
    """Text as LaTeX: its special characters escaped."""
    return "".join(SPECIALS.get(c, c) for c in text)


def choices(question, lang):
    """The choices of a choice question as (text, right)."""
    kind = question["type"]
    if kind in ("single", "multi"):
        return [(c["text"], c["correct"]) for c in question["choices"]]
    if kind == "truefalse":
        true, false = TRUE_FALSE[lang]
        return [(true, question["answer"]), (false, not question["answer"])]
    if kind == "claim":
        names = ["supported", "contradicted", "not-stated"]
        return [(label, question["answer"] == name) for label, name in zip(VERDICTS[lang], names)]
    return None


def element(question, lang):
    """One question as an AMC element of the group named by its type."""
    kind = question["type"]
    qid = re.sub(r"[^a-z0-9]", "", question["id"])
    listed = choices(question, lang)
    if listed is not None:
        env = "questionmult" if kind == "multi" else "question"
        ordered = kind in ("truefalse", "claim") or question.get("keep_order")
        lines = [f"\\begin{{{env}}}{{{qid}}}", tex(question["prompt"])]
        lines.append("\\begin{reponses}[o]" if ordered else "\\begin{reponses}")
        for text, right in listed:
            lines.append(f"\\{'bonne' if right else 'mauvaise'}{{{tex(text)}}}")
        lines += ["\\end{reponses}", f"\\end{{{env}}}"]
    else:
        body = []
        if kind == "cloze":
            if question.get("prompt"):
                body.append(tex(question["prompt"]))
            body.append(re.sub(r"\\\{\\\{(\d+)\\\}\\\}", r"(\1)\\,\\rule{8em}{.4pt}", tex(question["text"])))
        else:
            body.append(tex(question["prompt"]))
        if kind == "match":
            lefts = [f"{n}. {tex(p[0])}" for n, p in enumerate(question["pairs"], 1)]
            rights = [f"{chr(65 + n)}. {tex(p[1])}" for n, p in enumerate(reversed(question["pairs"]))]
            body.append("\\par " + " \\\\ ".join(lefts) + "\\par " + " \\\\ ".join(rights))
        if kind == "order":
            body.append("\\par " + " \\\\ ".join(f"{chr(65 + n)}. {tex(i)}" for n, i in enumerate(reversed(question["items"]))))
        lines = [f"\\begin{{question}}{{{qid}}}", "\n".join(body)]
        lines.append("\\AMCOpen{lines=3}{\\mauvaise[0]{0}\\scoring{0}\\mauvaise[P]{1}\\scoring{1}\\bonne[J]{2}\\scoring{2}}")
        lines.append("\\end{question}")
    return f"\\element{{{kind}}}{{\n" + "\n".join(lines) + "\n}"


def main():
    export, article, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(export, encoding="utf-8") as f:
        data = json.load(f)
    with open(article, encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    lang = data["bank"]["language"]
    kinds = []
    out = [
        "\\documentclass[a4paper]{article}",
        "\\usepackage[utf8]{inputenc}",
        "\\usepackage[T1]{fontenc}",
        f"\\usepackage[{'francais' if lang == 'fr' else 'english'},bloc,completemulti]{{automultiplechoice}}",
        "\\begin{document}",
    ]
    for question in data["questions"]:
        if question["type"] not in kinds:
            kinds.append(question["type"])
        out.append(element(question, lang))
    out.append(f"\\exemplaire{{{copies}}}{{")
    out.append(f"\\noindent{{\\bf {tex(data['bank']['title'])}}}\\hfill\\namefield{{\\fbox{{\\begin{{minipage}}{{.4\\linewidth}}\\namefielddots\\end{{minipage}}}}}}")
    out.append("\\par\\medskip\\small")
    out += [f"\\par {tex(p)}" for p in paragraphs]
    out.append("\\normalsize\\par\\medskip")
    for kind in kinds:
        out.append(f"\\melangegroupe{{{kind}}}\\restituegroupe{{{kind}}}")
    out.append("}")
    out.append("\\end{document}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
