/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-calendar-view.h: the treatment calendar, a month of sessions, healing phases and checklists. */

#pragma once

#include <adwaita.h>

#include "ag-engine.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_CALENDAR_VIEW (ag_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (AgCalendarView, ag_calendar_view, AG, CALENDAR_VIEW, AdwBin)

AgCalendarView *ag_calendar_view_new               (void);
void            ag_calendar_view_set_context       (AgCalendarView  *self,
                                                    AgStore         *store,
                                                    AgProtocol      *protocol);
void            ag_calendar_view_set_routine       (AgCalendarView  *self,
                                                    const AgRoutine *routine);
void            ag_calendar_view_set_today         (AgCalendarView  *self,
                                                    const GDate     *today);
void            ag_calendar_view_select_date       (AgCalendarView  *self,
                                                    const GDate     *date);
const GDate    *ag_calendar_view_get_selected_date (AgCalendarView  *self);
void            ag_calendar_view_show_month        (AgCalendarView  *self,
                                                    int              year,
                                                    int              month);

G_END_DECLS
