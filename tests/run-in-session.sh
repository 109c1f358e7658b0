#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-in-session.sh: runs a test on a private session bus and X server. Services the bus
# starts write to stderr, so only the test's own TAP reaches stdout.
exec 3>&1
exec dbus-run-session -- sh -c 'exec xvfb-run -a -s "-screen 0 1280x1024x24" "$@" >&3' sh "$@" >&2
