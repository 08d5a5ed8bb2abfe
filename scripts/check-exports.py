#!/usr/bin/env python3
"""Checks mediaquiz's exports with parsers nobody here wrote (run by scripts/test).

  check-exports.py anki DECK.apkg EDITED.apkg|- NOTES CARDS [EXPORT.json]
      Anki's own importer (the `anki` package), in a new collection: the deck
      imports with NOTES notes and CARDS cards; importing EDITED (the same bank,
      edited, with a newer file time) updates notes and creates none, and keeps
      the review history; the first deck again (older) changes nothing. With
      EXPORT.json, each note's front reads back as the bank's text.
  check-exports.py anki-text NOTES.txt NOTES [EXPORT.json]
      Anki's text import into a new collection, with the note type Anki picks
      (none is named in the file): NOTES new notes, no missing note type; the
      same file again makes no duplicate; texts read back as with `anki`.
  check-exports.py qti PACKAGE.zip EXPORT.json
      Every XML file well-formed; every manifest resource's files present; and
      the scoring check: for each item, the answers that Canvas's response
      processing gives full marks are exactly the bank's right answers (read
      from the JSON export).
  check-exports.py markdown HANDOUT.md EXPORT.json
      The handout rendered by markdown-it-py (CommonMark): every prompt and
      explanation reads back as typed, and no markup from the bank (tags,
      links, emphasis) became HTML.
  check-exports.py json EXPORT.json SCHEMA.json
      The export validates against its JSON Schema (jsonschema, Draft 2020-12).
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
        if q["type"] == "cloze":
            want = q["text"].split("{{")[0]
        norm = lambda t: " ".join(t.split())
        if not norm(front).startswith(norm(want)):
            fail(f"{what}: `{q['id']}` front reads {front!r}, the bank has {want!r}")
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
              f"{texts} fronts read back as typed; again: 0 new, {len(log2.updated) + len(log2.duplicate)} matched")
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
              f"{len(items)} items; {read} prompts read back as typed; "
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


if __name__ == "__main__":
    commands = {"anki": check_anki, "anki-text": check_anki_text, "qti": check_qti, "markdown": check_markdown, "json": check_json}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        fail(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
