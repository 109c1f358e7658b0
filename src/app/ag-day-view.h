/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-day-view.h: one local day's aftercare: sessions, checklist, restrictions and preparation. */

#pragma once

#include <adwaita.h>

#include "ag-engine.h"
#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_DAY_VIEW (ag_day_view_get_type ())

G_DECLARE_FINAL_TYPE (AgDayView, ag_day_view, AG, DAY_VIEW, AdwBin)

AgDayView  *ag_day_view_new          (void);
void        ag_day_view_set_context  (AgDayView       *self,
                                      AgStore         *store,
                                      AgProtocol      *protocol);
void        ag_day_view_set_day      (AgDayView       *self,
                                      const GDate     *day);
void        ag_day_view_set_routine  (AgDayView       *self,
                                      const AgRoutine *routine);
const char *ag_day_view_get_title    (AgDayView       *self);
const char *ag_day_view_get_subtitle (AgDayView       *self);

G_END_DECLS
