#!/usr/bin/env bash
# Times the release binary on synthetic banks (examples/genbank.rs; default
# 1 000, 10 000 and 100 000 questions) and on the shipped bank, and prints one
# Markdown table: median wall time, median CPU time (user + sys), median peak
# memory, and the ratios to the floor (a bare parse of the same file into a
# generic YAML value with the same crate, examples/yamlfloor.rs) measured in
# the same run. CPU ratios are the ones to trust on a shared machine: wall
# time counts other people's compilations. Also times the teacher's Python
# script (benches/teacher.py, PyYAML + Jinja2) on 10 000 questions, and
# prints the growth from 10 000 to 100 000 questions.
#
#   scripts/bench.sh [SIZES...]      default: 1000 10000 100000
#   RUNS=5 scripts/bench.sh          repetitions per cell (median; default 3)
#   PDF=1 scripts/bench.sh           also the shipped bank with --pdf
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a sizes <<<"${*:-1000 10000 100000}"
runs=${RUNS:-3}
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

cargo build --release --quiet --bin mediaquiz --example genbank --example yamlfloor
bin=target/release/mediaquiz
floor=target/release/examples/yamlfloor

# The median of the numbers on stdin.
median() { sort -g | sed -n "$(((runs + 1) / 2))p"; }

# Runs a command $runs times; prints "wall cpu rss_kb", each the median of its
# own column. A failing command stops the script: a figure for an error is
# no figure.
measure() {
    local i out walls=() cpus=() rsss=()
    for ((i = 0; i < runs; i++)); do
        out=$(/usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1)
        read -r wall user sys rss <<<"$out"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
        rsss+=("$rss")
    done
    echo "$(printf '%s\n' "${walls[@]}" | median)" \
        "$(printf '%s\n' "${cpus[@]}" | median)" \
        "$(printf '%s\n' "${rsss[@]}" | median)"
}

declare -A cpu_of
fcpu=1 fmb=1

# floor_row LABEL FILE: measures the floor on FILE (under the command in
# `wrap`, if any) and remembers it for `row`.
wrap=()
floor_row() {
    local wall cpu rss
    read -r wall cpu rss < <(measure "${wrap[@]}" "$floor" "$2")
    fcpu=$cpu
    fmb=$(echo "$(stat -c %s "$2") / 1048576" | bc -l)
    printf '| %-46s | %7.2f | %7.2f | %7.0f | %6.1f× |         |\n' \
        "$1 ($(printf '%.1f' "$fmb") MB): floor" "$wall" "$cpu" "$((rss / 1024))" \
        "$(echo "$rss / 1024 / $fmb" | bc -l)"
}

# row KEY LABEL COMMAND...: one measured command against the last floor.
row() {
    local key=$1 label=$2 wall cpu rss
    shift 2
    read -r wall cpu rss < <(measure "$@")
    cpu_of[$key]=$cpu
    printf '| %-46s | %7.2f | %7.2f | %7.0f | %6.1f× | %6.2f× |\n' \
        "$label" "$wall" "$cpu" "$((rss / 1024))" \
        "$(echo "$rss / 1024 / $fmb" | bc -l)" "$(echo "$cpu / $fcpu" | bc -l)"
}

echo "machine: $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
echo
printf '| %-46s | %7s | %7s | %7s | %7s | %7s |\n' command "wall s" "CPU s" "RSS MB" "RSS÷file" "CPU÷floor"
echo "|------------------------------------------------|---------|---------|---------|----------|---------|"

# The shipped bank takes milliseconds, under /usr/bin/time's resolution: its
# floor and its worksheet are each run $loops times in one process tree.
loops=50
repeat=(sh -c 'n=$1; shift; for i in $(seq "$n"); do "$@" >/dev/null || exit 1; done' sh "$loops")
shipped=questions/lere/lere.yaml
wrap=("${repeat[@]}")
floor_row "shipped bank, ×$loops" "$shipped"
wrap=()
row shipped "shipped: worksheet -n 12 --versions 3, ×$loops" \
    "${repeat[@]}" "$bin" worksheet -n 12 --versions 3 --seed 7 --out "$work/ws-shipped"
if [[ -n ${PDF:-} ]]; then
    row shipped-pdf "shipped: worksheet -n 40 --versions 30 --pdf" \
        "$bin" worksheet -n 40 --versions 30 --seed 7 --pdf --out "$work/pdf-shipped"
fi

commands=(check worksheet gift anki anki-text qti json markdown html)
for n in "${sizes[@]}"; do
    bank=$work/bench-$n.yaml
    [[ -f $bank ]] || target/release/examples/genbank "$n" "$work" 2>/dev/null
    floor_row "$n questions" "$bank"
    row "$n check" "$n: check" "$bin" check "$bank"
    row "$n worksheet" "$n: worksheet -n 40 --versions 30" \
        "$bin" worksheet --bank "$bank" -n 40 --versions 30 --seed 7 --out "$work/ws-$n"
    for format in "${commands[@]:2}"; do
        row "$n $format" "$n: export --format $format" \
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
        row "$n teacher" "$n: teacher.py (PyYAML + Jinja2, 30 versions)" \
            "$venv/bin/python" benches/teacher.py "$bank" "$work/teacher-$n"
        echo "| $n: mediaquiz worksheet ÷ teacher.py, CPU | | | | | $(echo "${cpu_of[$n teacher]} / ${cpu_of[$n worksheet]}" | bc -l | xargs printf '%.1f')× faster |"
    fi
done

if [[ -n ${cpu_of[10000 check]:-} && -n ${cpu_of[100000 check]:-} ]]; then
    echo
    echo "Growth from 10 000 to 100 000 questions (CPU time; target ≤ 12×):"
    echo
    for c in "${commands[@]}"; do
        printf -- '- %s: %.1f×\n' "$c" "$(echo "${cpu_of[100000 $c]} / ${cpu_of[10000 $c]}" | bc -l)"
    done
fi
echo
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
