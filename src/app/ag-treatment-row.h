/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment-row.h: one treatment in the sidebar: its colour, title and what comes next. */

#pragma once

#include <gtk/gtk.h>

#include "ag-treatment.h"
#include "ag-ui-util.h"

G_BEGIN_DECLS

#define AG_TYPE_TREATMENT_ROW (ag_treatment_row_get_type ())

G_DECLARE_FINAL_TYPE (AgTreatmentRow, ag_treatment_row, AG, TREATMENT_ROW, GtkWidget)

AgTreatment            *ag_treatment_row_get_treatment   (AgTreatmentRow *self);
void                    ag_treatment_row_set_treatment   (AgTreatmentRow *self,
                                                          AgTreatment    *treatment);
GListModel             *ag_treatment_row_get_sessions    (AgTreatmentRow *self);
void                    ag_treatment_row_set_sessions    (AgTreatmentRow *self,
                                                          GListModel     *sessions);

const AgTreatmentColor *ag_treatment_row_get_colors      (guint          *n_colors);
const AgTreatmentColor *ag_treatment_row_lookup_color    (const char     *hex);
char                   *ag_treatment_row_format_progress (AgTreatment    *treatment,
                                                          GListModel     *sessions);

G_END_DECLS
