#!/usr/bin/env bash
# Issue 19, item 7: `mediaquiz draft` stays bounded and linear in the article.
# Drafts the probe's hostile articles at full size with the release binary,
# each timed with its peak memory (GNU time), and prints one Markdown row per
# case: case, size, exit code, wall time, peak memory, questions drafted.
# Targets: 1 MB in at most 2 s and 200 MB; every hostile draft in at most 2 s.
# Not in CI (a release build and some seconds); tests/draft.rs runs the
# refusals (FIFO, device, over the caps) small.
#
#   scripts/draft-bounds.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin mediaquiz
bin=$PWD/target/release/mediaquiz
real=$PWD/tests/fixtures/draft/real
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# The hostile articles: a title line, then paragraphs, to about `size` bytes.
python3 - "$real" <<'PY'
import sys, pathlib
real = pathlib.Path(sys.argv[1])
MB = 1 << 20

def fill(name, title, paragraph, size=MB - 4096):
    body, n = [title, ""], 0
    total = len(title.encode()) + 1
    while True:
        p = paragraph(n)
        if total + len(p.encode()) + 2 > size:
            break
        body += [p, ""]
        total += len(p.encode()) + 2
        n += 1
    pathlib.Path(name).write_text("\n".join(body))

# A real article repeated to 1 MB: the ordinary case at its largest.
article = (real / "real-01.fr.txt").read_text().split("\n", 1)
fill("real-repeated.txt", article[0], lambda n: article[1].strip())
fill("attributions.txt", "Des déclarations en série",
     lambda n: f"« Nous ne céderons pas sur le point {n} », a déclaré Jean Dupont{n % 97}, maire de Ville{n % 13}. "
               f"Selon la préfecture, {n} personnes étaient présentes.")
fill("quoted-words.txt", "Mots cités",
     lambda n: " ".join(f"« mot{n}x{i} »" for i in range(12)) + ".")
fill("figures.txt", "Chiffres",
     lambda n: f"Il y avait {n} 000 personnes, 9/11, {n},5 %, 12 h 30, {n} euros, 3,2 milliards et {n % 1000} morts.")
fill("acronyms.txt", "Sigles",
     lambda n: f"L'ONU{n % 50}, la CGT{n % 40} et la BCE{n % 30} ont rencontré l'OTAN{n % 20} (Organisation {n}).")
fill("sentences.txt", "Cent mille phrases",
     lambda n: " ".join(f"Il pleut {n * 20 + i}." for i in range(20)))
# Control characters (kept under 1 MB): cleaned with a note, not refused.
fill("control.txt", "Contr\x01ôle",
     lambda n: f"« Bonjour\x07 {n} », a dit\x1b[8m Marie Curie{n % 7}.\x00")
# Many speakers: every paragraph quotes someone new ("Paul Moreau0013
# a déclaré…"), about 8 000 of them: each question's wrong choices are
# drawn from a cast of thousands.
first = ["Anna", "Paul", "Marie", "Jean", "Sophie", "Luc", "Claire", "Marc", "Julie", "Pierre", "Léa", "Hugo"]
last = ["Bernard", "Moreau", "Lefèvre", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Blanc", "Girard", "Faure"]
verbs = ["a déclaré", "a affirmé", "a estimé", "a expliqué", "a ajouté"]
def speaker(n):
    name = f"{first[n % len(first)]} {last[(n // len(first)) % len(last)]}{n:04d}"
    if n % 2:
        return (f"« Le conseil examinera le dossier {n} dès lundi », {verbs[n % len(verbs)]} {name}, "
                f"adjoint au maire. Selon lui, {n} familles sont concernées.")
    return f"{name} a dit que le conseil réexaminerait le point {n}. « Nous attendons une réponse », a-t-il ajouté."
fill("many-speakers.txt", "Huit mille voix", speaker)
# Distinct speakers: about 9 000 names that differ by a code only ("Anna
# B0001x"), each quoted once: the cast is gathered by an index of names,
# not by comparing each new name with every one before it.
fill("distinct-speakers.txt", "Des voix toutes distinctes",
     lambda n: f"{first[n % 10]} B{n:04d}x a déclaré que le conseil examinerait le dossier {n}. "
               f"« Nous verrons », a-t-elle ajouté.")
PY

echo "| Case | Size | Exit | Wall | Peak memory | Questions |"
echo "|---|---|---|---|---|---|"
for f in real-repeated attributions quoted-words figures acronyms sentences control many-speakers distinct-speakers; do
  set +e
  /usr/bin/time -f "%e %M" -o time.txt "$bin" --lang en draft "$f.txt" --out "$f.yaml" >/dev/null 2>err.txt
  code=$?
  set -e
  read -r wall kb < <(tail -n 1 time.txt)
  size=$(stat -c %s "$f.txt")
  questions=$(grep -c '^  - id:' "$f.yaml" 2>/dev/null || true)
  echo "| $f | $((size / 1024)) KiB | $code | ${wall} s | $((kb / 1024)) MB | ${questions:-0} |"
done
