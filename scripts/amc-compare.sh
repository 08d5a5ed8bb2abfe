#!/usr/bin/env bash
# A class set, mediaquiz beside auto-multiple-choice (AMC), in one run on one
# machine: wall time and pages printed by each, for COPIES copies of the same
# COUNT questions of the shipped bank (issue 20; figures in
# docs/performance.md). A documented bench, not part of CI.
#
#   scripts/amc-compare.sh [COPIES] [COUNT] [RUNS] [SEED]   (default 30 40 5 1)
#
# Needs: auto-multiple-choice (Debian: `apt-get install auto-multiple-choice`,
# which brings LaTeX), chromium, pdfinfo (poppler-utils), python3; hyperfine
# when installed (else /usr/bin/time, one run each, alternating).
#
# mediaquiz: `worksheet -n COUNT --versions COPIES --pdf` (release build).
# AMC: `auto-multiple-choice prepare --mode s` on a LaTeX source that
# scripts/amc-source.py writes from the same COUNT questions (exported with
# the same seed; the script checks the ids against the explained key), each
# copy with the article, as mediaquiz's sheets have it.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${1:-30}
count=${2:-40}
runs=${3:-5}
seed=${4:-1}

for tool in auto-multiple-choice pdfinfo python3; do
  command -v "$tool" >/dev/null || { echo "amc-compare: \`$tool\` is not installed" >&2; exit 1; }
done

cargo build --release --quiet
bin=$PWD/target/release/mediaquiz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The worksheet's questions are never flashcard-only: the same filter gives
# the export the same draw from the same seed.
types=()
for t in single multi truefalse claim short cloze match order open; do types+=(--type "$t"); done
"$bin" export --format json -n "$count" --seed "$seed" "${types[@]}" --out "$work/questions.json" >/dev/null 2>&1
mkdir -p "$work/amc/data"
python3 scripts/amc-source.py "$work/questions.json" questions/lere/lere-article.fr.txt "$copies" > "$work/amc/class.tex"

mq=(worksheet -n "$count" --versions "$copies" --seed "$seed" --pdf --out "$work/mq")
amc=(auto-multiple-choice prepare --mode s --prefix "$work/amc/" --data "$work/amc/data" "$work/amc/class.tex")

# One run of each first: the files to count, and the same questions checked.
"$bin" "${mq[@]}" >/dev/null 2>&1
(cd "$work/amc" && "${amc[@]}" >/dev/null 2>&1)
python3 - "$work/questions.json" "$work/mq/explained-key.html" <<'EOF'
import json, re, sys
exported = sorted(q["id"] for q in json.load(open(sys.argv[1]))["questions"])
keyed = sorted(re.findall(r'data-id="([^"]+)"', open(sys.argv[2]).read()))
if exported != keyed:
    sys.exit("amc-compare: the exported questions are not the worksheet's")
EOF

# mediaquiz prints with the first Chromium it finds, a headless shell first;
# where the full browser is there too, it is timed as well.
browser=()
if command -v chromium >/dev/null && { command -v chromium-headless-shell || command -v chrome-headless-shell; } >/dev/null; then
  browser=(--prepare "rm -rf '$work/mq'" -n mediaquiz-chromium "CHROME=chromium '$bin' ${mq[*]}")
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
  hyperfine --style basic --runs "$runs" --export-json "$work/times.json" \
    --prepare "rm -rf '$work/mq'" -n mediaquiz "'$bin' ${mq[*]}" \
    --prepare "rm -rf '$work/amc/data' '$work/amc/'*.pdf && mkdir '$work/amc/data'" \
    -n amc "cd '$work/amc' && ${amc[*]}" "${browser[@]}" >&2
  times=$(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], "%.2f" % r["median"], "%.2f" % min(r["times"]), "%.2f" % max(r["times"]))
' "$work/times.json")
else
  times=""
  for tool in mediaquiz amc; do
    if [ "${tool#mediaquiz}" != "$tool" ]; then
      rm -rf "$work/mq"; s=$( { /usr/bin/time -f %e "$bin" "${mq[@]}" >/dev/null 2>/dev/null; } 2>&1 )
    else
      s=$( { cd "$work/amc"; /usr/bin/time -f %e "${amc[@]}" >/dev/null 2>/dev/null; } 2>&1 )
    fi
    times+="$tool $s $s $s"$'\n'
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
mq_sheets=$(pages "$work/mq/class-set.pdf")
mq_keys=$(pages "$work/mq/answers.pdf")
mq_explained=$(pages "$work/mq/explained-key.pdf")
amc_subject=$(pages "$work/amc/sujet.pdf")
amc_key=$(pages "$work/amc/corrige.pdf")
amc_catalog=$(pages "$work/amc/catalog.pdf")

echo
echo "$copies copies of the same $count questions, $runs runs each (wall seconds: median, min, max)"
echo
printf '| %-17s | %6s | %6s | %6s | %-58s |\n' tool median min max "pages (what)"
printf '|%s|%s|%s|%s|%s|\n' ------------------- -------- -------- -------- ------------------------------------------------------------
while read -r tool median min max; do
  [ -n "$tool" ] || continue
  if [ "${tool#mediaquiz}" != "$tool" ]; then
    what="$((mq_sheets + mq_keys + mq_explained)) ($mq_sheets sheets, $mq_keys keys, $mq_explained explained)"
  else
    what="$((amc_subject + amc_key)) ($amc_subject subject, $amc_key corrige; +$amc_catalog catalog)"
  fi
  printf '| %-17s | %6s | %6s | %6s | %-58s |\n' "$tool" "$median" "$min" "$max" "$what"
done <<< "$times"
