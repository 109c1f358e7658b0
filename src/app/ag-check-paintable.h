/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-check-paintable.h: a check mark icon drawn in the text colour of where it is shown. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AG_TYPE_CHECK_PAINTABLE (ag_check_paintable_get_type ())

G_DECLARE_FINAL_TYPE (AgCheckPaintable, ag_check_paintable, AG, CHECK_PAINTABLE, GObject)

G_END_DECLS
