#!/usr/bin/env bash
# Set up argmap in .venv, map the op-ed in seeds/ and draw its diagram into out/.
# Usage: bash demo.sh
set -euo pipefail
cd "$(dirname "$0")"
source tools/setup-python.sh

"$VENV/bin/pip" install --quiet --disable-pip-version-check -e .

mkdir -p out
TEXT=seeds/japan-russia-reset.txt
"$VENV/bin/argmap" render "$TEXT" -o out/japan-russia-reset.svg
"$VENV/bin/argmap" render "$TEXT" -o out/japan-russia-reset.png
"$VENV/bin/argmap" extract "$TEXT" -o out/japan-russia-reset.json
echo "demo: mapped $TEXT into out/japan-russia-reset.svg, .png and .json"
