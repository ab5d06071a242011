#!/usr/bin/env bash
# Set up argmap with its test tools in .venv, install Graphviz, and run the whole test suite.
# Usage: bash test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
source tools/setup-python.sh

# Graphviz's dot: the tests draw with both dot and graphviz-pure.
if ! command -v dot >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
fi

"$VENV/bin/pip" install --quiet --disable-pip-version-check -e '.[test]'
# The plugins in plugins/, each with its own tests; a setuptools that builds editable wheels by itself,
# for the scaffold test that pip-installs a new plugin offline (--no-build-isolation).
"$VENV/bin/pip" install --quiet --disable-pip-version-check 'setuptools>=70.1'
for plugin in plugins/*/; do
  if [ -f "$plugin/pyproject.toml" ]; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -e "$plugin"
  fi
done

# The real tools the interchange tests compare against (Argdown, arguebuf, sadface), outside .venv,
# and the browser the HTML view is tested in.
source tools/setup-interop.sh
if [ -f tools/setup-browser.sh ]; then source tools/setup-browser.sh; fi

# Types first (the public API is typed: py.typed), then every test, plugins' included.
"$VENV/bin/python" -m mypy
"$VENV/bin/python" -m pytest "$@"
