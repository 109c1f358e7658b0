/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminders-application.c: the headless service that sends Afterglow's reminders. */

#define G_LOG_DOMAIN "ag-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-notifier.h"
#include "ag-reminder-scheduler.h"
#include "ag-reminders-application.h"
#include "ag-user-protocol.h"

struct _AgRemindersApplication
{
  GApplication parent_instance;

  /* owned */
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  GSettings *settings;
  AgNotifier *notifier;
  AgReminderScheduler *scheduler;
  GFileMonitor *protocol_monitor;

  int exit_status;
  guint held : 1;
};

G_DEFINE_FINAL_TYPE (AgRemindersApplication, ag_reminders_application, G_TYPE_APPLICATION)

/* The user's own values when they are readable, otherwise the standard protocol: a damaged
 * file of overrides must not silence the reminders. */
static AgProtocol *
load_protocol (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  AgProtocol *protocol = ag_user_protocol_load (&local_error);

  if (protocol != NULL)
    return protocol;

  g_warning ("%s", local_error->message);
  return ag_protocol_load_default (error);
}

static void
user_protocol_changed_cb (AgRemindersApplication *self,
                          GFile                  *file,
                          GFile                  *other_file,
                          GFileMonitorEvent       event,
                          GFileMonitor           *monitor)
{
  g_autoptr(AgProtocol) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_DELETED && event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  fresh = load_protocol (&error);
  if (fresh == NULL || !ag_user_protocol_copy_values (self->protocol, fresh, &error))
    g_warning ("Could not follow the changed aftercare values: %s", error->message);
}

/* The app saves the user's values with an atomic rename; watching the file follows it. */
static void
watch_user_protocol (AgRemindersApplication *self)
{
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  self->protocol_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->protocol_monitor == NULL)
    {
      g_debug ("Not following changes to %s: %s", path, error->message);
      return;
    }

  g_signal_connect_object (self->protocol_monitor, "changed",
                           G_CALLBACK (user_protocol_changed_cb), self, G_CONNECT_SWAPPED);
}

static gboolean
start_at_login_allowed (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  return g_settings_get_boolean (settings, "start-reminders-at-login");
}

static int
ag_reminders_application_handle_local_options (GApplication *application,
                                               GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("afterglow-reminders %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* The autostart entry runs at every login; the user may have turned that off. */
  if (g_variant_dict_contains (options, "autostart") && !start_at_login_allowed ())
    {
      g_debug ("Starting reminders at login is turned off");
      return 0;
    }

  return -1;
}

static void
scheduler_busy_cb (AgRemindersApplication *self,
                   GParamSpec             *pspec,
                   AgReminderScheduler    *scheduler)
{
  gboolean busy = ag_reminder_scheduler_get_busy (scheduler);

  /* Resident while something is to come; the process ends when nothing is. */
  if (busy && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!busy && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = busy;

  g_debug ("%s", busy ? "Waiting for the next reminder" : "No more reminders to wait for");
}

static gboolean
open_everything (AgRemindersApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ag_store_dup_default_path ();

  /* No file means no plan yet: nothing to send, and nothing to create. The app starts
   * this service again when it saves a plan. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_debug ("No data at %s yet: no reminders to send", path);
      return FALSE;
    }

  self->clock = ag_clock_new_system ();
  self->store = ag_store_open (path, self->clock, &error);
  if (self->store == NULL)
    {
      g_warning ("Cannot open Afterglow’s data at %s, so no reminders are sent: %s",
                 path, error->message);
      self->exit_status = 1;
      return FALSE;
    }

  self->protocol = load_protocol (&error);
  if (self->protocol == NULL)
    {
      g_warning ("Cannot read the aftercare protocol, so no reminders are sent: %s",
                 error->message);
      self->exit_status = 1;
      return FALSE;
    }
  watch_user_protocol (self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->notifier = ag_notifier_new ();
  self->scheduler = ag_reminder_scheduler_new (self->store, self->protocol, self->settings,
                                               self->notifier);
  g_signal_connect_object (self->scheduler, "notify::busy", G_CALLBACK (scheduler_busy_cb),
                           self, G_CONNECT_SWAPPED);

  return TRUE;
}

static void
ag_reminders_application_startup (GApplication *application)
{
  AgRemindersApplication *self = AG_REMINDERS_APPLICATION (application);

  G_APPLICATION_CLASS (ag_reminders_application_parent_class)->startup (application);

  /* Both a plain start and D-Bus activation (--gapplication-service) come through here. */
  if (open_everything (self))
    ag_reminder_scheduler_start (self->scheduler);
}

static gboolean
quit_if_idle_cb (gpointer user_data)
{
  AgRemindersApplication *self = AG_REMINDERS_APPLICATION (user_data);

  if (!self->held)
    g_application_quit (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
ag_reminders_application_activate (GApplication *application)
{
  AgRemindersApplication *self = AG_REMINDERS_APPLICATION (application);

  /* The app activates the service after it changed the plan: look again. */
  if (self->scheduler != NULL)
    ag_reminder_scheduler_process (self->scheduler);

  /* Started by the bus with nothing to wait for: end once the activation is answered,
   * rather than after GApplication's ten-second service grace. */
  if (!self->held)
    g_idle_add_full (G_PRIORITY_LOW, quit_if_idle_cb, g_object_ref (self), g_object_unref);
}

static void
ag_reminders_application_shutdown (GApplication *application)
{
  AgRemindersApplication *self = AG_REMINDERS_APPLICATION (application);

  g_clear_object (&self->scheduler);
  if (self->protocol_monitor != NULL)
    g_file_monitor_cancel (self->protocol_monitor);
  g_clear_object (&self->protocol_monitor);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->protocol);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);

  G_APPLICATION_CLASS (ag_reminders_application_parent_class)->shutdown (application);
}

static void
ag_reminders_application_class_init (AgRemindersApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = ag_reminders_application_handle_local_options;
  app_class->startup = ag_reminders_application_startup;
  app_class->activate = ag_reminders_application_activate;
  app_class->shutdown = ag_reminders_application_shutdown;
}

static void
ag_reminders_application_init (AgRemindersApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { "autostart", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Start only if reminders are set to start at login"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Sends Afterglow’s aftercare reminders, even "
                                              "when the window is closed."));
}

/**
 * ag_reminders_application_new:
 *
 * Returns: (transfer full): the reminders service
 */
AgRemindersApplication *
ag_reminders_application_new (void)
{
  return g_object_new (AG_TYPE_REMINDERS_APPLICATION,
                       "application-id", REMINDERS_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * ag_reminders_application_get_exit_status:
 * @self: the service
 *
 * Returns: 0, or 1 if the data or the protocol could not be opened
 */
int
ag_reminders_application_get_exit_status (AgRemindersApplication *self)
{
  g_return_val_if_fail (AG_IS_REMINDERS_APPLICATION (self), 1);

  return self->exit_status;
}
