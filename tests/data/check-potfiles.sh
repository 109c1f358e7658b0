#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-potfiles.sh: po/POTFILES.in lists exactly the files with translatable strings, sorted,
# so no string a patient sees is left out of the translations.
set -eu
export LC_ALL=C

top=$1
cd "$top"

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$listed"

{
  grep -rlE '(^|[^A-Za-z0-9_])N?_\(|g_dn?gettext|C_\(' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' ui || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/protocols/*.desktop.in 2>/dev/null || true
} | sort -u > "$found"

echo "TAP version 13"
status=0
n=0

n=$((n + 1))
if sort -c "$listed" 2>/dev/null; then
  echo "ok $n - POTFILES.in is sorted"
else
  echo "not ok $n - POTFILES.in is not sorted"; status=1
fi

n=$((n + 1))
missing=$(comm -13 "$listed" "$found")
if [ -z "$missing" ]; then
  echo "ok $n - every file with translatable strings is listed"
else
  echo "not ok $n - files with translatable strings missing from POTFILES.in:"
  echo "$missing" | sed 's/^/#   /'
  status=1
fi

n=$((n + 1))
gone=""
while read -r file; do
  [ -e "$file" ] || gone="$gone $file"
done < "$listed"
if [ -z "$gone" ]; then
  echo "ok $n - every listed file exists"
else
  echo "not ok $n - listed files that do not exist:$gone"; status=1
fi

echo "1..$n"
exit $status
