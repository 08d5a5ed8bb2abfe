#!/bin/sh
# Precision and recall of `mediaquiz draft`'s attribution finder on the
# hand-annotated articles (*.txt with a *.json sidecar marking every
# attribution's speaker and quote): the tuning set in tests/fixtures/draft/,
# which the rules were written against, and the held-out set in
# tests/fixtures/draft/heldout/, which they were not (then widened on its
# misses), and tests/fixtures/draft/fresh/, written after that and never tuned
# on, and tests/fixtures/draft/real/ (eight published articles, the development
# set of issue 19: recall there counts only `core` attributions), and
# tests/fixtures/draft/unseen/ ("unseen round 1": four articles written by
# another engineer and kept from the one who tunes the finder until their hand
# count, then tuned on; see docs/draft-quality-unseen.md), and
# tests/fixtures/draft/blind/ ("blind (counted, then tuned on)": four articles
# written by a third engineer while the drafter was being improved, kept from
# those who improved it until their hand count, then tuned on; see
# docs/draft-quality-blind.md), and tests/fixtures/draft/blind2/ ("blind
# round 2 (never tuned on)": two articles written by a fourth engineer once
# blind/ was being tuned on; see docs/draft-quality-blind2.md), and
# tests/fixtures/draft/blind3/ ("blind round 3 (never tuned on)": four articles
# written by a fifth engineer while blind/ and blind2/ were being tuned on, for
# the final hand count; see docs/draft-quality-blind3.md). Prints every miss
# (those of unseen/, blind/, blind2/ and blind3/ only with UNSEEN_MISSES=1,
# BLIND_MISSES=1, BLIND2_MISSES=1, BLIND3_MISSES=1), then
# each set's precision, recall and speaker accuracy.
set -e
cd "$(dirname "$0")/.."
cargo test --test integration attribution_precision_and_recall -- --nocapture --test-threads 1 2>&1 |
    sed -E 's/^test [^ ]+ \.\.\. //' | grep -E '^(/|attributions over)' | sed "s#$(pwd)/##"
