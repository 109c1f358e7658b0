/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-notifier.c: shows reminders as desktop notifications and reports what the user pressed. */

#define G_LOG_DOMAIN "ag-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "ag-notifier.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define APP_OBJECT_PATH "/io/github/afterglow/Afterglow"

/* The one notification that lists missed reminders has a category of its own. */
#define MISSED_CATEGORY "missed"

struct _AgNotifier
{
  GObject parent_instance;

  /* owned */
  GHashTable *notifications;    /* category → NotifyNotification */
  GCancellable *cancellable;

  guint watch_id;
  guint n_shown;
  guint available : 1;
  guint has_actions : 1;
};

G_DEFINE_FINAL_TYPE (AgNotifier, ag_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_N_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_shown (AgNotifier         *self,
           NotifyNotification *notification,
           gboolean            shown)
{
  gboolean was_shown = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (notification), "ag-shown"));

  if (was_shown == shown)
    return;

  g_object_set_data (G_OBJECT (notification), "ag-shown", GINT_TO_POINTER (shown));
  if (shown)
    self->n_shown++;
  else
    self->n_shown--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
}

static void
activate_action_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GApplication) application = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not open Afterglow: %s", error->message);

  if (application != NULL)
    g_application_release (application);
}

static void
closed_cb (NotifyNotification *notification,
           AgNotifier         *self)
{
  set_shown (self, notification, FALSE);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  AgNotifier *self = AG_NOTIFIER (user_data);
  g_autoptr(AgNotifier) keep = g_object_ref (self);
  AgReminder *reminder = g_object_get_data (G_OBJECT (notification), "ag-reminder");
  const char *day = g_object_get_data (G_OBJECT (notification), "ag-day");

  g_debug ("Action “%s” on %s", action, reminder ? ag_reminder_get_key (reminder) : "summary");

  if (g_str_equal (action, "default") || g_str_equal (action, "open"))
    {
      ag_notifier_open_day (self, day, notify_notification_get_activation_token (notification));
      return;
    }

  if (reminder == NULL)
    return;

  /* The reminder may be replaced while the signal runs; keep this one alive. */
  g_object_ref (reminder);
  g_signal_emit (self, signals[ACTION], 0, reminder, action);
  g_object_unref (reminder);

  notify_notification_close (notification, NULL);
}

static void
read_capabilities (AgNotifier *self)
{
  GList *caps = notify_get_server_caps ();

  self->has_actions = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL;
  g_list_free_full (caps, g_free);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  AgNotifier *self = AG_NOTIFIER (user_data);

  read_capabilities (self);
  g_debug ("Notification server %s appeared (actions: %s)", owner,
           self->has_actions ? "yes" : "no");

  self->available = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  AgNotifier *self = AG_NOTIFIER (user_data);
  GHashTableIter iter;
  gpointer value;

  /* Whatever the old server showed went with it. */
  g_hash_table_iter_init (&iter, self->notifications);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    set_shown (self, value, FALSE);

  /* The scheduler warns, once, if a reminder has to wait for this. */
  g_debug ("%s", connection == NULL ? "No session bus" : "No notification server");

  if (self->available)
    {
      self->available = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
    }
}

static NotifyNotification *
ensure_notification (AgNotifier *self,
                     const char *category,
                     const char *summary,
                     const char *body)
{
  NotifyNotification *notification = g_hash_table_lookup (self->notifications, category);

  if (notification == NULL)
    {
      /* One notification per category, so a newer reminder replaces the older on screen. */
      notification = notify_notification_new (summary, body, APPLICATION_ID);
      g_signal_connect_object (notification, "closed", G_CALLBACK (closed_cb), self, 0);
      g_hash_table_insert (self->notifications, g_strdup (category), notification);
    }
  else
    {
      notify_notification_update (notification, summary, body, APPLICATION_ID);
    }

  notify_notification_clear_actions (notification);
  notify_notification_clear_hints (notification);
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);

  return notification;
}

static gboolean
show (AgNotifier         *self,
      NotifyNotification *notification,
      GError            **error)
{
  if (!notify_notification_show (notification, error))
    return FALSE;

  set_shown (self, notification, TRUE);
  return TRUE;
}

static void
ag_notifier_dispose (GObject *object)
{
  AgNotifier *self = AG_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->watch_id, g_bus_unwatch_name);
  if (self->notifications != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->notifications);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_signal_handlers_disconnect_by_data (value, self);
    }
  g_clear_pointer (&self->notifications, g_hash_table_unref);

  G_OBJECT_CLASS (ag_notifier_parent_class)->dispose (object);
}

static void
ag_notifier_finalize (GObject *object)
{
  AgNotifier *self = AG_NOTIFIER (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ag_notifier_parent_class)->finalize (object);
}

static void
ag_notifier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AgNotifier *self = AG_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_notifier_class_init (AgNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ag_notifier_dispose;
  object_class->finalize = ag_notifier_finalize;
  object_class->get_property = ag_notifier_get_property;

  /**
   * AgNotifier:available:
   *
   * Whether a notification server is running on the session bus.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AgNotifier:n-shown:
   *
   * How many notifications are on screen; their buttons need this process running.
   */
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgNotifier::action:
   * @self: the notifier
   * @reminder: the reminder whose button was pressed
   * @action: "done" or "snooze"
   *
   * The user pressed Done or Snooze on a reminder.
   */
  signals[ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  AG_TYPE_REMINDER, G_TYPE_STRING);
}

static void
ag_notifier_init (AgNotifier *self)
{
  self->notifications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * ag_notifier_new:
 *
 * Creates the notifier and starts watching for a notification server; #AgNotifier:available
 * turns %TRUE once one is there.
 *
 * Returns: (transfer full): a new notifier
 */
AgNotifier *
ag_notifier_new (void)
{
  AgNotifier *self = g_object_new (AG_TYPE_NOTIFIER, NULL);

  if (!notify_is_initted ())
    notify_init (_("Afterglow"));

  /* AUTO_START: a server that is only D-Bus activatable is started, like libnotify would. */
  self->watch_id = g_bus_watch_name (G_BUS_TYPE_SESSION, NOTIFICATIONS_NAME,
                                     G_BUS_NAME_WATCHER_FLAGS_AUTO_START,
                                     name_appeared_cb, name_vanished_cb, self, NULL);

  return self;
}

/**
 * ag_notifier_get_available:
 * @self: the notifier
 *
 * Returns: whether a notification server is running
 */
gboolean
ag_notifier_get_available (AgNotifier *self)
{
  g_return_val_if_fail (AG_IS_NOTIFIER (self), FALSE);

  return self->available;
}

/**
 * ag_notifier_get_has_actions:
 * @self: the notifier
 *
 * Returns: whether the server shows buttons on notifications
 */
gboolean
ag_notifier_get_has_actions (AgNotifier *self)
{
  g_return_val_if_fail (AG_IS_NOTIFIER (self), FALSE);

  return self->has_actions;
}

/**
 * ag_notifier_get_n_shown:
 * @self: the notifier
 *
 * Returns: how many notifications are on screen
 */
guint
ag_notifier_get_n_shown (AgNotifier *self)
{
  g_return_val_if_fail (AG_IS_NOTIFIER (self), 0);

  return self->n_shown;
}

/**
 * ag_notifier_show_reminder:
 * @self: the notifier
 * @reminder: the reminder
 * @flags: how to show it
 * @error: where a reason goes
 *
 * Shows @reminder, replacing what its category showed before. It offers Done when it is
 * a checklist step, and Snooze unless it is already the snoozed copy; without buttons on
 * the server, the body says how to tick the step in the app.
 *
 * Returns: %TRUE if the server took it
 */
gboolean
ag_notifier_show_reminder (AgNotifier       *self,
                           AgReminder       *reminder,
                           AgNotifierFlags   flags,
                           GError          **error)
{
  NotifyNotification *notification;
  g_autofree char *body = NULL;
  gboolean is_step;

  g_return_val_if_fail (AG_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (AG_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  is_step = ag_reminder_get_item_key (reminder) != NULL;

  if (is_step && !self->has_actions)
    body = g_strconcat (ag_reminder_get_body (reminder), "\n",
                        _("When you have done it, tick it in Afterglow’s list for the day."),
                        NULL);
  else
    body = g_strdup (ag_reminder_get_body (reminder));

  notification = ensure_notification (self, ag_reminder_get_category (reminder),
                                      ag_reminder_get_summary (reminder), body);
  g_object_set_data_full (G_OBJECT (notification), "ag-reminder",
                          g_object_ref (reminder), g_object_unref);
  g_object_set_data_full (G_OBJECT (notification), "ag-day",
                          g_strdup (ag_reminder_get_day (reminder)), g_free);

  if (self->has_actions)
    {
      if (is_step)
        notify_notification_add_action (notification, "done", _("Done"),
                                        action_cb, self, NULL);
      if (!(flags & AG_NOTIFIER_SNOOZED))
        notify_notification_add_action (notification, "snooze", _("Snooze"),
                                        action_cb, self, NULL);
      notify_notification_add_action (notification, "default", _("Open Afterglow"),
                                      action_cb, self, NULL);
    }

  return show (self, notification, error);
}

/**
 * ag_notifier_show_not_saved:
 * @self: the notifier
 * @reminder: the reminder whose Done or Snooze could not be saved
 * @reason: why, in words a patient can read
 * @error: where a reason goes if even this cannot be shown
 *
 * Says that pressing a button on @reminder did nothing, so the patient does not believe a
 * step is ticked when it is not. Opening it shows the day in Afterglow.
 *
 * Returns: %TRUE if the server took the notification
 */
gboolean
ag_notifier_show_not_saved (AgNotifier  *self,
                            AgReminder  *reminder,
                            const char  *reason,
                            GError     **error)
{
  NotifyNotification *notification;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (AG_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (AG_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  /* Translators: %s is a reminder's summary, such as "Sunscreen" */
  summary = g_strdup_printf (_("“%s” was not saved"), ag_reminder_get_summary (reminder));
  /* Translators: %s says why, such as "There is no space left on the disk…" */
  body = g_strdup_printf (_("%s Tick it in Afterglow once this is solved."), reason);

  notification = ensure_notification (self, "not-saved", summary, body);
  g_object_set_data (G_OBJECT (notification), "ag-reminder", NULL);
  g_object_set_data_full (G_OBJECT (notification), "ag-day",
                          g_strdup (ag_reminder_get_day (reminder)), g_free);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_CRITICAL);
  if (self->has_actions)
    notify_notification_add_action (notification, "default", _("Open Afterglow"),
                                    action_cb, self, NULL);

  return show (self, notification, error);
}

/**
 * ag_notifier_show_missed:
 * @self: the notifier
 * @reminders: (element-type AgReminder): what was missed, oldest first
 * @tz: the local zone
 * @now: the current time
 * @error: where a reason goes
 *
 * Shows one notification listing reminders whose time passed while they could not be
 * shown, with a button that opens the app on the day of the last one.
 *
 * Returns: %TRUE if the server took it
 */
gboolean
ag_notifier_show_missed (AgNotifier  *self,
                         GPtrArray   *reminders,
                         GTimeZone   *tz,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GDateTime) local_now = NULL;
  NotifyNotification *notification;
  AgReminder *last;

  g_return_val_if_fail (AG_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (reminders != NULL && reminders->len > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  local_now = g_date_time_to_timezone (now, tz);

  for (guint i = 0; i < reminders->len; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(GDateTime) due = g_date_time_to_timezone (ag_reminder_get_due (reminder), tz);
      g_autofree char *when = NULL;

      if (g_date_time_get_day_of_year (due) == g_date_time_get_day_of_year (local_now) &&
          g_date_time_get_year (due) == g_date_time_get_year (local_now))
        when = g_date_time_format (due, "%R");
      else
        /* Translators: when a missed reminder was due, "Mon 08:00"; see strftime(3) */
        when = g_date_time_format (due, C_("missed reminder", "%a %R"));

      /* Translators: one missed reminder, "08:00 Sunscreen" */
      g_string_append_printf (body, _("%s %s"), when, ag_reminder_get_summary (reminder));
      g_string_append_c (body, '\n');
    }
  g_string_append (body, _("Open Afterglow to see what is still to do."));

  last = g_ptr_array_index (reminders, reminders->len - 1);
  notification = ensure_notification (self, MISSED_CATEGORY, _("While you were away"),
                                      body->str);
  g_object_set_data (G_OBJECT (notification), "ag-reminder", NULL);
  g_object_set_data_full (G_OBJECT (notification), "ag-day",
                          g_strdup (ag_reminder_get_day (last)), g_free);

  if (self->has_actions)
    {
      notify_notification_add_action (notification, "open", _("Open Afterglow"),
                                      action_cb, self, NULL);
      notify_notification_add_action (notification, "default", _("Open Afterglow"),
                                      action_cb, self, NULL);
    }

  return show (self, notification, error);
}

/**
 * ag_notifier_withdraw:
 * @self: the notifier
 * @category: a reminder category
 *
 * Takes the category's notification off the screen, if it is there.
 */
void
ag_notifier_withdraw (AgNotifier *self,
                      const char *category)
{
  NotifyNotification *notification;

  g_return_if_fail (AG_IS_NOTIFIER (self));
  g_return_if_fail (category != NULL);

  notification = g_hash_table_lookup (self->notifications, category);
  if (notification != NULL && g_object_get_data (G_OBJECT (notification), "ag-shown"))
    notify_notification_close (notification, NULL);
}

/**
 * ag_notifier_lookup_id:
 * @self: the notifier
 * @category: a reminder category, or "missed" for the summary
 *
 * Returns: the server's id of the category's notification, 0 if none was shown
 */
guint
ag_notifier_lookup_id (AgNotifier *self,
                       const char *category)
{
  NotifyNotification *notification;
  int id = 0;

  g_return_val_if_fail (AG_IS_NOTIFIER (self), 0);

  notification = g_hash_table_lookup (self->notifications, category);
  if (notification != NULL)
    g_object_get (notification, "id", &id, NULL);

  return (guint) id;
}

/**
 * ag_notifier_open_day:
 * @self: the notifier
 * @day: (nullable): the day to show, "YYYY-MM-DD"; %NULL for today
 * @activation_token: (nullable): the token the server gave with the click
 *
 * Opens Afterglow on @day through its "show-day" action, starting it if needed.
 */
void
ag_notifier_open_day (AgNotifier *self,
                      const char *day,
                      const char *activation_token)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GApplication *application = g_application_get_default ();
  GVariantBuilder platform;
  GVariantBuilder parameters;

  g_return_if_fail (AG_IS_NOTIFIER (self));

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_warning ("Could not open Afterglow: %s", error->message);
      return;
    }

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (day != NULL)
    g_variant_builder_add (&parameters, "v", g_variant_new_string (day));

  g_variant_builder_init (&platform, G_VARIANT_TYPE_VARDICT);
  if (activation_token != NULL)
    {
      g_variant_builder_add (&platform, "{sv}", "activation-token",
                             g_variant_new_string (activation_token));
      g_variant_builder_add (&platform, "{sv}", "desktop-startup-id",
                             g_variant_new_string (activation_token));
    }

  /* Stay alive until the app has the request, even if nothing else is left to do. */
  if (application != NULL)
    g_application_hold (application);

  g_dbus_connection_call (bus, APPLICATION_ID, APP_OBJECT_PATH,
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(sava{sv})", "show-day", &parameters, &platform),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          activate_action_done_cb,
                          application != NULL ? g_object_ref (application) : NULL);
}
