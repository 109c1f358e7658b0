/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-application.c: the afterglow application: actions, settings and windows. */

#define G_LOG_DOMAIN "ag-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-application.h"
#include "ag-preferences-window.h"
#include "ag-window.h"

struct _AgApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AgApplication, ag_application, ADW_TYPE_APPLICATION)

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AgApplication *self = AG_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AgPreferencesWindow *preferences = ag_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Afterglow developers", NULL };
  AgApplication *self = AG_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Afterglow"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Afterglow developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan microneedling sessions and follow each day’s aftercare, "
                                      "with reminders that arrive on time."),
                        "website", "https://github.com/afterglow/afterglow",
                        "issue-url", "https://github.com/afterglow/afterglow/issues",
                        "copyright", _("© 2026 The Afterglow developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Medical Advice"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Afterglow helps you follow aftercare advice; it does not "
                                        "give medical advice. Your practitioner’s instructions "
                                        "always come first. If your skin gets worse instead of "
                                        "better, contact your clinic."));

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "preferences", preferences_action_cb },
  { "about", about_action_cb },
};

static int
ag_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("afterglow %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
ag_application_startup (GApplication *application)
{
  AgApplication *self = AG_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (ag_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
ag_application_activate (GApplication *application)
{
  AgApplication *self = AG_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ag_window_new (self));

  gtk_window_present (window);
}

static void
ag_application_dispose (GObject *object)
{
  AgApplication *self = (AgApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ag_application_parent_class)->dispose (object);
}

static void
ag_application_class_init (AgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ag_application_dispose;
  app_class->handle_local_options = ag_application_handle_local_options;
  app_class->startup = ag_application_startup;
  app_class->activate = ag_application_activate;
}

static void
ag_application_init (AgApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan microneedling sessions and follow each "
                                              "day’s aftercare."));
}

/**
 * ag_application_new:
 *
 * Returns: (transfer full): the Afterglow application
 */
AgApplication *
ag_application_new (void)
{
  return g_object_new (AG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * ag_application_get_settings:
 *
 * Returns: (transfer none): Afterglow's settings
 */
GSettings *
ag_application_get_settings (AgApplication *self)
{
  g_return_val_if_fail (AG_IS_APPLICATION (self), NULL);

  return self->settings;
}
