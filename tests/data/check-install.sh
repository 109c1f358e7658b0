#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh: `meson install` into a scratch folder puts every file in place, and the
# installed copies validate.
set -eu

build_root=$1
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

meson install -C "$build_root" --destdir "$destdir" --no-rebuild --quiet >/dev/null

prefix=$(meson introspect "$build_root" --buildoptions |
         /usr/bin/python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
sysconfdir=$(meson introspect "$build_root" --buildoptions |
         /usr/bin/python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="sysconfdir"][0])')
case "$sysconfdir" in
  /*) ;;
  *) sysconfdir="$prefix/$sysconfdir" ;;
esac
root="$destdir$prefix"
etc="$destdir$sysconfdir"

failed=0
n=0
check() {
  n=$((n + 1))
  if [ -e "$1" ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2 is missing: $1"
    failed=1
  fi
}

echo "TAP version 13"
check "$root/bin/afterglow" "the afterglow program"
check "$root/bin/afterglow-reminders" "the afterglow-reminders program"
check "$root/share/applications/io.github.afterglow.Afterglow.desktop" "the desktop file"
check "$root/share/metainfo/io.github.afterglow.Afterglow.metainfo.xml" "the metainfo"
check "$root/share/glib-2.0/schemas/io.github.afterglow.Afterglow.gschema.xml" "the settings schema"
check "$root/share/icons/hicolor/scalable/apps/io.github.afterglow.Afterglow.svg" "the app icon"
check "$root/share/icons/hicolor/symbolic/apps/io.github.afterglow.Afterglow-symbolic.svg" "the symbolic icon"
check "$root/share/dbus-1/services/io.github.afterglow.Afterglow.Reminders.service" "the reminders' D-Bus service file"
check "$root/share/dbus-1/services/io.github.afterglow.Afterglow.service" "the app's D-Bus service file"
check "$etc/xdg/autostart/io.github.afterglow.Afterglow.Reminders.desktop" "the autostart file"
check "$root/share/afterglow/protocols/default.protocol" "the default protocol"

n=$((n + 1))
if desktop-file-validate "$root/share/applications/io.github.afterglow.Afterglow.desktop" &&
   desktop-file-validate "$etc/xdg/autostart/io.github.afterglow.Afterglow.Reminders.desktop"; then
  echo "ok $n - the installed desktop files validate"
else
  echo "not ok $n - the installed desktop files do not validate"; failed=1
fi

n=$((n + 1))
if appstreamcli validate --no-net "$root/share/metainfo/io.github.afterglow.Afterglow.metainfo.xml" >/dev/null; then
  echo "ok $n - the installed metainfo validates"
else
  echo "not ok $n - the installed metainfo does not validate"; failed=1
fi

n=$((n + 1))
if glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas"; then
  echo "ok $n - the installed schema compiles strictly"
else
  echo "not ok $n - the installed schema does not compile"; failed=1
fi

n=$((n + 1))
service="$root/share/dbus-1/services/io.github.afterglow.Afterglow.Reminders.service"
if grep -qx "Exec=$prefix/bin/afterglow-reminders --gapplication-service" "$service" &&
   grep -qx "Name=io.github.afterglow.Afterglow.Reminders" "$service"; then
  echo "ok $n - the D-Bus service starts the installed afterglow-reminders"
else
  echo "not ok $n - the D-Bus service file names the wrong program"; failed=1
fi

n=$((n + 1))
service="$root/share/dbus-1/services/io.github.afterglow.Afterglow.service"
if grep -qx "Exec=$prefix/bin/afterglow --gapplication-service" "$service" &&
   grep -qx "Name=io.github.afterglow.Afterglow" "$service" &&
   grep -qx "DBusActivatable=true" "$root/share/applications/io.github.afterglow.Afterglow.desktop"; then
  echo "ok $n - the app is D-Bus activatable and its service starts the installed afterglow"
else
  echo "not ok $n - the app's D-Bus activation is broken"; failed=1
fi

n=$((n + 1))
if "$root/bin/afterglow-reminders" --version | grep -q '^afterglow-reminders '; then
  echo "ok $n - the installed afterglow-reminders runs"
else
  echo "not ok $n - the installed afterglow-reminders does not run"; failed=1
fi

echo "1..$n"
exit $failed
