#!/usr/bin/env python3
"""Checks mediaquiz's exports with parsers nobody here wrote (run by scripts/test).

  check-exports.py anki DECK.apkg EDITED.apkg|- NOTES CARDS [EXPORT.json]
      Anki's own importer (the `anki` package), in a new collection: the deck
      imports with NOTES notes and CARDS cards; importing EDITED (the same bank,
      edited, with a newer file time) updates notes and creates none, and keeps
      the review history; the first deck again (older) changes nothing. With
      EXPORT.json, each note's front reads back as the bank's text and its
      back shows every paragraph its quotes come from, with its §n.
  check-exports.py anki-text NOTES.txt NOTES [EXPORT.json]
      Anki's text import into a new collection, with the note type Anki picks
      (none is named in the file): NOTES new notes, no missing note type; the
      same file again makes no duplicate; texts read back as with `anki`.
  check-exports.py qti PACKAGE.zip EXPORT.json
      The article first, as a text-only item; every XML file well-formed; every manifest resource's files present; and
      the scoring check: for each item, the answers that Canvas's response
      processing gives full marks are exactly the bank's right answers (read
      from the JSON export).
  check-exports.py markdown HANDOUT.md EXPORT.json
      The handout rendered by markdown-it-py (CommonMark): every prompt and
      explanation reads back as typed, and no markup from the bank (tags,
      links, emphasis) became HTML.
  check-exports.py markdown-handout HANDOUT.md EXPORT.json
      The students' handout rendered by markdown-it-py: only its own markup,
      every cited §n of the article, every prompt as typed, and neither an
      explanation nor a model answer.
  check-exports.py json EXPORT.json SCHEMA.json
      The export validates against its JSON Schema (jsonschema, Draft 2020-12).
  check-exports.py moodle EXPORT.xml EXPORT.json
      The Moodle XML parsed back (xml.etree) and checked against the bank (the
      JSON export): the bank's category then the article (a description
      holding every §n a question cites) first; each question but the cards
      once, under its skill's category, with its idnumber, its native type,
      the elements Moodle's own import fixtures carry for that type, its
      grade, its shuffle flag, its text read back as typed, and the answers
      given fraction 100 exactly the bank's right ones; each justification
      an essay after its question, graded on its rubric.
"""
import json
import os
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET


def fail(message):
    print(f"check-exports: {message}", file=sys.stderr)
    sys.exit(1)


def new_collection(folder):
    from anki.collection import Collection
    return Collection(os.path.join(folder, "collection.anki2"))


def text_of(html_text):
    """What a reader sees of an HTML field: markup dropped, entities decoded."""
    from html.parser import HTMLParser
    parts = []
    class P(HTMLParser):
        def handle_data(self, data):
            parts.append(data)
        def handle_starttag(self, tag, attrs):
            if tag == "br":
                parts.append("\n")
    P(convert_charrefs=True).feed(html_text)
    return "".join(parts)


def check_texts(col, export_json, what):
    """Each note's first field shows the bank's prompt (or card front) as typed."""
    if not export_json:
        return 0
    bank = json.load(open(export_json, encoding="utf-8"))
    checked = 0
    for q in bank["questions"]:
        nids = col.db.list("select id from notes where guid = ?", f'mediaquiz/{bank["bank"]["id"]}/{q["id"]}')
        if len(nids) != 1:
            fail(f"{what}: {len(nids)} notes for `{q['id']}`")
        front = text_of(col.get_note(nids[0]).fields[0])
        want = q.get("prompt") or q.get("front") or ""
        norm = lambda t: " ".join(t.split())
        # A cloze shows its text, after its instruction when it has one.
        wants = [want]
        if q["type"] == "cloze":
            text = q["text"].split("{{")[0]
            wants = [text, f"{want} {text}"]
        if not any(norm(front).startswith(norm(w)) for w in wants):
            fail(f"{what}: `{q['id']}` front reads {front!r}, the bank has {want!r}")
        # The back shows each cited paragraph whole, with its §n.
        fields = "".join(col.get_note(nids[0]).fields)
        for n in {e["paragraph"] for e in q["evidence"] if e.get("paragraph")}:
            if f"<b>§{n}</b> " not in fields:
                fail(f"{what}: `{q['id']}` does not show its cited paragraph §{n}")
        checked += 1
    return checked


def check_anki(deck, edited, notes, cards, export_json=None):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki import import_export_pb2 as ie
    notes, cards = int(notes), int(cards)
    with tempfile.TemporaryDirectory() as folder:
        col = new_collection(folder)
        def imp(path):
            options = ImportAnkiPackageOptions(
                merge_notetypes=False, with_scheduling=False, with_deck_configs=False,
                update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                update_notetypes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER)
            return col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options)).log
        log = imp(deck)
        if len(log.new) != notes or col.note_count() != notes or col.card_count() != cards:
            fail(f"anki: expected {notes} notes and {cards} cards, imported {len(log.new)} new, "
                 f"collection has {col.note_count()} notes and {col.card_count()} cards")
        texts = check_texts(col, export_json, "anki")
        if edited == "-":
            print(f"anki: {notes} notes, {cards} cards imported; {texts} fronts read back as typed")
            col.close()
            return
        # Review history must survive an update: answer one card first.
        card = col.get_card(col.find_cards("")[0])
        card.start_timer()
        col.sched.answerCard(card, 3)
        reviews = col.db.scalar("select count() from revlog")
        log2 = imp(edited)
        if len(log2.new) != 0 or len(log2.updated) == 0 or col.note_count() != notes:
            fail(f"anki: re-import of the edited deck: {len(log2.new)} new, {len(log2.updated)} updated, "
                 f"{col.note_count()} notes (expected 0 new, some updated, {notes})")
        if col.db.scalar("select count() from revlog") != reviews:
            fail("anki: the re-import lost review history")
        log3 = imp(deck)
        if len(log3.new) != 0 or len(log3.updated) != 0:
            fail(f"anki: importing the older deck again made {len(log3.new)} new, {len(log3.updated)} updated")
        types = sorted(nt["name"] for nt in col.models.all())
        print(f"anki: {notes} notes, {cards} cards imported; edited re-import: 0 new, "
              f"{len(log2.updated)} updated, review history kept; older deck again: "
              f"{len(log3.duplicate)} unchanged; note types {types}")
        col.close()


def check_anki_text(path, notes, export_json=None):
    from anki.collection import ImportCsvRequest
    notes = int(notes)
    with tempfile.TemporaryDirectory() as folder:
        col = new_collection(folder)
        metadata = col.get_csv_metadata(path=path, delimiter=None)
        if metadata.guid_column != 1 or metadata.tags_column != 4 or not metadata.is_html:
            fail(f"anki-text: headers not read: guid column {metadata.guid_column}, "
                 f"tags column {metadata.tags_column}, html {metadata.is_html}")
        log = col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log
        if len(log.missing_notetype) or len(log.new) != notes or col.note_count() != notes:
            fail(f"anki-text: {len(log.new)} new, {len(log.missing_notetype)} missing note type, "
                 f"{col.note_count()} notes (expected {notes})")
        texts = check_texts(col, export_json, "anki-text")
        note = col.get_note(col.find_notes("")[0])
        if any(not field for field in note.fields[:2]):
            fail("anki-text: an imported note has an empty front or back")
        log2 = col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log
        if len(log2.new) != 0 or col.note_count() != notes:
            fail(f"anki-text: importing again made {len(log2.new)} new notes")
        notetype = col.models.get(note.mid)["name"]
        print(f"anki-text: {notes} notes into note type `{notetype}`, deck "
              f"`{col.decks.name(col.get_card(note.card_ids()[0]).did)}`, no missing note type, "
              f"{texts} fronts read back as typed, cited paragraphs on the backs; again: 0 new, {len(log2.updated) + len(log2.duplicate)} matched")
        col.close()


QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def check_qti(package, export_json):
    bank = json.load(open(export_json, encoding="utf-8"))
    right, short, prompts = {}, {}, {}
    for q in bank["questions"]:
        if q["type"] in ("single", "multi"):
            right[q["id"]] = sorted(c["text"] for c in q["choices"] if c["correct"])
        if q["type"] != "cloze":
            prompts[q["id"]] = " ".join(q.get("prompt", "").split())
        if q["type"] == "short":
            short[q["id"]] = sorted([q["answer"], *q["accept"]])
    with zipfile.ZipFile(package) as z:
        names = set(z.namelist())
        trees = {}
        for name in names:
            if name.endswith(".xml"):
                try:
                    trees[name] = ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    fail(f"qti: {name} is not well-formed XML: {e}")
        manifest = trees.get("imsmanifest.xml")
        if manifest is None:
            fail("qti: no imsmanifest.xml")
        ns = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
        files = [f.get("href") for f in manifest.iter(f"{ns}file")]
        missing = [f for f in files if f not in names]
        if missing or not files:
            fail(f"qti: manifest files missing from the package: {missing}")
        assessments = [t for t in trees.values() if t.tag == f"{QTI}questestinterop"]
        if len(assessments) != 1:
            fail("qti: expected one assessment")
        checked = read = 0
        items = list(assessments[0].iter(f"{QTI}item"))
        # The article first: a text-only item holding every §n a question cites.
        first = items[0] if items else None
        kind = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                for f in first.iter(f"{QTI}qtimetadatafield")} if first is not None else {}
        if kind.get("question_type") != "text_only_question":
            fail("qti: the first item is not the article (a text-only item)")
        article = " ".join(text_of(first.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text).split())
        cited = sorted({e["paragraph"] for q in bank["questions"] for e in q["evidence"] if e.get("paragraph")})
        if any(f"§{n} " not in article for n in cited):
            fail(f"qti: the article item lacks some of the paragraphs {cited}")
        for item in items:
            qid = item.get("title")
            if qid in prompts:
                # The mattext holds HTML: what Canvas shows must be the bank's text.
                shown = " ".join(text_of(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text).split())
                if shown != prompts[qid]:
                    fail(f"qti: item `{qid}` shows {shown!r}, the bank has {prompts[qid]!r}")
                read += 1
            labels = {l.get("ident"): "".join(l.itertext()) for l in item.iter(f"{QTI}response_label")}
            full = []
            for cond in item.iter(f"{QTI}respcondition"):
                setvar = cond.find(f"{QTI}setvar")
                if setvar is None or setvar.text.strip() != "100":
                    continue
                var = cond.find(f"{QTI}conditionvar")
                ands = var.find(f"{QTI}and")
                scope = ands if ands is not None else var
                full = sorted(labels[v.text] for v in scope.findall(f"{QTI}varequal") if v.text in labels)
            if qid in short:
                conds = [c for c in item.iter(f"{QTI}respcondition") if (c.find(f"{QTI}setvar") is not None and c.find(f"{QTI}setvar").text.strip() == "100")]
                got = sorted(v.text for v in conds[0].iter(f"{QTI}varequal"))
                if got != short[qid]:
                    fail(f"qti: item `{qid}` accepts {got}, the bank says {short[qid]}")
                checked += 1
            if qid in right:
                import html as h
                if sorted(" ".join(h.unescape(t).split()) for t in full) != [" ".join(t.split()) for t in right[qid]]:
                    fail(f"qti: item `{qid}` gives full marks to {full}, the bank says {right[qid]}")
                checked += 1
        print(f"qti: {len(trees)} XML files well-formed, {len(files)} manifest files present, "
              f"{len(items)} items, the article first ({len(cited)} cited paragraphs present); {read} prompts read back as typed; "
              f"full marks match the bank's right answers on {checked} choice and short-answer items")


def check_markdown(path, export_json):
    from markdown_it import MarkdownIt
    import re
    bank = json.load(open(export_json, encoding="utf-8"))
    rendered = MarkdownIt("commonmark").render(open(path, encoding="utf-8").read())
    tags = set(re.findall(r"<([a-z0-9]+)[ >]", rendered))
    ours = {"h1", "h3", "p", "em", "strong", "ul", "li", "blockquote"}
    if tags - ours:
        fail(f"markdown: the bank's text became markup: {sorted(tags - ours)}")
    seen = " ".join(text_of(rendered).split())
    norm = lambda t: " ".join(t.split())
    count = 0
    for q in bank["questions"]:
        for text in (q.get("prompt") or q.get("front"), q["explanation"]):
            if text and q["type"] != "cloze" and norm(text) not in seen:
                fail(f"markdown: `{q['id']}`: {text!r} does not read back as typed")
            count += 1
    print(f"markdown: rendered by markdown-it-py, only the handout's own markup ({len(tags)} tags); "
          f"{count} prompts and explanations read back as typed")


def check_handout(path, export_json):
    from markdown_it import MarkdownIt
    import re
    bank = json.load(open(export_json, encoding="utf-8"))
    rendered = MarkdownIt("commonmark").render(open(path, encoding="utf-8").read())
    tags = set(re.findall(r"<([a-z0-9]+)[ >]", rendered))
    ours = {"h1", "h2", "h3", "p", "em", "strong", "ul", "li"}
    if tags - ours:
        fail(f"markdown-handout: the bank's text became markup: {sorted(tags - ours)}")
    norm = lambda t: " ".join((t or "").replace("\u00a0", " ").replace("\u202f", " ").split())
    seen = norm(text_of(rendered))
    cited = sorted({e["paragraph"] for q in bank["questions"] for e in q["evidence"] if e.get("paragraph")})
    if any(f"§{n} " not in seen for n in cited):
        fail(f"markdown-handout: the article lacks some of the paragraphs {cited}")
    questions = norm(text_of(rendered.split("<h2>")[-1]))
    count = 0
    for q in bank["questions"]:
        if q["type"] == "card":
            continue
        if q["type"] != "cloze" and norm(q["prompt"]) not in seen:
            fail(f"markdown-handout: `{q['id']}`: {q['prompt']!r} does not read back as typed")
        # No answer after the article: neither the explanation nor an open
        # question's model answer (short answers are words of the article).
        for secret in (q["explanation"], q.get("answer") if q["type"] == "open" else None):
            if secret and norm(secret) in questions:
                fail(f"markdown-handout: `{q['id']}` shows its answer {secret!r}")
        count += 1
    print(f"markdown-handout: rendered by markdown-it-py, only the handout's own markup; the article "
          f"({len(cited)} cited paragraphs) and {count} prompts read back as typed, no explanation or model answer")


def check_json(path, schema_path):
    import jsonschema
    data = json.load(open(path, encoding="utf-8"))
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if errors:
        fail("json: " + "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]))
    # The schema can fail: a question without its uid must be refused.
    broken = json.loads(json.dumps(data))
    del broken["questions"][0]["uid"]
    if jsonschema.Draft202012Validator(schema).is_valid(broken):
        fail("json: the schema accepts a question without `uid`")
    print(f"json: {len(data['questions'])} questions valid against {os.path.basename(schema_path)}")


# The elements Moodle's own fixtures carry (question/format/xml/tests/fixtures/,
# question/type/ordering/tests/fixtures/testexport.moodle.xml), by type.
MOODLE_HEAD = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"]
MOODLE_SHAPE = {
    "multichoice": ["single", "shuffleanswers", "answernumbering", "correctfeedback",
                    "partiallycorrectfeedback", "incorrectfeedback", "answer"],
    "truefalse": ["answer"],
    "shortanswer": ["usecase", "answer"],
    "cloze": [],
    "matching": ["shuffleanswers", "correctfeedback", "partiallycorrectfeedback",
                 "incorrectfeedback", "subquestion"],
    "ordering": ["layouttype", "selecttype", "selectcount", "gradingtype", "showgrading",
                 "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "answer"],
    "essay": ["responseformat", "responserequired", "responsefieldlines", "attachments",
              "attachmentsrequired", "graderinfo", "responsetemplate"],
    "description": [],
}
MOODLE_TYPE = {"single": "multichoice", "multi": "multichoice", "claim": "multichoice",
               "truefalse": "truefalse", "short": "shortanswer", "cloze": "cloze",
               "match": "matching", "order": "ordering", "open": "essay"}


def check_moodle(path, export_json):
    import re
    bank = json.load(open(export_json, encoding="utf-8"))
    bid = bank["bank"]["id"]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f"moodle: {path} is not well-formed XML: {e}")
    if root.tag != "quiz":
        fail(f"moodle: the root is <{root.tag}>, Moodle reads <quiz>")
    norm = lambda t: " ".join((t or "").replace("\u00a0", " ").replace("\u202f", " ").split())
    field = lambda q, tag: q.findtext(f"{tag}/text") or ""
    shown = lambda q, tag: norm(text_of(field(q, tag)))
    elements = list(root)
    # The bank's category, then the article, before any question.
    if elements[0].get("type") != "category" or field(elements[0], "category") != f"$course$/top/mediaquiz/{bid}":
        fail("moodle: the file does not open with the bank's category")
    article = elements[1]
    if article.get("type") != "description" or article.findtext("idnumber") != f"{bid}:article":
        fail("moodle: the article is not the first item")
    article_text = shown(article, "questiontext")
    cited = sorted({e["paragraph"] for q in bank["questions"] for e in q["evidence"] if e.get("paragraph")})
    missing = [n for n in cited if f"§{n} " not in article_text]
    if missing or norm(bank["bank"]["title"]) not in article_text:
        fail(f"moodle: the article lacks its title or the paragraphs {missing}")
    category, seen, problems = None, {}, []
    for q in elements[2:]:
        if q.get("type") == "category":
            category = field(q, "category")
            continue
        seen[q.findtext("idnumber")] = (q, category, len(seen))
    def expect(qid, what, got, want):
        if got != want:
            problems.append(f"{qid}: {what}: the file has {got!r}, the bank {want!r}")
    checked = answers = 0
    for b in bank["questions"]:
        idnumber = f"{bid}-{b['id']}"
        if b["type"] == "card":
            if idnumber in seen:
                problems.append(f"{b['id']}: a card was exported")
            continue
        if idnumber not in seen:
            problems.append(f"{b['id']}: missing (no idnumber {idnumber})")
            continue
        q, cat, position = seen[idnumber]
        checked += 1
        qtype = MOODLE_TYPE[b["type"]]
        expect(b["id"], "type", q.get("type"), qtype)
        expect(b["id"], "category", cat, f"$course$/top/mediaquiz/{bid}/{b['skill']}")
        expect(b["id"], "name", q.findtext("name/text"), b["id"])
        tags = [t.findtext("text") for t in q.findall("tags/tag")]
        if b["skill"] not in tags:
            problems.append(f"{b['id']}: no skill tag in {tags}")
        absent = [e for e in MOODLE_HEAD + MOODLE_SHAPE[qtype] if q.find(e) is None]
        if absent:
            problems.append(f"{b['id']}: no {absent}, which Moodle's fixtures carry")
        grade = int(float(q.findtext("defaultgrade")))
        want_grade = {"single": 1, "truefalse": 1, "claim": 1, "multi": 2, "short": 2, "order": 2,
                      "cloze": len(b.get("gaps", [])), "match": len(b.get("pairs", [])),
                      "open": max((r["points"] for r in b.get("rubric", [])), default=0)}[b["type"]]
        expect(b["id"], "grade", grade, want_grade)
        text = shown(q, "questiontext")
        if b["type"] != "cloze" and norm(b["prompt"]) not in text:
            problems.append(f"{b['id']}: the text reads {text!r}, the bank has {b['prompt']!r}")
        full = [norm(text_of(a.findtext("text"))) for a in q.findall("answer") if float(a.get("fraction")) == 100]
        if b["type"] in ("single", "multi"):
            right = [norm(c["text"]) for c in b["choices"] if c["correct"]]
            expect(b["id"], "shuffleanswers", q.findtext("shuffleanswers"), "false" if b["keep_order"] else "true")
            expect(b["id"], "choices", [norm(text_of(a.findtext("text"))) for a in q.findall("answer")],
                   [norm(c["text"]) for c in b["choices"]])
            if b["type"] == "single":
                expect(b["id"], "fraction 100", full, right)
            else:
                positive = [(norm(text_of(a.findtext("text"))), float(a.get("fraction"))) for a in q.findall("answer") if float(a.get("fraction")) > 0]
                expect(b["id"], "right choices", [t for t, _ in positive], right)
                if abs(sum(f for _, f in positive) - 100) > 0.01:
                    problems.append(f"{b['id']}: right choices sum to {sum(f for _, f in positive)}")
            for c, a in zip(b["choices"], q.findall("answer")):
                if c["feedback"] and norm(c["feedback"]) != norm(text_of(a.findtext("feedback/text"))):
                    problems.append(f"{b['id']}: the feedback of {c['text']!r} does not read back")
        elif b["type"] == "claim":
            verdicts = ["supported", "contradicted", "not-stated"]
            fractions = [float(a.get("fraction")) for a in q.findall("answer")]
            expect(b["id"], "verdict given 100", fractions.index(100) if 100 in fractions else None, verdicts.index(b["answer"]))
            expect(b["id"], "shuffleanswers", q.findtext("shuffleanswers"), "false")
        elif b["type"] == "truefalse":
            expect(b["id"], "fraction 100", full, ["true" if b["answer"] else "false"])
        elif b["type"] == "short":
            # Moodle compares without case (usecase 0): one form a spelling.
            forms = [f.replace("\\*", "*").lower() for f in full]
            missing = [f for f in [b["answer"], *b["accept"]] if f.strip().lower() not in forms]
            if missing or len(full) != len(q.findall("answer")):
                problems.append(f"{b['id']}: forms {missing} not given 100")
            expect(b["id"], "usecase", q.findtext("usecase"), "0")
        elif b["type"] == "cloze":
            import html as h
            gaps = re.findall(r"\{1:SHORTANSWER:(.*?)(?<!&)\}", field(q, "questiontext"))
            expect(b["id"], "gaps", len(gaps), len(b["gaps"]))
            for forms, gap in zip(b["gaps"], gaps):
                given = [h.unescape(a[1:]).replace("\\*", "*").lower() for a in gap.split("~")]
                missing = [f for f in forms if f.strip().lower() not in given]
                if missing or not all(a.startswith("=") for a in gap.split("~")):
                    problems.append(f"{b['id']}: gap forms {missing} not given 100")
        elif b["type"] == "match":
            subs = [(norm(text_of(s.findtext("text"))), norm(s.findtext("answer/text"))) for s in q.findall("subquestion")]
            want = [(norm(l), norm(r)) for l, r in b["pairs"]]
            expect(b["id"], "pairs", subs[:len(want)], want)
            extra = subs[len(want):]
            if len(want) < 3 and (len(extra) != 1 or extra[0][0] != ""):
                problems.append(f"{b['id']}: a match of {len(want)} pairs needs one answer with no question, has {extra}")
        elif b["type"] == "order":
            items = [(norm(text_of(a.findtext("text"))), a.get("fraction")) for a in q.findall("answer")]
            expect(b["id"], "items in order", items, [(norm(t), str(i + 1)) for i, t in enumerate(b["items"])])
            expect(b["id"], "selecttype", q.findtext("selecttype"), "ALL")
        elif b["type"] == "open":
            grader = shown(q, "graderinfo")
            if norm(b["answer"]) not in grader:
                problems.append(f"{b['id']}: the model answer is not in the grader information")
            if norm(b["answer"]) in shown(q, "generalfeedback"):
                problems.append(f"{b['id']}: the model answer is in what students see")
        answers += 1
        if b.get("justify"):
            j = seen.get(f"{idnumber}:justification")
            if j is None:
                problems.append(f"{b['id']}: no essay for the justification")
                continue
            top = max((r["points"] for r in b.get("rubric", [])), default=1)
            expect(b["id"], "justification type", j[0].get("type"), "essay")
            expect(b["id"], "justification grade", int(float(j[0].findtext("defaultgrade"))), top)
            expect(b["id"], "justification right after", j[2], position + 1)
            if norm(b["explanation"]) not in shown(j[0], "graderinfo"):
                problems.append(f"{b['id']}: the expected reasoning is not in the grader information")
    if problems:
        fail("moodle: " + "; ".join(problems[:8]))
    kinds = sorted({q.get("type") for q, _, _ in seen.values()})
    print(f"moodle: well-formed; the category then the article ({len(cited)} cited paragraphs present) first; "
          f"{checked} questions with their idnumber, type, grade, shuffle flag and Moodle's elements, "
          f"{answers} read back right; {sum(1 for b in bank['questions'] if b.get('justify'))} justification essays; "
          f"types {kinds}")


if __name__ == "__main__":
    commands = {"markdown-handout": check_handout, "moodle": check_moodle, "anki": check_anki, "anki-text": check_anki_text, "qti": check_qti, "markdown": check_markdown, "json": check_json}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        fail(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
