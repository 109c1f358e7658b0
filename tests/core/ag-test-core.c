/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-core.c: what the tests share: a store in a temporary folder, a manual clock, planning a series. */

#define G_LOG_DOMAIN "ag-test-core"

#include "config.h"

#include <glib/gstdio.h>

#include "ag-test-core.h"
#include "ag-user-protocol.h"

/**
 * ag_test_clock_at:
 *
 * Returns: (transfer full): a manual clock standing at the given time in Berlin
 */
AgClock *
ag_test_clock_at (int year,
                  int month,
                  int day,
                  int hour,
                  int minute,
                  int second)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = NULL;

  g_assert_nonnull (tz);
  now = g_date_time_new (tz, year, month, day, hour, minute, second);
  return ag_clock_new_manual (now);
}

/**
 * ag_test_make_tmp_dir:
 * @tmpl: a g_dir_make_tmp() template, such as "afterglow-plan-XXXXXX"
 *
 * Returns: (transfer full): the path of a new, empty folder
 */
char *
ag_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * ag_test_open_store:
 * @dir: a folder
 * @clock: the clock the store reads
 *
 * Opens afterglow.db in @dir and fails the test if it cannot.
 *
 * Returns: (transfer full): the store
 */
AgStore *
ag_test_open_store (const char *dir,
                    AgClock    *clock)
{
  g_autofree char *path = g_build_filename (dir, "afterglow.db", NULL);
  g_autoptr(GError) error = NULL;
  AgStore *store = ag_store_open (path, clock, &error);

  g_assert_no_error (error);
  return store;
}

/**
 * ag_test_load_protocol:
 *
 * Loads the default protocol and fails the test if it cannot.
 *
 * Returns: (transfer full): the protocol
 */
AgProtocol *
ag_test_load_protocol (void)
{
  g_autoptr(GError) error = NULL;
  AgProtocol *protocol = ag_protocol_load_default (&error);

  g_assert_no_error (error);
  return protocol;
}

/**
 * ag_test_read_user_protocol:
 *
 * Returns: (transfer full) (nullable): what the user's protocol file holds, or %NULL if
 *   it cannot be read
 */
char *
ag_test_read_user_protocol (void)
{
  g_autofree char *path = ag_user_protocol_dup_path ();
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

/**
 * ag_test_remove_store_files:
 * @dir: a folder ag_test_open_store() opened a store in
 *
 * Removes the database and its write-ahead log and shared-memory files.
 */
void
ag_test_remove_store_files (const char *dir)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("afterglow.db", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
}

/**
 * ag_test_remove_tree:
 * @path: a folder
 *
 * Removes what @path holds, folders too (without following links), then @path.
 *
 * Returns: what g_rmdir() returned for @path
 */
int
ag_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ag_test_remove_tree (child);
      else
        g_unlink (child);
    }

  return g_rmdir (path);
}

/**
 * ag_test_plan:
 * @store: a store
 * @treatment: a new treatment
 * @plan: its series
 * @min_interval_weeks: the fewest weeks the protocol allows between two sessions
 *
 * Plans @treatment with @plan in @store and fails the test if the store refuses.
 */
void
ag_test_plan (AgStore      *store,
              AgTreatment  *treatment,
              AgSeriesPlan *plan,
              guint         min_interval_weeks)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ag_store_plan_treatment (store, treatment, plan, min_interval_weeks, &error));
  g_assert_no_error (error);
}
