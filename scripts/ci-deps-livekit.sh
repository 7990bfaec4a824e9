#!/usr/bin/env bash
# Installs the Python side of the LiveKit server tests into .venv-livekit/ (git-ignored):
# PyPI `livekit-protocol`, LiveKit's published protobufs, which the stand-in Twirp server
# (Tests/LiveKitStandIn/standin.py) is built on, and `livekit-api`, LiveKit's official Python
# server SDK, which checks that stand-in. Pinned so a new release cannot change what the tests
# compare against without a commit. Idempotent: a venv that already has both, at these
# versions, is left as it is (no network). The tests read the venv's python from
# SWITCHBOARD_LIVEKIT_PYTHON, else .venv-livekit/bin/python, and fail naming this script when
# neither is there.
set -euo pipefail
cd "$(dirname "$0")/.."

protocol_version=1.1.29
api_version=1.2.2
venv=.venv-livekit

installed() {
  "$venv/bin/python" - "$protocol_version" "$api_version" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if (version("livekit-protocol"), version("livekit-api")) == (sys.argv[1], sys.argv[2]) else 1)
PY
}

if [ -x "$venv/bin/python" ] && installed; then
  exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q "livekit-protocol==$protocol_version" "livekit-api==$api_version"
installed
