/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminder-list.h: the list model of the reminders due from an instant, in time order. */

#pragma once

#include "ag-diff-list.h"
#include "ag-engine.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_REMINDER_LIST (ag_reminder_list_get_type ())

#define AG_REMINDER_LIST_DEFAULT_HORIZON_DAYS 14

G_DECLARE_FINAL_TYPE (AgReminderList, ag_reminder_list, AG, REMINDER_LIST, AgDiffList)

AgReminderList *ag_reminder_list_new          (AgStore          *store,
                                               AgProtocol       *protocol,
                                               GDateTime        *from);
void            ag_reminder_list_set_from     (AgReminderList   *self,
                                               GDateTime        *from);
GDateTime      *ag_reminder_list_get_from     (AgReminderList   *self);
void            ag_reminder_list_set_horizon_days (AgReminderList *self,
                                               guint             days);
void            ag_reminder_list_set_routine  (AgReminderList   *self,
                                               const AgRoutine  *routine);
void            ag_reminder_list_set_protocol (AgReminderList   *self,
                                               AgProtocol       *protocol);
gboolean        ag_reminder_list_reload       (AgReminderList   *self,
                                               GError          **error);

G_END_DECLS
