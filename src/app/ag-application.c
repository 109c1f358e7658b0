/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-application.c: the afterglow application: actions, settings, the store and windows. */

#define G_LOG_DOMAIN "ag-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-application.h"
#include "ag-preferences-window.h"
#include "ag-user-protocol.h"
#include "ag-window.h"

struct _AgApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings *settings;
  AgClock *clock;
  AgStore *store;
  GError *store_error;
  AgProtocol *protocol;
  char *protocol_warning;
};

G_DEFINE_FINAL_TYPE (AgApplication, ag_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AgWindow *
present_main_window (AgApplication *self)
{
  GtkWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (AG_IS_WINDOW (l->data))
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (ag_window_new (self));
      if (self->protocol_warning != NULL)
        ag_window_add_toast (AG_WINDOW (window), adw_toast_new (self->protocol_warning));
    }

  gtk_window_present (window);

  return AG_WINDOW (window);
}

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
  AgPreferencesWindow *preferences;

  preferences = ag_preferences_window_new (parent, self->settings, self->protocol);
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

/* The reminders service shows the notifications that open this action, with the day as
 * "YYYY-MM-DD". */
static void
show_day_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AgApplication *self = AG_APPLICATION (user_data);
  AgWindow *window = present_main_window (self);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-day", parameter);
}

static void
new_plan_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AgWindow *window = present_main_window (AG_APPLICATION (user_data));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "new-plan", new_plan_action_cb },
  { "preferences", preferences_action_cb },
  { "about", about_action_cb },
  { "show-day", show_day_action_cb, "s" },
};

static void
reminders_activated_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_debug ("Could not start the reminders service: %s", error->message);
}

/* The service keeps itself up to date through the store, but it is not running when the
 * plan had no reminders left; activating it over D-Bus starts it if needed. */
static void
poke_reminders (AgApplication *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));

  if (bus == NULL)
    return;

  g_dbus_connection_call (bus, REMINDERS_ID, "/io/github/afterglow/Afterglow/Reminders",
                          "org.freedesktop.Application", "Activate",
                          g_variant_new ("(a{sv})", NULL),
                          NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          reminders_activated_cb, NULL);
}

static void
store_changed_cb (AgApplication *self,
                  AgStoreChange  changes,
                  AgStore       *store)
{
  /* Only this program's own changes to the plan: AG_STORE_CHANGE_ALL is another program's
   * write, most often the service's own record of a delivery. */
  if (changes != AG_STORE_CHANGE_ALL &&
      (changes & (AG_STORE_CHANGE_SESSIONS | AG_STORE_CHANGE_TREATMENTS)))
    poke_reminders (self);
}

/* A reminder kind switched back on, other routine times or changed aftercare values may give
 * a service that had nothing left to send (and so quit) something to send again. */
static void
reminder_inputs_changed_cb (AgApplication *self)
{
  poke_reminders (self);
}

static void
settings_changed_cb (AgApplication *self,
                     const char    *key,
                     GSettings     *settings)
{
  /* The window's size is the window's business. */
  if (!g_str_has_prefix (key, "window-"))
    poke_reminders (self);
}

/* @opening: (transfer full) (nullable): the store being opened already, or %NULL to open it
 * now */
static void
open_store (AgApplication  *self,
            AgStoreOpening *opening)
{
  g_clear_error (&self->store_error);
  if (opening != NULL)
    {
      self->store = ag_store_opening_finish (opening, &self->store_error);
    }
  else
    {
      g_autofree char *path = ag_store_dup_default_path ();

      self->store = ag_store_open (path, self->clock, &self->store_error);
    }
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* A treatment deleted in an earlier run can no longer be undone: remove it for good. */
      if (!ag_store_purge_deleted_treatments (self->store, &error))
        g_warning ("Could not remove deleted treatments for good: %s", error->message);
    }
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
load_protocol (AgApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->protocol = ag_user_protocol_load (&error);
  if (self->protocol != NULL)
    return;

  /* The user's own values are damaged: say so, and use the standard ones meanwhile. */
  self->protocol_warning = g_strdup_printf (_("Your changed aftercare values could not be read, "
                                              "so the standard ones are used. %s"),
                                            error->message);
  g_clear_error (&error);
  self->protocol = ag_protocol_load_default (&error);
  if (self->protocol == NULL)
    g_error ("The default aftercare protocol is missing or damaged: %s. "
             "Reinstalling Afterglow should fix this.", error->message);
}

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
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  g_autofree char *path = ag_store_dup_default_path ();
  AgStoreOpening *opening;

  if (self->clock == NULL)
    self->clock = ag_clock_new_system ();

  /* Opening reads and checks the whole file: it happens while GTK starts. */
  opening = ag_store_opening_start (path, self->clock);
  G_APPLICATION_CLASS (ag_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);
  load_protocol (self);
  open_store (self, opening);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->protocol, "changed",
                           G_CALLBACK (reminder_inputs_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
ag_application_activate (GApplication *application)
{
  present_main_window (AG_APPLICATION (application));
}

static void
ag_application_dispose (GObject *object)
{
  AgApplication *self = (AgApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->protocol);
  g_clear_object (&self->clock);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->protocol_warning, g_free);

  G_OBJECT_CLASS (ag_application_parent_class)->dispose (object);
}

static void
ag_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AgApplication *self = AG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AgApplication *self = AG_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_application_class_init (AgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ag_application_dispose;
  object_class->get_property = ag_application_get_property;
  object_class->set_property = ag_application_set_property;
  app_class->handle_local_options = ag_application_handle_local_options;
  app_class->startup = ag_application_startup;
  app_class->activate = ag_application_activate;

  /**
   * AgApplication:clock:
   *
   * The clock everything asks for the time; the system clock unless a test sets another.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, AG_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
 * Returns: (transfer full): the Afterglow application, on the system clock
 */
AgApplication *
ag_application_new (void)
{
  return ag_application_new_with_clock (NULL);
}

/**
 * ag_application_new_with_clock:
 * @clock: (nullable): the clock to use, or %NULL for the system clock
 *
 * Returns: (transfer full): the Afterglow application
 */
AgApplication *
ag_application_new_with_clock (AgClock *clock)
{
  return g_object_new (AG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       "clock", clock,
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

/**
 * ag_application_get_clock:
 *
 * Returns: (transfer none): the clock
 */
AgClock *
ag_application_get_clock (AgApplication *self)
{
  g_return_val_if_fail (AG_IS_APPLICATION (self), NULL);

  return self->clock;
}

/**
 * ag_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store, or %NULL if it could not be opened
 */
AgStore *
ag_application_get_store (AgApplication *self)
{
  g_return_val_if_fail (AG_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * ag_application_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the store could not be opened
 */
const GError *
ag_application_get_store_error (AgApplication *self)
{
  g_return_val_if_fail (AG_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * ag_application_get_protocol:
 *
 * Returns: (transfer none): the aftercare protocol with the user's own values
 */
AgProtocol *
ag_application_get_protocol (AgApplication *self)
{
  g_return_val_if_fail (AG_IS_APPLICATION (self), NULL);

  return self->protocol;
}

/**
 * ag_application_start_fresh:
 * @kept_as: (out) (optional): where the unreadable file was kept
 *
 * Keeps the store file that could not be opened under a new name and starts an empty one.
 * Nothing is deleted.
 *
 * Returns: %TRUE if the new store is open
 */
gboolean
ag_application_start_fresh (AgApplication  *self,
                            char          **kept_as,
                            GError        **error)
{
  g_autofree char *path = ag_store_dup_default_path ();

  g_return_val_if_fail (AG_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  if (!ag_store_move_aside (path, self->clock, kept_as, error))
    return FALSE;

  open_store (self, NULL);
  if (self->store == NULL)
    {
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }

  return TRUE;
}
