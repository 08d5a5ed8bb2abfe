#!/usr/bin/env bash
# Fuzzes every target with libFuzzer for SECONDS each (default 600); not part of CI.
#
# No nightly and no cargo-fuzz needed: libfuzzer-sys builds libFuzzer with the
# system C++ compiler, and the coverage instrumentation cargo-fuzz would add
# is asked for with stable rustc flags (`-C passes=sancov-module` and
# `-C llvm-args=-sanitizer-coverage-*`). No AddressSanitizer (that needs
# nightly's `-Z sanitizer`); the code under test is safe Rust, and debug
# assertions and overflow checks stay on. Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
seconds="${1:-600}"
cd "$(dirname "$0")/../fuzz"

export RUSTFLAGS="--cfg fuzzing -C passes=sancov-module \
 -C llvm-args=-sanitizer-coverage-level=4 \
 -C llvm-args=-sanitizer-coverage-inline-8bit-counters \
 -C llvm-args=-sanitizer-coverage-pc-table \
 -C llvm-args=-sanitizer-coverage-trace-compares \
 -C debug-assertions -C overflow-checks"
# An explicit --target (as cargo-fuzz passes) keeps RUSTFLAGS off build
# scripts and proc macros, which would not link against libFuzzer's hooks.
host="$(rustc -vV | sed -n 's/^host: //p')"
cargo build --release --bins --target "$host"
bin="target/$host/release"

# Seed corpora: the shipped bank and the fixtures (banks for check and
# render, answers for grade, progress files for progress).
seed() {
    local target="$1"
    shift
    mkdir -p "corpus/$target"
    for file in "$@"; do
        [ -f "$file" ] && cp "$file" "corpus/$target/$(basename "$file")"
    done
}
seed check ../questions/*/*.yaml ../tests/fixtures/*.yaml
mkdir -p corpus/render
for bank in ../questions/*/*.yaml ../tests/fixtures/*.yaml; do
    { printf '\007'; cat "$bank"; } > "corpus/render/$(basename "$bank")"
done
mkdir -p corpus/grade
for answer in b "a c" v f "1b 2a 3c" "3 1 2 4" "deux heures" n q "C’est la version du CSP."; do
    printf '\001%s' "$answer" > "corpus/grade/$(printf '%s' "$answer" | md5sum | cut -c1-12)"
done
mkdir -p corpus/progress
printf '{"version": 1, "banks": {"Lere": {"cards": {"x": {"stability": 2.3, "difficulty": 2.1, "due": "2026-11-28", "last": "2026-11-26", "reps": 1, "lapses": 0}}, "new_today": {"date": "2026-11-26", "count": 1}}}}\n' > corpus/progress/one-card.json
printf '\357\273\277{"version": 1, "banks": {}, "extra": [1]}\r\n' > corpus/progress/bom.json

for target in check render grade progress; do
    mkdir -p "artifacts/$target"
    echo "== $target: ${seconds}s"
    "$bin/$target" "corpus/$target" \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix="artifacts/$target/" -print_final_stats=1
done
