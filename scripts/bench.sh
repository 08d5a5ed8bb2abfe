#!/usr/bin/env bash
# Times the release binary on synthetic banks of 1 000, 10  000 and 100 000
# questions (examples/genbank.rs) and prints one table: median wall time,
# CPU time, peak memory, and the ratio to the floor (a bare parse of the same
# file into a generic YAML value, examples/yamlfloor.rs), measured in the same
# run. Also times the teacher's Python script (benches/teacher.py) on 10 000.
#
#   scripts/bench.sh [SIZES...]      default: 1000 10000 100000
#   RUNS=5 scripts/bench.sh          repetitions per cell (median; default 3)
#   SHIPPED=1 scripts/bench.sh 1000  also the shipped bank rows and --pdf
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<<"${sizes[*]}"
runs=${RUNS:-3}
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

cargo build --release --quiet --bin mediaquiz --example genbank --example yamlfloor
bin=target/release/mediaquiz
floor=target/release/examples/yamlfloor

# Runs a command $runs times; prints "median_wall cpu_of_that_run peak_rss_kb".
measure() {
    local i out
    for ((i = 0; i < runs; i++)); do
        out=$(/usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1)
        read -r wall user sys rss <<<"$out"
        echo "$wall $(echo "$user + $sys" | bc) $rss"
    done | sort -n | sed -n "$(((runs + 1) / 2))p"
}

row() { # label floor_wall floor_cpu command...
    local label=$1 fwall=$2 fcpu=$3
    shift 3
    read -r wall cpu rss < <(measure "$@")
    printf '| %-44s | %8.2f | %8.2f | %8.0f | %6.2f× | %6.2f× |\n' \
        "$label" "$wall" "$cpu" "$((rss / 1024))" \
        "$(echo "$wall / $fwall" | bc -l)" "$(echo "$cpu / $fcpu" | bc -l)"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '| %-44s | %8s | %8s | %8s | %7s | %7s |\n' command "wall s" "CPU s" "RSS MB" "÷floor" "CPU÷fl"
echo "|----------------------------------------------|----------|----------|----------|---------|---------|"

if [[ -n ${SHIPPED:-} ]]; then
    shipped=questions/lere/lere.yaml
    read -r fwall fcpu frss < <(measure "$floor" "$shipped")
    printf '| %-44s | %8.3f | %8.3f | %8.0f |         |         |\n' "floor: shipped bank" "$fwall" "$fcpu" "$((frss / 1024))"
    row "shipped: worksheet -n 12 --versions 3" "$fwall" "$fcpu" \
        "$bin" worksheet -n 12 --versions 3 --seed 7 --out "$work/ws-shipped"
    row "shipped: worksheet -n 40 --versions 30 --pdf" "$fwall" "$fcpu" \
        "$bin" worksheet -n 40 --versions 30 --seed 7 --pdf --out "$work/pdf-shipped"
fi

for n in "${sizes[@]}"; do
    bank=$work/bench-$n.yaml
    [[ -f $bank ]] || target/release/examples/genbank "$n" "$work" 2>/dev/null
    read -r fwall fcpu frss < <(measure "$floor" "$bank")
    size=$(($(stat -c %s "$bank") / 1024 / 1024))
    printf '| %-44s | %8.2f | %8.2f | %8.0f |         |         |\n' "floor: $n questions ($size MB)" "$fwall" "$fcpu" "$((frss / 1024))"
    row "$n: check" "$fwall" "$fcpu" "$bin" check "$bank"
    row "$n: worksheet -n 40 --versions 30" "$fwall" "$fcpu" \
        "$bin" worksheet --bank "$bank" -n 40 --versions 30 --seed 7 --out "$work/ws-$n"
    for format in gift anki anki-text qti json markdown html; do
        row "$n: export --format $format" "$fwall" "$fcpu" \
            "$bin" export --bank "$bank" --format "$format" --out "$work/export-$n.$format"
    done
    if [[ $n == 10000 ]]; then
        venv=$work/venv
        if [[ ! -x $venv/bin/python ]]; then
            # System packages when present (no network needed), else from PyPI.
            python3 -m venv --system-site-packages "$venv"
            "$venv/bin/python" -c 'import yaml, jinja2' 2>/dev/null ||
                "$venv/bin/pip" install --quiet PyYAML Jinja2
        fi
        row "$n: teacher.py (PyYAML + Jinja2, 30 versions)" "$fwall" "$fcpu" \
            "$venv/bin/python" benches/teacher.py "$bank" "$work/teacher-$n"
    fi
done
