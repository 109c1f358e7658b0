/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment-list.h: the list model of the user's treatments, kept in step with the store. */

#pragma once

#include "ag-diff-list.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_TREATMENT_LIST (ag_treatment_list_get_type ())

G_DECLARE_FINAL_TYPE (AgTreatmentList, ag_treatment_list, AG, TREATMENT_LIST, AgDiffList)

AgTreatmentList *ag_treatment_list_new    (AgStore          *store);
gboolean         ag_treatment_list_reload (AgTreatmentList  *self,
                                           GError          **error);
AgTreatment     *ag_treatment_list_lookup (AgTreatmentList  *self,
                                           gint64            treatment_id);

G_END_DECLS
