/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-restriction-row.h: a row that shows what to avoid and how long until it is allowed again. */

#pragma once

#include <adwaita.h>

#include "ag-restriction.h"

G_BEGIN_DECLS

#define AG_TYPE_RESTRICTION_ROW (ag_restriction_row_get_type ())

G_DECLARE_FINAL_TYPE (AgRestrictionRow, ag_restriction_row, AG, RESTRICTION_ROW, AdwActionRow)

GtkWidget     *ag_restriction_row_new             (AgRestriction    *restriction);
AgRestriction *ag_restriction_row_get_restriction (AgRestrictionRow *self);
void           ag_restriction_row_update          (AgRestrictionRow *self,
                                                   GDateTime        *now);
gint64         ag_restriction_row_get_next_change (AgRestrictionRow *self,
                                                   GDateTime        *now);

G_END_DECLS
