/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-service.c: the real afterglow-reminders program starts, stays and exits when it should. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ag-store.h"
#include "ag-test-notifications.h"

typedef struct
{
  char *data_home;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  fixture->data_home = g_dir_make_tmp ("afterglow-service-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_build_filename (fixture->data_home, "afterglow", NULL);
  fixture->path = g_build_filename (dir, "afterglow.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ag_test_remove_tree (fixture->data_home);
  g_free (fixture->data_home);
  g_free (fixture->path);
}

static GSubprocess *
spawn (Fixture            *fixture,
       GSubprocessFlags    flags,
       const char         *argument)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("AFTERGLOW_REMINDERS");
  GSubprocess *process;

  g_assert_nonnull (program);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->data_home, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, program, argument, NULL);
  g_assert_no_error (error);

  return process;
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Whether the process ended within @timeout_ms. */
static gboolean
wait_exit (GSubprocess *process,
           guint        timeout_ms)
{
  gboolean *done = g_new0 (gboolean, 1);
  gboolean result;

  if (g_object_get_data (G_OBJECT (process), "ag-waiting") == NULL)
    {
      g_object_set_data_full (G_OBJECT (process), "ag-waiting", done, g_free);
      g_subprocess_wait_async (process, NULL, waited_cb, done);
    }
  else
    {
      g_free (done);
      done = g_object_get_data (G_OBJECT (process), "ag-waiting");
    }

  result = ag_test_wait_until (flag_set, done, timeout_ms);
  return result;
}

static gboolean
name_owned (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *) data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* What the app does after it changed the plan. */
static void
activate_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (bus, REMINDERS_ID,
                                       "/io/github/afterglow/Afterglow/Reminders",
                                       "org.freedesktop.Application", "Activate",
                                       g_variant_new ("(a{sv})", NULL), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSubprocess) process = spawn (fixture, G_SUBPROCESS_FLAGS_STDOUT_PIPE, "--version");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "afterglow-reminders " PACKAGE_VERSION "\n");
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_no_data (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSubprocess) process = spawn (fixture, G_SUBPROCESS_FLAGS_NONE, NULL);
  gint64 started = g_get_monotonic_time ();

  /* No data yet: nothing to send, so it ends at once and creates nothing. */
  g_assert_true (wait_exit (process, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_empty_store (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  g_autoptr(AgStore) store = ag_store_open (fixture->path, clock, &error);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSubprocess) service = NULL;
  gint64 started;

  g_assert_no_error (error);

  /* A store without a plan: no future reminders, so it does not stay. */
  process = spawn (fixture, G_SUBPROCESS_FLAGS_NONE, NULL);
  g_assert_true (wait_exit (process, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* The same when the bus starts it: it ends as soon as the activation is handled. */
  service = spawn (fixture, G_SUBPROCESS_FLAGS_NONE, "--gapplication-service");
  g_assert_true (ag_test_wait_until (name_owned, (gpointer) REMINDERS_ID, 10000));
  started = g_get_monotonic_time ();
  activate_service ();
  g_assert_true (wait_exit (service, 10000));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (g_subprocess_get_exit_status (service), ==, 0);
}

static void
test_damaged_store (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char garbage[] = "These are not the droids you are looking for.\n";
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  gsize len;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, &error));
  g_assert_no_error (error);

  process = spawn (fixture, G_SUBPROCESS_FLAGS_STDERR_PIPE, NULL);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "Cannot open Afterglow’s data at"));

  /* Not one byte changed. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &len, &error));
  g_assert_cmpstr (after, ==, garbage);
}

static void
test_resident (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  g_autoptr(AgStore) store = ag_store_open (fixture->path, clock, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, 10);
  g_autoptr(AgSeriesPlan) series = ag_series_plan_new (first, 1, 4);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(GSubprocess) server = ag_test_server_start (AG_TEST_CAPS_ACTIONS);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSubprocess) second = NULL;

  g_assert_no_error (error);
  ag_series_plan_set_depth_mm (series, 1.0);
  g_assert_true (ag_store_plan_treatment (store, treatment, series, 4, &error));
  g_assert_no_error (error);

  /* A session in ten days: the service waits for its preparation reminders. */
  process = spawn (fixture, G_SUBPROCESS_FLAGS_NONE, NULL);
  g_assert_false (wait_exit (process, 1500));

  /* It is unique: a second start hands over to it and ends. */
  second = spawn (fixture, G_SUBPROCESS_FLAGS_NONE, NULL);
  g_assert_true (wait_exit (second, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  g_assert_false (wait_exit (process, 10));

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (wait_exit (process, 10000));
  g_clear_object (&store);
  ag_test_server_stop (g_steal_pointer (&server));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/service/version", Fixture, NULL,
              fixture_set_up, test_version, fixture_tear_down);
  g_test_add ("/service/no-data", Fixture, NULL,
              fixture_set_up, test_no_data, fixture_tear_down);
  g_test_add ("/service/empty-store", Fixture, NULL,
              fixture_set_up, test_empty_store, fixture_tear_down);
  g_test_add ("/service/damaged-store", Fixture, NULL,
              fixture_set_up, test_damaged_store, fixture_tear_down);
  g_test_add ("/service/resident", Fixture, NULL,
              fixture_set_up, test_resident, fixture_tear_down);

  return g_test_run ();
}
