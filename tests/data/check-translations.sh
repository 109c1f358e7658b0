#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-translations.sh: every translation is valid, complete against the strings the sources
# have today, and no source file with translatable strings is left out of po/POTFILES.in.
set -eu
export LC_ALL=C

top=$1
here=$(cd "$(dirname "$0")" && pwd)
cd "$top"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "TAP version 13"
status=0
n=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  status=1
}

comment () {
  sed 's/^/#   /'
}

# The POTFILES.in part is check-potfiles.sh's job; its own report follows as comments.
if sh "$here/check-potfiles.sh" "$top" > "$work/potfiles.tap" 2>&1; then
  ok "po/POTFILES.in lists every file with translatable strings (check-potfiles.sh)"
else
  not_ok "po/POTFILES.in is incomplete or unsorted (check-potfiles.sh):"
  grep '^not ok\|^#' "$work/potfiles.tap" | comment
fi

# The template as `meson compile afterglow-pot` would make it today, without touching po/:
# meson's 'glib' preset (mesonbuild/modules/i18n.py, Meson 1.0) plus the extra arguments
# po/meson.build gives, read from there so the protocol's keys stay in step.
extra=$(grep -o "'--\(keyword\|flag\)=[^']*'" po/meson.build | tr -d "'" | tr '\n' ' ')
# shellcheck disable=SC2086 # $extra is a list of single-word options
if xgettext --package-name=afterglow -f po/POTFILES.in -D "$top" -o "$work/afterglow.pot" \
     --from-code=UTF-8 --add-comments \
     -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
     --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
     --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
     --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
     $extra > "$work/xgettext.log" 2>&1 && [ -s "$work/afterglow.pot" ]; then
  total=$(msgfmt --statistics -o /dev/null "$work/afterglow.pot" 2>&1 | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')
  ok "the template regenerates from the sources: ${total:-?} messages"
else
  not_ok "xgettext could not make the template:"
  comment < "$work/xgettext.log"
  echo "1..$n"
  exit 1
fi

linguas=$(sed 's/#.*//' po/LINGUAS | tr -s ' \t' '\n\n' | grep -v '^$' || true)
if [ -z "$linguas" ]; then
  not_ok "po/LINGUAS lists no language"
fi

for lang in $linguas; do
  [ -f "po/$lang.po" ] || not_ok "po/LINGUAS lists $lang, but po/$lang.po does not exist"
done

for po in po/*.po; do
  [ -f "$po" ] || continue
  lang=$(basename "$po" .po)

  if printf '%s\n' $linguas | grep -qx "$lang"; then
    ok "$lang is listed in po/LINGUAS"
  else
    not_ok "$po exists, but $lang is not listed in po/LINGUAS, so it is neither built nor installed"
  fi

  # The translation as it stands: valid syntax, headers, plural forms, format strings.
  if msgfmt --check --check-format --check-accelerators=_ -o /dev/null "$po" > "$work/check.log" 2>&1; then
    ok "$po passes msgfmt --check --check-format"
  else
    not_ok "$po has problems msgfmt reports:"
    comment < "$work/check.log"
  fi

  # The translation against today's strings: nothing new, changed (fuzzy) or left empty.
  if ! msgmerge --quiet --no-wrap -o "$work/$lang.po" "$po" "$work/afterglow.pot" > "$work/merge.log" 2>&1; then
    not_ok "$po cannot be merged with the current template:"
    comment < "$work/merge.log"
    continue
  fi
  stats=$(msgfmt --statistics -o /dev/null "$work/$lang.po" 2>&1 | tail -n 1)
  fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p')
  untranslated=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')
  if [ -z "$fuzzy$untranslated" ]; then
    ok "$po is complete against the current template ($stats)"
  else
    not_ok "$po is incomplete against the current template: $stats"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/$lang.po" 2>/dev/null |
      sed -n 's/^msgid "\(..*\)"$/fuzzy: \1/p' | comment
    msgattrib --untranslated --no-obsolete --no-wrap "$work/$lang.po" 2>/dev/null |
      sed -n 's/^msgid "\(..*\)"$/untranslated: \1/p' | comment
    echo "#   run: meson compile -C <build> afterglow-pot afterglow-update-po, then translate"
  fi
done

echo "1..$n"
exit $status
