/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-window.h: Afterglow's main window: the calendar beside the selected day's aftercare. */

#pragma once

#include <adwaita.h>

#include "ag-application.h"
#include "ag-calendar-view.h"
#include "ag-day-view.h"

G_BEGIN_DECLS

#define AG_TYPE_WINDOW (ag_window_get_type ())

G_DECLARE_FINAL_TYPE (AgWindow, ag_window, AG, WINDOW, AdwApplicationWindow)

AgWindow       *ag_window_new               (AgApplication *application);
void            ag_window_load              (AgWindow      *self);
void            ag_window_show_day          (AgWindow      *self,
                                             const GDate   *day);
void            ag_window_add_toast         (AgWindow      *self,
                                             AdwToast      *toast);
AgDayView      *ag_window_get_day_view      (AgWindow      *self);
AgCalendarView *ag_window_get_calendar_view (AgWindow      *self);

G_END_DECLS
