# Sourced by test.sh: install, outside argmap's own venv, the real tools the interchange tests compare
# against (see ../shared/interop-notes.md for the versions and why they are pinned):
#   .interop/node  @argdown/cli 1.7.5 (Argdown's own parser; 2.x needs Node >= 22)
#   .interop/venv  arguebuf 2.7.2 and sadface 0.5.4.0 (with the pins that keep pip from a long resolve)
# Nothing here is needed to use argmap; the tests that need a tool skip without it (outside CI).
INTEROP=${INTEROP:-.interop}

if command -v npm >/dev/null 2>&1; then
  if [ ! -x "$INTEROP/node/node_modules/.bin/argdown" ]; then
    echo "argmap setup: installing @argdown/cli 1.7.5 into $INTEROP/node (npm, about 2 minutes)" >&2
    npm install --silent --no-audit --no-fund --prefix "$INTEROP/node" @argdown/cli@1.7.5 >/dev/null 2>&1 \
      || echo "argmap setup: could not install @argdown/cli; the Argdown tests will skip" >&2
  fi
else
  echo "argmap setup: npm not found; the Argdown tests will skip" >&2
fi

if [ ! -x "$INTEROP/venv/bin/python" ]; then
  python3 -m venv "$INTEROP/venv"
fi
if ! "$INTEROP/venv/bin/python" -c 'import arguebuf, sadface' >/dev/null 2>&1; then
  echo "argmap setup: installing arguebuf 2.7.2 and sadface 0.5.4.0 into $INTEROP/venv" >&2
  "$INTEROP/venv/bin/pip" install --quiet --disable-pip-version-check \
    arguebuf==2.7.2 sadface==0.5.4.0 grpcio-reflection==1.71.2 protobuf==5.29.6 2>/dev/null \
    || echo "argmap setup: could not install arguebuf/sadface; those tests will skip" >&2
fi
export ARGMAP_INTEROP="$PWD/$INTEROP"
