#!/bin/sh
# Precision and recall of `mediaquiz draft`'s attribution finder on the
# hand-annotated articles in tests/fixtures/draft/ (*.txt with a *.json sidecar
# marking every attribution's speaker and quote). Prints every miss, then the figures.
set -e
cd "$(dirname "$0")/.."
cargo test --test integration attribution_precision_and_recall -- --nocapture 2>&1 |
    grep -E '^(/|attributions over)' | sed "s#$(pwd)/##"
