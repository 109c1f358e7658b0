/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-calendar-day.h: one day of the treatment calendar: its number, sessions, phase and checklist. */

#pragma once

#include <adwaita.h>

#include "ag-month-summary.h"

G_BEGIN_DECLS

#define AG_TYPE_CALENDAR_DAY (ag_calendar_day_get_type ())

G_DECLARE_FINAL_TYPE (AgCalendarDay, ag_calendar_day, AG, CALENDAR_DAY, GtkButton)

AgCalendarDay *ag_calendar_day_new          (void);
AgDaySummary  *ag_calendar_day_get_summary  (AgCalendarDay *self);
void           ag_calendar_day_set_summary  (AgCalendarDay *self,
                                             AgDaySummary  *summary);
gboolean       ag_calendar_day_get_selected (AgCalendarDay *self);
void           ag_calendar_day_set_selected (AgCalendarDay *self,
                                             gboolean       selected);
const char    *ag_calendar_day_get_label    (AgCalendarDay *self);
GtkWidget     *ag_calendar_mark_new         (AgCompletion   completion);
void           ag_calendar_mark_draw        (cairo_t       *cr,
                                             double         width,
                                             double         height,
                                             const GdkRGBA *color,
                                             AgCompletion   completion);

G_END_DECLS
