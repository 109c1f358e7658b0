/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminder-scheduler.h: decides which reminders are due, sends them once and wakes for the next. */

#pragma once

#include "ag-notifier.h"
#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_REMINDER_SCHEDULER (ag_reminder_scheduler_get_type ())

/* How far back a first pass looks for reminders that could not be shown. */
#define AG_REMINDER_SCHEDULER_MAX_LOOKBACK (24 * G_TIME_SPAN_HOUR)

G_DECLARE_FINAL_TYPE (AgReminderScheduler, ag_reminder_scheduler, AG, REMINDER_SCHEDULER, GObject)

AgReminderScheduler *ag_reminder_scheduler_new          (AgStore             *store,
                                                         AgProtocol          *protocol,
                                                         GSettings           *settings,
                                                         AgNotifier          *notifier);
char                *ag_reminder_scheduler_dup_state_path (AgStore           *store);
void                 ag_reminder_scheduler_start        (AgReminderScheduler *self);
void                 ag_reminder_scheduler_process      (AgReminderScheduler *self);
gboolean             ag_reminder_scheduler_get_busy     (AgReminderScheduler *self);
gint64               ag_reminder_scheduler_get_next_due (AgReminderScheduler *self);
gint64               ag_reminder_scheduler_get_watermark (AgReminderScheduler *self);
gboolean             ag_reminder_scheduler_mark_done    (AgReminderScheduler *self,
                                                         AgReminder          *reminder,
                                                         GError             **error);
gboolean             ag_reminder_scheduler_snooze       (AgReminderScheduler *self,
                                                         AgReminder          *reminder,
                                                         GError             **error);

G_END_DECLS
