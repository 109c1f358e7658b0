/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-alarm.h: wake once at a wall-clock instant, across suspend, clock changes and zone changes. */

#pragma once

#include "ag-clock.h"

G_BEGIN_DECLS

#define AG_TYPE_ALARM (ag_alarm_get_type ())

G_DECLARE_FINAL_TYPE (AgAlarm, ag_alarm, AG, ALARM, GObject)

AgAlarm  *ag_alarm_new                 (AgClock *clock);
AgClock  *ag_alarm_get_clock           (AgAlarm *self);
void      ag_alarm_schedule            (AgAlarm *self,
                                        gint64   due_unix_usec);
void      ag_alarm_cancel              (AgAlarm *self);
gboolean  ag_alarm_is_scheduled        (AgAlarm *self);
gint64    ag_alarm_get_due             (AgAlarm *self);
gboolean  ag_alarm_is_degraded         (AgAlarm *self);
guint     ag_alarm_get_wakeups         (AgAlarm *self);

gint64    ag_alarm_next_local_midnight (AgClock *clock);

G_END_DECLS
