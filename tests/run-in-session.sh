#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-in-session.sh: runs a test on a private session bus and X server. Services the bus
# starts write to stderr, so only the test's own TAP reaches stdout. Each run gets its own
# runtime folder, so tests running side by side never share an accessibility bus socket.
set -u

runtime=$(mktemp -d "${TMPDIR:-/tmp}/afterglow-test-XXXXXX")
chmod 0700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"

# xvfb-run -a looks for a free display from --server-num on; starting each run somewhere
# else keeps two tests started at the same moment from racing for the same one.
export AFTERGLOW_XVFB_START=$((100 + $$ % 4000))

exec 3>&1
dbus-run-session -- sh -c 'exec xvfb-run -a -n "$AFTERGLOW_XVFB_START" -s "-screen 0 1280x1024x24" "$@" >&3' sh "$@" >&2
status=$?

rm -rf "$runtime"
exit $status
