/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-engine.h: turns a protocol and sessions into checklists, restrictions and reminders. */

#pragma once

#include "ag-checklist-item.h"
#include "ag-protocol.h"
#include "ag-reminder.h"
#include "ag-restriction.h"
#include "ag-session.h"

G_BEGIN_DECLS

/**
 * AgRoutine:
 * @morning_minutes: minutes after local midnight of the morning routine (08:00 = 480)
 * @evening_minutes: minutes after local midnight of the evening routine (21:00 = 1260)
 * @sunscreen_interval_hours: hours between sunscreen re-applications, 0 for the protocol's
 *
 * The user's own times of day.
 */
typedef struct
{
  int morning_minutes;
  int evening_minutes;
  int sunscreen_interval_hours;   /* 0 = protocol's */
} AgRoutine;

#define AG_ROUTINE_DEFAULT_MORNING (8 * 60)
#define AG_ROUTINE_DEFAULT_EVENING (21 * 60)

void       ag_routine_init_default        (AgRoutine        *routine);

GPtrArray *ag_engine_items_for_day        (AgProtocol       *protocol,
                                           GPtrArray        *sessions,
                                           GTimeZone        *tz,
                                           const AgRoutine  *routine,
                                           const GDate      *day);
GPtrArray *ag_engine_prep_steps_for_day   (AgProtocol       *protocol,
                                           GPtrArray        *sessions,
                                           GTimeZone        *tz,
                                           const AgRoutine  *routine,
                                           const GDate      *day);
GPtrArray *ag_engine_restrictions         (AgProtocol       *protocol,
                                           GPtrArray        *sessions);
GPtrArray *ag_engine_restrictions_at      (AgProtocol       *protocol,
                                           GPtrArray        *sessions,
                                           GDateTime        *instant);
GPtrArray *ag_engine_reminders_between    (AgProtocol       *protocol,
                                           GPtrArray        *sessions,
                                           GTimeZone        *tz,
                                           const AgRoutine  *routine,
                                           GDateTime        *from,
                                           GDateTime        *to);

G_END_DECLS
