/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-german.h: puts a test in German, with the translations the build made. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ag_test_choose_german_locale   (char **locale_dir);
char     *ag_test_find_build_locale_dir  (void);

G_END_DECLS
