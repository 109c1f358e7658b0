/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-clock.h: the one place the core asks what time it is, so tests can choose "now". */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_CLOCK (ag_clock_get_type ())

G_DECLARE_FINAL_TYPE (AgClock, ag_clock, AG, CLOCK, GObject)

AgClock   *ag_clock_new_system     (void);
AgClock   *ag_clock_new_manual     (GDateTime *now);
gboolean   ag_clock_is_manual      (AgClock   *self);
GDateTime *ag_clock_get_now        (AgClock   *self);
gint64     ag_clock_get_now_unix_usec (AgClock *self);
GTimeZone *ag_clock_get_timezone   (AgClock   *self);
void       ag_clock_set_timezone   (AgClock   *self,
                                    GTimeZone *timezone);
void       ag_clock_reload_timezone (AgClock  *self);
void       ag_clock_set_now        (AgClock   *self,
                                    GDateTime *now);
void       ag_clock_advance        (AgClock   *self,
                                    GTimeSpan  span);
void       ag_clock_notify_jump    (AgClock   *self);

G_END_DECLS
