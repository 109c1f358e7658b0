/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-util.h: small helpers the core's files share. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ag_set_str (char       **str_pointer,
                     const char  *new_str);

G_END_DECLS
