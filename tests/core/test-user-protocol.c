/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-user-protocol.c: the user's changes to the protocol are kept, reloaded, reset, and never lost. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ag-error.h"
#include "ag-user-protocol.h"
#include "ag-test-core.h"

/* Each test gets an empty data folder: g_get_user_data_dir() reads XDG_DATA_HOME only once,
 * so the folder stays the same and the tests empty it instead. */
static char *data_home;

static void
empty_data_home (void)
{
  g_autofree char *folder = g_build_filename (data_home, "afterglow", NULL);

  g_chmod (folder, 0700);
  ag_test_remove_tree (folder);
}

static void
write_user_file (const char *contents)
{
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_path (void)
{
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *expected = g_build_filename (data_home, "afterglow", "protocol.ini", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_load_without_file_is_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgProtocol) standard = ag_protocol_load_default (NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  empty_data_home ();

  protocol = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  g_assert_nonnull (protocol);

  ours = ag_protocol_to_data (protocol, NULL);
  theirs = ag_protocol_to_data (standard, NULL);
  g_assert_cmpstr (ours, ==, theirs);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 1.0), ==, 48);

  /* Loading creates nothing. */
  g_assert_null (ag_test_read_user_protocol ());
}

static void
test_save_and_reload (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgProtocol) reloaded = NULL;
  g_autofree char *contents = NULL;
  const AgProtocolTask *task;

  empty_data_home ();

  protocol = ag_user_protocol_load (&error);
  g_assert_no_error (error);

  g_assert_true (ag_protocol_set_restriction_hours (protocol, "exercise", 1, 96, &error));
  g_assert_true (ag_protocol_set_task_days (protocol, "cleanse", 2, 10, &error));
  g_assert_true (ag_protocol_set_task_after_hours (protocol, "first-wash", 6, &error));
  g_assert_true (ag_protocol_set_task_repeat (protocol, "sunscreen", 9, 17, 3, &error));
  g_assert_true (ag_protocol_set_prep_days_before (protocol, "stop-actives", 7, &error));
  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_FACE, 6, &error));
  g_assert_no_error (error);

  g_assert_true (ag_user_protocol_save (protocol, &error));
  g_assert_no_error (error);

  /* Only the changed numbers are written, never a title in one language. */
  contents = ag_test_read_user_protocol ();
  g_assert_nonnull (contents);
  g_assert_nonnull (strstr (contents, "[Restriction exercise]\nHours=24;96;72;"));
  g_assert_nonnull (strstr (contents, "[Intervals]\nFace=6\n"));
  g_assert_null (strstr (contents, "Title"));
  g_assert_null (strstr (contents, "Restriction makeup"));
  g_assert_null (strstr (contents, "Neck"));

  reloaded = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (reloaded, "exercise", 0.3), ==, 24);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (reloaded, "exercise", 1.0), ==, 96);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (reloaded, "exercise", 2.0), ==, 72);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (reloaded, "makeup", 1.0), ==, 24);
  task = ag_protocol_find_task (reloaded, "cleanse");
  g_assert_cmpuint (task->first_day, ==, 2);
  g_assert_cmpuint (task->last_day, ==, 10);
  g_assert_cmpuint (ag_protocol_find_task (reloaded, "first-wash")->after_hours, ==, 6);
  task = ag_protocol_find_task (reloaded, "sunscreen");
  g_assert_cmpuint (task->repeat_from, ==, 9);
  g_assert_cmpuint (task->repeat_until, ==, 17);
  g_assert_cmpuint (task->repeat_every, ==, 3);
  g_assert_cmpuint (ag_protocol_find_prep (reloaded, "stop-actives")->days_before, ==, 7);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (reloaded, AG_AREA_FACE), ==, 6);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (reloaded, AG_AREA_SCALP), ==, 1);
  g_assert_cmpstr (ag_protocol_find_restriction (reloaded, "exercise")->title, ==,
                   "No workouts or sweating");
}

static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (NULL);
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  empty_data_home ();

  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_NECK, 8, &error));
  g_assert_true (ag_user_protocol_save (protocol, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Saving again replaces the file and keeps it private. */
  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_NECK, 9, &error));
  g_assert_true (ag_user_protocol_save (protocol, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
check_damaged (const char *contents,
               const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *after = NULL;

  empty_data_home ();
  write_user_file (contents);

  protocol = ag_user_protocol_load (&error);
  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, error->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));

  after = ag_test_read_user_protocol ();
  g_assert_cmpstr (after, ==, contents);
}

static void
test_damaged_file_is_reported_and_kept (void)
{
  check_damaged ("this is not a key file\n\x01\x02", "");
  check_damaged ("[Overrides]\nVersion=1\n[Restriction exercise]\nHours=24;48;\n",
                 "one value per needle-depth band");
  check_damaged ("[Overrides]\nVersion=1\n[Restriction exercise]\nHours=24;lots;72;\n",
                 "whole number");
  check_damaged ("[Overrides]\nVersion=1\n[Task cleanse]\nFirstDay=9\nLastDay=3\n",
                 "The value must be");
  check_damaged ("[Overrides]\nVersion=1\n[Task no-such-task]\nFirstDay=1\n",
                 "not part of this protocol");
  check_damaged ("[Overrides]\nVersion=1\n[Intervals]\nElbow=3\n", "Elbow");
  check_damaged ("[Overrides]\nVersion=1\n[Shell]\nCommand=rm\n", "[Shell]");
  check_damaged ("[Overrides]\nVersion=7\n", "format");
  check_damaged ("[Intervals]\nFace=5\n", "[Overrides]");
}

static void
test_damaged_file_is_set_aside_on_save (void)
{
  static const char damaged[] = "[Overrides]\nVersion=1\n[Intervals]\nFace=many\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (NULL);
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *kept = NULL;
  const char *name;

  empty_data_home ();
  write_user_file (damaged);

  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_FACE, 5, &error));
  g_assert_true (ag_user_protocol_save (protocol, &error));
  g_assert_no_error (error);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, "protocol.ini.damaged-"))
        {
          g_autofree char *kept_path = g_build_filename (dir, name, NULL);

          g_assert_true (g_file_get_contents (kept_path, &kept, NULL, NULL));
        }
    }

  g_assert_cmpstr (kept, ==, damaged);
  g_clear_object (&protocol);
  protocol = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (protocol, AG_AREA_FACE), ==, 5);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_reset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (NULL);
  g_autoptr(AgProtocol) standard = ag_protocol_load_default (NULL);
  g_autoptr(AgProtocol) reloaded = NULL;
  guint n_changed = 0;

  empty_data_home ();

  /* Nothing to reset is not an error. */
  g_assert_true (ag_user_protocol_reset (&error));
  g_assert_no_error (error);

  g_assert_true (ag_protocol_set_restriction_hours (protocol, "sauna", 2, 200, &error));
  g_assert_true (ag_protocol_set_task_days (protocol, "hydrate", 0, 9, &error));
  g_assert_true (ag_protocol_set_task_repeat (protocol, "sunscreen", 8, 20, 4, &error));
  g_assert_true (ag_user_protocol_save (protocol, &error));
  g_assert_no_error (error);

  g_assert_true (ag_user_protocol_reset (&error));
  g_assert_no_error (error);
  g_assert_null (ag_test_read_user_protocol ());

  reloaded = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (reloaded, "sauna", 2.0), ==, 168);
  g_assert_cmpuint (ag_protocol_find_task (reloaded, "hydrate")->last_day, ==, 3);

  /* The protocol already on screen takes the default values and says so. */
  g_signal_connect_swapped (protocol, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_true (ag_user_protocol_copy_values (protocol, standard, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "sauna", 2.0), ==, 168);
  g_assert_cmpuint (ag_protocol_find_task (protocol, "hydrate")->last_day, ==, 3);
  g_assert_cmpuint (ag_protocol_find_task (protocol, "sunscreen")->repeat_every, ==, 2);
}

static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (NULL);
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to read-only folders");
      return;
    }

  empty_data_home ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_BODY, 6, &error));
  g_assert_false (ag_user_protocol_save (protocol, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "was not saved"));

  g_chmod (dir, 0700);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = ag_test_make_tmp_dir ("afterglow-user-protocol-XXXXXX");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/user-protocol/path", test_path);
  g_test_add_func ("/user-protocol/load/no-file-is-default", test_load_without_file_is_default);
  g_test_add_func ("/user-protocol/save/reload", test_save_and_reload);
  g_test_add_func ("/user-protocol/save/permissions", test_permissions);
  g_test_add_func ("/user-protocol/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/user-protocol/damaged/reported-and-kept", test_damaged_file_is_reported_and_kept);
  g_test_add_func ("/user-protocol/damaged/set-aside-on-save", test_damaged_file_is_set_aside_on_save);
  g_test_add_func ("/user-protocol/reset", test_reset);

  status = g_test_run ();

  ag_test_remove_tree (data_home);
  g_free (data_home);

  return status;
}
