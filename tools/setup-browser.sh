# Sourced by test.sh: the browser the HTML view's tests run in, headless.
# Debian's Chromium (apt) and Playwright's Python package in argmap's venv ($VENV), which drives that
# system Chromium (executable_path=/usr/bin/chromium). No browser is downloaded: `playwright install`
# is never run (its browser builds cannot be fetched here), and Playwright is a test tool, not a
# dependency of argmap.
VENV=${VENV:-.venv}

if ! command -v chromium >/dev/null 2>&1; then
  echo "argmap setup: installing Chromium (apt) for the HTML view's browser tests" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! "$VENV/bin/python" -c 'import playwright.sync_api' >/dev/null 2>&1; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'playwright>=1.44,<2'
fi
