#!/usr/bin/env bash
# Set up argmap in .venv and draw the op-ed's argument map into out/.
# Usage: bash demo.sh
set -euo pipefail
cd "$(dirname "$0")"
source tools/setup-python.sh

"$VENV/bin/pip" install --quiet --disable-pip-version-check -e .

mkdir -p out
MAP=seeds/japan-russia-reset.core.json
"$VENV/bin/argmap" render "$MAP" -o out/japan-russia-reset.svg
"$VENV/bin/argmap" render "$MAP" -o out/japan-russia-reset.png
echo "demo: wrote out/japan-russia-reset.svg and out/japan-russia-reset.png (from $MAP)"
