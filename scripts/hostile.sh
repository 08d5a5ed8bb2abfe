#!/usr/bin/env bash
# Issue 20's hostile cases at full size, on the release binary: the inputs the
# CI suite (tests/hostile.rs, tests/kill.rs) runs small, here at the sizes the
# probe used, each timed with its peak memory (GNU time). Prints one Markdown
# row per case: case, exit code, wall time, peak memory. Not in CI (minutes,
# and a 700 MB pipe).
#
#   scripts/hostile.sh              every case
#   KILLS=150 scripts/hostile.sh    also the kill test (cargo test, debug build)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin mediaquiz
bin=$PWD/target/release/mediaquiz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/fixtures/valid.yaml tests/fixtures/article.txt "$work/"
cd "$work"

echo "| Case | Exit | Wall | Peak memory |"
echo "|---|---|---|---|"
# row NAME CMD...: runs CMD (a shell line) under GNU time.
row() {
  local name=$1
  shift
  set +e
  /usr/bin/time -f "%e %M" -o time.txt bash -c "$*" >/dev/null 2>err.txt
  local code=$?
  set -e
  read -r wall kb < <(tail -n 1 time.txt)
  echo "| $name | $code | ${wall} s | $((kb / 1024)) MB |"
}

python3 -c "open('square.yaml','w').write('title: x\nquestions: '+'['*(1<<20)+'\n')"
python3 -c "open('curly.yaml','w').write('title: x\nquestions: '+'{a: '*(1<<18)+'\n')"
row "1 MB of \`[\` (check)" "$bin --lang en check square.yaml"
row "1 MB of \`{a: \` (check)" "$bin --lang en check curly.yaml"
row "700 MB answer line piped to quiz" \
  "head -c 700000000 /dev/zero | tr '\\\\0' x | $bin --bank valid.yaml quiz -n 1"
row "40 million short lines piped to quiz" \
  "yes 9 | head -n 40000000 | $bin --bank valid.yaml quiz -n 1"
row "export --out the bank (every format)" \
  "for f in gift anki anki-text qti json markdown html; do $bin --bank valid.yaml export --format \$f --out valid.yaml && exit 9; done; cmp valid.yaml $OLDPWD/tests/fixtures/valid.yaml"
row "completions zsh | head -c 10" "$bin completions zsh | head -c 10"
row "man > /dev/full" "$bin man > /dev/full"
mkfifo p.json.lock
row "FIFO as the review lock" "echo 3 | $bin --bank valid.yaml review --state p.json"
rm p.json.lock
row "worksheet --versions 60 (for scale)" "$bin --bank valid.yaml worksheet -n 1 --versions 60 --out sheets"

if [[ -n ${KILLS:-} ]]; then
  cd "$OLDPWD"
  cargo test --quiet --test integration -- --ignored --nocapture kill:: 2>&1 | grep -E "kills|test result"
fi
