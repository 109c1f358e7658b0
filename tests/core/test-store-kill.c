/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-kill.c: a tick the store confirmed survives the program being killed at any moment. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ag-error.h"
#include "ag-store-private.h"

#define N_TRIALS 200
#define MAX_DELAY_USEC (30 * 1000)
#define SERIES_LENGTH 4
#define DAY "2026-11-22"

static AgClock *
new_clock (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (berlin, 2026, 11, 22, 14, 30, 0);

  return ag_clock_new_manual (now);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

/*
 * The child: ticks items one after the other and reports each one on stdout only after
 * the store said it is saved. Every few ticks it also plans a whole series, which must
 * be saved entirely or not at all.
 */
static int
child_main (const char *path,
            const char *trial)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = ag_store_open (path, clock, &error);
  if (store == NULL)
    {
      g_printerr ("child %s: %s\n", trial, error->message);
      return 2;
    }

  for (guint i = 0; ; i++)
    {
      g_autofree char *line = g_strdup_printf (DAY "/kill-%s-%u/slot\n", trial, i);
      g_autofree char *key = g_strndup (line, strlen (line) - 1);

      if (!ag_store_set_item_done (store, key, DAY, TRUE, &error))
        {
          g_printerr ("child %s: %s\n", trial, error->message);
          return 3;
        }

      if (!write_all (STDOUT_FILENO, line, strlen (line)))
        return 4;

      if (i % 5 == 4)
        {
          g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
          g_autoptr(GDateTime) first = ag_clock_get_now (clock);
          g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (first, SERIES_LENGTH, 4);

          if (!ag_store_plan_treatment (store, treatment, plan, 4, &error))
            {
              g_printerr ("child %s: %s\n", trial, error->message);
              return 5;
            }
        }
    }

  return 0;
}

static guint
count_lines (GString *text)
{
  guint n = 0;

  for (gsize i = 0; i < text->len; i++)
    n += text->str[i] == '\n';

  return n;
}

/* Reads until @out holds @lines whole lines or the child's output ends. */
static void
read_lines (int      fd,
            GString *out,
            guint    lines)
{
  char buffer[4096];

  while (count_lines (out) < lines)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (out, buffer, n);
    }
}

static char *
read_all (int      fd,
          GString *out)
{
  char buffer[4096];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (out, buffer, n);
    }

  return g_string_free (out, FALSE);
}

static gint64
query_int (AgStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ag_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
assert_intact (const char *path,
               GPtrArray  *confirmed)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  store = ag_store_open (path, clock, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (ag_store_get_db (store), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < confirmed->len; i++)
    {
      const char *key = g_ptr_array_index (confirmed, i);

      if (!g_hash_table_contains (ticks, key))
        g_error ("The confirmed tick %s was lost", key);
    }

  /* A series is all there or not there at all. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM treatments t WHERE"
                              " (SELECT count(*) FROM sessions s WHERE s.treatment_id = t.id)"
                              " != " G_STRINGIFY (SERIES_LENGTH)), ==, 0);
}

static void
test_kill_keeps_confirmed_ticks (void)
{
  g_autofree char *path = ag_store_dup_default_path ();
  g_autofree char *self_exe = NULL;
  g_autoptr(GPtrArray) all_confirmed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_killed_before_any = 0;
  gint64 started = g_get_monotonic_time ();

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      g_autofree char *trial_text = g_strdup_printf ("%u", trial);
      const char *argv[] = { self_exe, "--child", path, trial_text, NULL };
      g_autoptr(GPtrArray) confirmed = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *output = NULL;
      g_auto(GStrv) lines = NULL;
      GString *output_so_far = NULL;
      GPid pid;
      int out_fd;
      int status;

      g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Anywhere from while it opens the file to deep in its loop. Waiting for a few
       * confirmations first keeps the trials meaningful however slow the machine is. */
      output_so_far = g_string_new (NULL);
      read_lines (out_fd, output_so_far, g_test_rand_int_range (0, 6));
      g_usleep (g_test_rand_int_range (0, MAX_DELAY_USEC));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      if (!WIFSIGNALED (status))
        g_error ("The child stopped by itself with status %d", WEXITSTATUS (status));

      output = read_all (out_fd, g_steal_pointer (&output_so_far));
      close (out_fd);

      /* Only whole lines were confirmed. */
      lines = g_strsplit (output, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          g_ptr_array_add (confirmed, g_strdup (lines[i]));
          g_ptr_array_add (all_confirmed, g_strdup (lines[i]));
        }

      if (confirmed->len == 0)
        n_killed_before_any++;

      assert_intact (path, confirmed);
    }

  assert_intact (path, all_confirmed);

  g_test_message ("%u trials, %u confirmed ticks, %u kills before the first, %.1f s",
                  N_TRIALS, all_confirmed->len, n_killed_before_any,
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
  g_assert_cmpuint (all_confirmed->len, >, N_TRIALS);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_strcmp0 (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/kill/confirmed-ticks-survive", test_kill_keeps_confirmed_ticks);

  return g_test_run ();
}
