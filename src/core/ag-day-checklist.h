/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-day-checklist.h: the list model of one local day's checklist, with its ticks. */

#pragma once

#include "ag-diff-list.h"
#include "ag-engine.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_DAY_CHECKLIST (ag_day_checklist_get_type ())

G_DECLARE_FINAL_TYPE (AgDayChecklist, ag_day_checklist, AG, DAY_CHECKLIST, AgDiffList)

AgDayChecklist *ag_day_checklist_new           (AgStore          *store,
                                                AgProtocol       *protocol,
                                                const GDate      *day);
const GDate    *ag_day_checklist_get_day       (AgDayChecklist   *self);
void            ag_day_checklist_set_day       (AgDayChecklist   *self,
                                                const GDate      *day);
void            ag_day_checklist_set_routine   (AgDayChecklist   *self,
                                                const AgRoutine  *routine);
void            ag_day_checklist_set_protocol  (AgDayChecklist   *self,
                                                AgProtocol       *protocol);
gboolean        ag_day_checklist_reload        (AgDayChecklist   *self,
                                                GError          **error);
gboolean        ag_day_checklist_set_item_done (AgDayChecklist   *self,
                                                AgChecklistItem  *item,
                                                gboolean          done,
                                                GError          **error);

G_END_DECLS
