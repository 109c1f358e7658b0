/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-checklist-row.h: a row of a day's checklist: a check button, the step and its detail. */

#pragma once

#include <adwaita.h>

#include "ag-checklist-item.h"

G_BEGIN_DECLS

#define AG_TYPE_CHECKLIST_ROW (ag_checklist_row_get_type ())

G_DECLARE_FINAL_TYPE (AgChecklistRow, ag_checklist_row, AG, CHECKLIST_ROW, AdwActionRow)

GtkWidget       *ag_checklist_row_new               (AgChecklistItem *item);
AgChecklistItem *ag_checklist_row_get_item          (AgChecklistRow  *self);
GtkCheckButton  *ag_checklist_row_get_check_button  (AgChecklistRow  *self);
void             ag_checklist_row_show_saved_state  (AgChecklistRow  *self);

G_END_DECLS
