/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminders-application.c: the headless service that sends Afterglow's reminders. */

#define G_LOG_DOMAIN "ag-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-reminders-application.h"

struct _AgRemindersApplication
{
  GApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AgRemindersApplication, ag_reminders_application, G_TYPE_APPLICATION)

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
ag_reminders_application_activate (GApplication *application)
{
  /* There is no plan with future reminders yet, so there is nothing to stay resident for. */
  g_debug ("No treatment plan has reminders to send");
}

static void
ag_reminders_application_class_init (AgRemindersApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = ag_reminders_application_handle_local_options;
  app_class->activate = ag_reminders_application_activate;
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
