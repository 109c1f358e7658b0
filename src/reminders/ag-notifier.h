/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-notifier.h: shows reminders as desktop notifications and reports what the user pressed. */

#pragma once

#include <gio/gio.h>

#include "ag-reminder.h"

G_BEGIN_DECLS

#define AG_TYPE_NOTIFIER (ag_notifier_get_type ())

G_DECLARE_FINAL_TYPE (AgNotifier, ag_notifier, AG, NOTIFIER, GObject)

/**
 * AgNotifierFlags:
 * @AG_NOTIFIER_NONE: a plain reminder
 * @AG_NOTIFIER_SNOOZED: the reminder comes back after a snooze, so it offers no Snooze button
 *
 * How a reminder is shown.
 */
typedef enum
{
  AG_NOTIFIER_NONE = 0,
  AG_NOTIFIER_SNOOZED = 1 << 0,
} AgNotifierFlags;

AgNotifier *ag_notifier_new                (void);
gboolean    ag_notifier_get_available      (AgNotifier      *self);
gboolean    ag_notifier_get_has_actions    (AgNotifier      *self);
guint       ag_notifier_get_n_shown        (AgNotifier      *self);
gboolean    ag_notifier_show_reminder      (AgNotifier      *self,
                                            AgReminder      *reminder,
                                            AgNotifierFlags  flags,
                                            GError         **error);
gboolean    ag_notifier_show_missed        (AgNotifier      *self,
                                            GPtrArray       *reminders,
                                            GTimeZone       *tz,
                                            GDateTime       *now,
                                            GError         **error);
gboolean    ag_notifier_show_not_saved     (AgNotifier      *self,
                                            AgReminder      *reminder,
                                            const char      *reason,
                                            GError         **error);
void        ag_notifier_withdraw           (AgNotifier      *self,
                                            const char      *category);
guint       ag_notifier_lookup_id          (AgNotifier      *self,
                                            const char      *category);
void        ag_notifier_open_day           (AgNotifier      *self,
                                            const char      *day,
                                            const char      *activation_token);

G_END_DECLS
