#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-on-bus.sh: runs a reminders test on a private session bus, without X. Services the bus
# starts write to stderr, so only the test's own TAP reaches stdout.
exec 3>&1
exec dbus-run-session -- sh -c 'exec "$@" >&3' sh "$@" >&2
