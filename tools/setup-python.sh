# Sourced by demo.sh and test.sh: make sure Python >= 3.11 with venv is there, and create .venv.
VENV=${VENV:-.venv}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "argmap setup: need root (or sudo) to run: $*" >&2; return 1; fi
}

python_ok() {
  command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

if ! python_ok; then
  echo "argmap setup: installing Python 3 with venv (apt)" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
fi
if ! python_ok; then
  echo "argmap setup: need Python >= 3.11 with the venv module (python3 -m venv)" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
