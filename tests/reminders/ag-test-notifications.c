/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-notifications.c: a real notification server (python-dbusmock) for the reminders tests. */

#define G_LOG_DOMAIN "ag-test"

#include "config.h"

#include <glib/gstdio.h>

#include "ag-test-notifications.h"

#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"
#define MOCK_IFACE "org.freedesktop.DBus.Mock"

static char *allowed_domain;
static guint n_allowed;

static GDBusConnection *
bus (void)
{
  static GDBusConnection *connection;
  g_autoptr(GError) error = NULL;

  if (connection == NULL)
    connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static gboolean
name_has_owner (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus (), "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", NOTIFICATIONS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner == GPOINTER_TO_INT (data);
}

/**
 * ag_test_server_start:
 * @capabilities: what the server says it can do, e.g. %AG_TEST_CAPS_ACTIONS
 *
 * Starts python-dbusmock's notification daemon on the test's session bus and waits until
 * it owns org.freedesktop.Notifications.
 *
 * Returns: (transfer full): the server process
 */
GSubprocess *
ag_test_server_start (const char *capabilities)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = g_strdup_printf ("{\"capabilities\": \"%s\"}", capabilities);
  GSubprocess *server;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                             "/usr/bin/python3", "-m", "dbusmock",
                             "--template", "notification_daemon", "-p", parameters, NULL);
  g_assert_no_error (error);
  g_assert_true (ag_test_wait_until (name_has_owner, GINT_TO_POINTER (TRUE), 20000));

  return server;
}

/**
 * ag_test_server_stop:
 * @server: (transfer full): the server
 *
 * Stops the server and waits until its name is gone.
 */
void
ag_test_server_stop (GSubprocess *server)
{
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_object_unref (server);
  g_assert_true (ag_test_wait_until (name_has_owner, GINT_TO_POINTER (FALSE), 10000));
  /* Let the watchers in this process hear it too. */
  ag_test_drain ();
}

/**
 * ag_test_server_take_calls:
 * @method: the method name, e.g. "Notify"
 *
 * Returns: (transfer full) (element-type GVariant): the arguments of each call of @method
 *   since the last take, oldest first; the server then forgets all calls
 */
GPtrArray *
ag_test_server_take_calls (const char *method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) calls = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  GVariant *args;
  guint64 timestamp;

  reply = g_dbus_connection_call_sync (bus (), NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                       MOCK_IFACE, "GetMethodCalls", g_variant_new ("(s)", method),
                                       G_VARIANT_TYPE ("(a(tav))"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);

  g_variant_get (reply, "(a(tav))", &calls);
  while (g_variant_iter_next (calls, "(t@av)", &timestamp, &args))
    g_ptr_array_add (result, args);

  g_variant_unref (g_dbus_connection_call_sync (bus (), NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                                MOCK_IFACE, "ClearCalls", NULL, NULL,
                                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error));
  g_assert_no_error (error);

  return result;
}

static GVariant *
arg (GVariant *args,
     gsize     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);

  return g_variant_get_variant (boxed);
}

/**
 * ag_test_describe_notify:
 * @args: the arguments of a Notify call
 *
 * Returns: (transfer full): "app | summary | body | actions | desktop-entry", with the
 *   actions as "key=Label" separated by commas
 */
char *
ag_test_describe_notify (GVariant *args)
{
  g_autoptr(GVariant) app = arg (args, 0);
  g_autoptr(GVariant) summary = arg (args, 3);
  g_autoptr(GVariant) body = arg (args, 4);
  g_autoptr(GVariant) actions = arg (args, 5);
  g_autoptr(GVariant) hints = arg (args, 6);
  g_autoptr(GVariant) entry = NULL;
  g_autoptr(GString) described = g_string_new (NULL);
  g_autofree const char **strv = NULL;
  gsize n = 0;

  g_string_append_printf (described, "%s | %s | %s |", g_variant_get_string (app, NULL),
                          g_variant_get_string (summary, NULL), g_variant_get_string (body, NULL));

  strv = g_variant_get_strv (actions, &n);
  for (gsize i = 0; i + 1 < n; i += 2)
    g_string_append_printf (described, "%s%s=%s", i == 0 ? " " : ",", strv[i], strv[i + 1]);

  entry = g_variant_lookup_value (hints, "desktop-entry", G_VARIANT_TYPE_STRING);
  g_string_append_printf (described, " | %s", entry ? g_variant_get_string (entry, NULL) : "-");

  return g_string_free (g_steal_pointer (&described), FALSE);
}

static void
emit (const char *signal,
      GVariant   *args)
{
  g_autoptr(GError) error = NULL;

  g_variant_unref (g_dbus_connection_call_sync (bus (), NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                                MOCK_IFACE, "EmitSignal",
                                                g_variant_new ("(sss@av)", NOTIFICATIONS_NAME,
                                                               signal, signal[0] == 'A' ? "us" : "uu",
                                                               args),
                                                NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error));
  g_assert_no_error (error);
}

/**
 * ag_test_server_invoke:
 * @id: the notification
 * @action: the action key, as a click on its button would send it
 */
void
ag_test_server_invoke (guint32     id,
                       const char *action)
{
  GVariant *args[] = { g_variant_new_variant (g_variant_new_uint32 (id)),
                       g_variant_new_variant (g_variant_new_string (action)) };

  emit ("ActionInvoked", g_variant_new_array (G_VARIANT_TYPE_VARIANT, args, 2));
}

/**
 * ag_test_server_close:
 * @id: the notification
 *
 * Dismisses a notification, as the user would.
 */
void
ag_test_server_close (guint32 id)
{
  GVariant *args[] = { g_variant_new_variant (g_variant_new_uint32 (id)),
                       g_variant_new_variant (g_variant_new_uint32 (2)) };

  emit ("NotificationClosed", g_variant_new_array (G_VARIANT_TYPE_VARIANT, args, 2));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * ag_test_wait_until:
 * @condition: checked after each main-loop iteration
 * @data: passed to @condition
 * @timeout_ms: how long to wait at most
 *
 * Returns: whether @condition became true in time
 */
gboolean
ag_test_wait_until (AgTestCondition  condition,
                    gpointer         data,
                    guint            timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  gboolean met;

  while (!(met = condition (data)) && !timed_out)
    {
      /* Poll gently: the server is another process. */
      g_autoptr(GSource) tick = g_timeout_source_new (10);

      g_source_set_callback (tick, timeout_cb, &(gboolean){ FALSE }, NULL);
      g_source_attach (tick, NULL);
      g_main_context_iteration (NULL, TRUE);
      g_source_destroy (tick);
    }

  if (!timed_out)
    g_source_remove (id);

  return met;
}

static gboolean
false_cb (gpointer data)
{
  return FALSE;
}

/**
 * ag_test_drain:
 *
 * Runs the main loop for a moment, until what the bus and idles had queued is handled.
 */
void
ag_test_drain (void)
{
  ag_test_wait_until (false_cb, NULL, 150);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * ag_test_remove_tree:
 * @path: a folder with files only
 */
void
ag_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ag_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
count_warning_cb (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        user_data)
{
  g_test_message ("expected warning: %s", message);
  n_allowed++;
}

/**
 * ag_test_allow_warnings:
 * @domain: (nullable): the log domain whose warnings are expected, %NULL for none
 *
 * Makes warnings from @domain non-fatal and counts them; other warnings stay fatal.
 *
 * Returns: how many were logged since the last call
 */
guint
ag_test_allow_warnings (const char *domain)
{
  static guint handler_id;
  guint n = n_allowed;

  if (handler_id != 0)
    g_log_remove_handler (allowed_domain, handler_id);
  handler_id = 0;
  g_clear_pointer (&allowed_domain, g_free);
  n_allowed = 0;

  if (domain != NULL)
    {
      /* Fatal messages print "Bail out!" before any handler could forgive them. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      allowed_domain = g_strdup (domain);
      handler_id = g_log_set_handler (domain, G_LOG_LEVEL_WARNING, count_warning_cb, NULL);
    }
  else
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
    }

  return n;
}
