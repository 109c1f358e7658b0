/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminders-application.h: the headless service that sends Afterglow's reminders. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AG_TYPE_REMINDERS_APPLICATION (ag_reminders_application_get_type ())

G_DECLARE_FINAL_TYPE (AgRemindersApplication, ag_reminders_application, AG, REMINDERS_APPLICATION,
                      GApplication)

AgRemindersApplication *ag_reminders_application_new             (void);
int                     ag_reminders_application_get_exit_status (AgRemindersApplication *self);

G_END_DECLS
