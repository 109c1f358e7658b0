/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminder.h: one notification the reminders service shows at a given instant. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AG_TYPE_REMINDER (ag_reminder_get_type ())

G_DECLARE_FINAL_TYPE (AgReminder, ag_reminder, AG, REMINDER, GObject)

AgReminder *ag_reminder_new          (const char *key,
                                      const char *category,
                                      GDateTime  *due,
                                      const char *summary,
                                      const char *body,
                                      const char *item_key,
                                      const GDate *day);
const char *ag_reminder_get_key      (AgReminder *self);
const char *ag_reminder_get_category (AgReminder *self);
GDateTime  *ag_reminder_get_due      (AgReminder *self);
const char *ag_reminder_get_summary  (AgReminder *self);
const char *ag_reminder_get_body     (AgReminder *self);
const char *ag_reminder_get_item_key (AgReminder *self);
const char *ag_reminder_get_day      (AgReminder *self);
const GDate *ag_reminder_get_date    (AgReminder *self);

G_END_DECLS
