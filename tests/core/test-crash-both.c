/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash-both.c: the app and the reminders service write one store; either may be killed. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>

#include "ag-error.h"
#include "ag-store-private.h"

/* AFTERGLOW_CRASH_TRIALS shortens the run under valgrind (build-aux/reliability). */
#define N_TRIALS_DEFAULT 200
#define MAX_DELAY_USEC (25 * 1000)
#define N_SHARED_KEYS 100000
#define DAY "2026-11-22"

/*
 * Each child writes one line per write on stdout: "try …" just before the call and
 * "ack …" only after it returned success. The parent then checks every "ack" against the
 * file, and allows the one "try" without an "ack" (the write in flight) either way.
 *
 *   ack tick <key>              the item is ticked
 *   ack claim <key>             record_delivery() returned TRUE: this process shows it
 *   ack dup <key>               record_delivery() returned FALSE without an error
 *   try move <usec> / ack move <usec>     the session starts at <usec>
 *   try notes <text> / ack notes <text>   the session's notes are <text>
 */

static AgClock *
new_clock (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (berlin, 2026, 11, 22, 14, 30, 0);

  return ag_clock_new_manual (now);
}

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  const char *data;
  gsize length;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  data = line;
  length = strlen (line);
  while (length > 0)
    {
      gssize n = write (STDOUT_FILENO, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        _exit (4);
      data += n;
      length -= n;
    }
}

/* The parent closes our stdin to ask us to stop between two writes. */
static gboolean
asked_to_stop (void)
{
  char byte;
  gssize n = read (STDIN_FILENO, &byte, 1);

  return n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR);
}

static void
fail_child (const char *who,
            GError     *error)
{
  g_printerr ("%s: %s\n", who, error->message);
  exit (3);
}

/* Both programs claim reminders from one shared list, in order, as both would when a
 * reminder falls due while the window is open. */
static void
claim_shared (AgStore       *store,
              guint         *next_shared,
              AgDeliveryHow  how,
              const char    *who)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("shared-%u", (*next_shared)++);

  say ("try claim %s\n", key);
  if (ag_store_record_delivery (store, key, how, &error))
    say ("ack claim %s\n", key);
  else if (error == NULL)
    say ("ack dup %s\n", key);
  else
    fail_child (who, error);
}

static int
app_main (const char *path,
          const char *trial)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) base = NULL;
  gint64 session_id;
  guint next_shared = 0;

  store = ag_store_open (path, clock, &error);
  if (store == NULL)
    fail_child ("app", error);

  treatments = ag_store_list_treatments (store, &error);
  if (treatments == NULL)
    fail_child ("app", error);
  g_assert_cmpuint (treatments->len, ==, 1);
  sessions = ag_store_list_sessions (store,
                                     ag_treatment_get_id (g_ptr_array_index (treatments, 0)),
                                     &error);
  if (sessions == NULL)
    fail_child ("app", error);
  session_id = ag_session_get_id (g_ptr_array_index (sessions, 0));
  base = g_date_time_ref (ag_session_get_start (g_ptr_array_index (sessions, 0)));
  say ("ready app\n");

  for (guint i = 0; !asked_to_stop (); i++)
    {
      g_autofree char *key = g_strdup_printf (DAY "/app-%s-%u/evening", trial, i);

      say ("try tick %s\n", key);
      if (!ag_store_set_item_done (store, key, DAY, TRUE, &error))
        fail_child ("app", error);
      say ("ack tick %s\n", key);

      if (i % 3 == 1)
        {
          g_autoptr(GDateTime) start = g_date_time_add_minutes (base, (int)(i % 500) + 1);
          gint64 usec = g_date_time_to_unix (start) * G_USEC_PER_SEC;

          say ("try move %" G_GINT64_FORMAT "\n", usec);
          if (!ag_store_move_session (store, session_id, start, FALSE, &error))
            fail_child ("app", error);
          say ("ack move %" G_GINT64_FORMAT "\n", usec);
        }
      else if (i % 3 == 2)
        {
          g_autoptr(AgSession) session = ag_store_get_session (store, session_id, &error);
          g_autofree char *notes = g_strdup_printf ("notes-%s-%u", trial, i);

          if (session == NULL)
            fail_child ("app", error);
          ag_session_set_notes (session, notes);
          say ("try notes %s\n", notes);
          if (!ag_store_update_session (store, session, &error))
            fail_child ("app", error);
          say ("ack notes %s\n", notes);
        }
      else
        {
          claim_shared (store, &next_shared, AG_DELIVERY_MISSED, "app");
        }

      /* A person taps now and then: without a pause, SQLite's busy handler (which sleeps
       * and retries) would let one writer starve the other. */
      g_usleep (g_random_int_range (0, 1000));
    }

  return 0;
}

static int
service_main (const char *path,
              const char *trial)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint next_shared = 0;

  store = ag_store_open (path, clock, &error);
  if (store == NULL)
    fail_child ("service", error);
  say ("ready service\n");

  for (guint i = 0; !asked_to_stop (); i++)
    {
      g_autofree char *own = g_strdup_printf ("service-%s-%u", trial, i);
      g_autofree char *done = g_strdup_printf (DAY "/svc-%s-%u/morning", trial, i);

      claim_shared (store, &next_shared, AG_DELIVERY_SHOWN, "service");

      /* Its own reminder, then the "Done" button on the notification. */
      say ("try claim %s\n", own);
      if (!ag_store_record_delivery (store, own, AG_DELIVERY_SHOWN, &error))
        {
          if (error != NULL)
            fail_child ("service", error);
          g_error ("A reminder nobody had claimed was reported as already delivered");
        }
      say ("ack claim %s\n", own);

      say ("try tick %s\n", done);
      if (!ag_store_set_item_done (store, done, DAY, TRUE, &error))
        fail_child ("service", error);
      say ("ack tick %s\n", done);
      g_usleep (g_random_int_range (0, 1000));
    }

  return 0;
}

/* The parent */

typedef struct
{
  GPid pid;
  int in_fd;
  int out_fd;
  GString *output;
  int status;
  gboolean killed;
} Child;

typedef struct
{
  GHashTable *ticks;          /* key → itself */
  GHashTable *claims;         /* key → "app" or "service" */
  GPtrArray *move_values;     /* usec as text, in order, "try" and "ack" alike */
  char *last_move;            /* last acknowledged */
  char *pending_move;         /* tried after it, not acknowledged */
  char *last_notes;
  char *pending_notes;
  guint n_acks;
  guint n_service_acks;
} Expected;

static void
spawn_child (Child      *child,
             const char *self_exe,
             const char *role,
             const char *path,
             const char *trial)
{
  const char *argv[] = { self_exe, role, path, trial, NULL };
  g_autoptr(GError) error = NULL;

  memset (child, 0, sizeof *child);
  g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CLOEXEC_PIPES,
                            NULL, NULL, &child->pid, &child->in_fd, &child->out_fd, NULL,
                            &error);
  g_assert_no_error (error);
  child->output = g_string_new (NULL);
  g_unix_set_fd_nonblocking (child->out_fd, TRUE, NULL);
}

static void
drain (Child *child)
{
  char buffer[4096];

  for (;;)
    {
      gssize n = read (child->out_fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      g_string_append_len (child->output, buffer, n);
    }
}

static void
finish_child (Child *child)
{
  /* Keep reading while it runs, so a full pipe never stops it in the middle. */
  while (waitpid (child->pid, &child->status, WNOHANG) == 0)
    {
      drain (child);
      g_usleep (200);
    }
  g_unix_set_fd_nonblocking (child->out_fd, FALSE, NULL);
  drain (child);
  close (child->out_fd);
  if (child->in_fd >= 0)
    close (child->in_fd);
  g_spawn_close_pid (child->pid);
}

/* Both have opened the store (killing during opening is test-store-kill's part). */
static void
wait_until_ready (Child *app,
                  Child *service)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (strstr (app->output->str, "ready app\n") == NULL ||
         strstr (service->output->str, "ready service\n") == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The two writers did not open the store within 20 s");
      drain (app);
      drain (service);
      g_usleep (200);
    }
}

static void
take_lines (Child      *child,
            const char *who,
            Expected   *expected)
{
  g_auto(GStrv) lines = g_strsplit (child->output->str, "\n", -1);

  /* A line cut by the kill was never acknowledged: only whole lines count. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);
      gboolean ack;

      if (g_str_has_prefix (lines[i], "ready "))
        continue;
      g_assert_cmpuint (g_strv_length (words), ==, 3);
      ack = g_str_equal (words[0], "ack");

      if (g_str_equal (words[1], "move"))
        {
          if (ack)
            {
              g_free (expected->last_move);
              expected->last_move = g_strdup (words[2]);
              g_clear_pointer (&expected->pending_move, g_free);
            }
          else
            {
              g_free (expected->pending_move);
              expected->pending_move = g_strdup (words[2]);
            }
        }
      else if (g_str_equal (words[1], "notes"))
        {
          if (ack)
            {
              g_free (expected->last_notes);
              expected->last_notes = g_strdup (words[2]);
              g_clear_pointer (&expected->pending_notes, g_free);
            }
          else
            {
              g_free (expected->pending_notes);
              expected->pending_notes = g_strdup (words[2]);
            }
        }
      else if (ack && g_str_equal (words[1], "tick"))
        {
          g_hash_table_add (expected->ticks, g_strdup (words[2]));
        }
      else if (ack && g_str_equal (words[1], "claim"))
        {
          const char *before = g_hash_table_lookup (expected->claims, words[2]);

          if (before != NULL)
            g_error ("The reminder %s was delivered twice: by the %s and by the %s",
                     words[2], before, who);
          g_hash_table_insert (expected->claims, g_strdup (words[2]), (gpointer)who);
        }

      if (ack)
        expected->n_acks++;
      if (ack && g_str_equal (who, "service"))
        expected->n_service_acks++;
    }
}

static void
assert_store_matches (const char *path,
                      Expected   *expected,
                      gint64      session_id)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(AgSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *notes;

  store = ag_store_open (path, clock, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (ag_store_get_db (store), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, expected->ticks);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (ticks, key))
      g_error ("The acknowledged tick %s was lost", (const char *)key);

  g_hash_table_iter_init (&iter, expected->claims);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AgDeliveryHow how;

      if (!ag_store_lookup_delivery (store, key, NULL, &how, &error))
        g_error ("The acknowledged delivery of %s was lost: %s", (const char *)key,
                 error != NULL ? error->message : "not found");
      /* The app records MISSED, the service SHOWN: the row is the claimer's own. */
      g_assert_cmpint (how, ==, g_str_equal (value, "app") ? AG_DELIVERY_MISSED
                                                           : AG_DELIVERY_SHOWN);
    }

  session = ag_store_get_session (store, session_id, &error);
  g_assert_no_error (error);
  start = g_strdup_printf ("%" G_GINT64_FORMAT,
                           g_date_time_to_unix (ag_session_get_start (session)) *
                           G_USEC_PER_SEC);
  if (expected->last_move != NULL || expected->pending_move != NULL)
    {
      if (g_strcmp0 (start, expected->last_move) != 0 &&
          g_strcmp0 (start, expected->pending_move) != 0)
        g_error ("The session starts at %s, not at the acknowledged %s (or the pending %s)",
                 start, expected->last_move, expected->pending_move);
    }

  notes = ag_session_get_notes (session);
  if (expected->last_notes != NULL || expected->pending_notes != NULL)
    {
      if (g_strcmp0 (notes, expected->last_notes) != 0 &&
          g_strcmp0 (notes, expected->pending_notes) != 0)
        g_error ("The session notes are %s, not the acknowledged %s (or the pending %s)",
                 notes, expected->last_notes, expected->pending_notes);
    }

  /* What one trial left pending is settled now; the next trial starts from the file. */
  if (expected->pending_move != NULL && g_strcmp0 (start, expected->pending_move) == 0)
    {
      g_free (expected->last_move);
      expected->last_move = g_steal_pointer (&expected->pending_move);
    }
  g_clear_pointer (&expected->pending_move, g_free);
  if (expected->pending_notes != NULL && g_strcmp0 (notes, expected->pending_notes) == 0)
    {
      g_free (expected->last_notes);
      expected->last_notes = g_steal_pointer (&expected->pending_notes);
    }
  g_clear_pointer (&expected->pending_notes, g_free);
}

static gint64
create_store (const char *path,
              gint64     *start_usec)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GError) error = NULL;

  store = ag_store_open (path, clock, &error);
  g_assert_no_error (error);

  first = ag_clock_get_now (clock);
  plan = ag_series_plan_new (first, 1, 4);
  g_assert_true (ag_store_plan_treatment (store, treatment, plan, 4, &error));
  g_assert_no_error (error);

  sessions = ag_store_list_sessions (store, ag_treatment_get_id (treatment), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);

  *start_usec = g_date_time_to_unix (ag_session_get_start (g_ptr_array_index (sessions, 0))) *
                G_USEC_PER_SEC;
  return ag_session_get_id (g_ptr_array_index (sessions, 0));
}

static void
test_both_writers_killed (void)
{
  g_autofree char *path = ag_store_dup_default_path ();
  g_autofree char *self_exe = NULL;
  g_autoptr(GError) error = NULL;
  const char *trials_text = g_getenv ("AFTERGLOW_CRASH_TRIALS");
  guint n_trials = trials_text != NULL ? (guint)atoi (trials_text) : N_TRIALS_DEFAULT;
  guint n_killed[3] = { 0, 0, 0 };
  gint64 started = g_get_monotonic_time ();
  gint64 session_id;
  gint64 start_usec;
  Expected expected = { 0 };

  if (n_trials == 0)
    n_trials = N_TRIALS_DEFAULT;

  self_exe = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  session_id = create_store (path, &start_usec);
  /* Until a move is acknowledged, the session is where it was planned. */
  expected.last_move = g_strdup_printf ("%" G_GINT64_FORMAT, start_usec);

  expected.ticks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  expected.claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint trial = 0; trial < n_trials; trial++)
    {
      g_autofree char *trial_text = g_strdup_printf ("%u", trial);
      /* 0: the app dies, 1: the service dies, 2: both die. */
      int victim = g_test_rand_int_range (0, 3);
      Child app, service;

      spawn_child (&app, self_exe, "--app", path, trial_text);
      spawn_child (&service, self_exe, "--service", path, trial_text);

      /* Anywhere in their loops: in a write, between two, before the first. */
      wait_until_ready (&app, &service);
      g_usleep (g_test_rand_int_range (0, MAX_DELAY_USEC));

      if (victim == 0 || victim == 2)
        {
          g_assert_cmpint (kill (app.pid, SIGKILL), ==, 0);
          app.killed = TRUE;
        }
      if (victim == 1 || victim == 2)
        {
          g_assert_cmpint (kill (service.pid, SIGKILL), ==, 0);
          service.killed = TRUE;
        }

      /* The survivor goes on writing for a moment after its peer died mid-write, then
       * stops between two writes. */
      g_usleep (g_test_rand_int_range (0, 5000));
      close (app.in_fd);
      app.in_fd = -1;
      close (service.in_fd);
      service.in_fd = -1;

      finish_child (&app);
      finish_child (&service);
      n_killed[victim]++;

      if (!app.killed && !(WIFEXITED (app.status) && WEXITSTATUS (app.status) == 0))
        g_error ("The app stopped badly after its peer was killed (status %d)", app.status);
      if (!service.killed &&
          !(WIFEXITED (service.status) && WEXITSTATUS (service.status) == 0))
        g_error ("The service stopped badly after its peer was killed (status %d)",
                 service.status);
      /* A child may finish before the kill only by failing: it loops until told. */
      if (app.killed && !WIFSIGNALED (app.status))
        g_error ("The app stopped by itself with status %d", app.status);
      if (service.killed && !WIFSIGNALED (service.status))
        g_error ("The service stopped by itself with status %d", service.status);

      take_lines (&app, "app", &expected);
      take_lines (&service, "service", &expected);
      g_string_free (app.output, TRUE);
      g_string_free (service.output, TRUE);

      assert_store_matches (path, &expected, session_id);
    }

  g_test_message ("%u trials (app killed %u, service %u, both %u), %u acknowledged writes "
                  "(%u by the service), %u reminders claimed once, %.1f s",
                  n_trials, n_killed[0], n_killed[1], n_killed[2], expected.n_acks,
                  expected.n_service_acks,
                  g_hash_table_size (expected.claims),
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
  g_assert_cmpuint (expected.n_acks, >, n_trials);

  g_hash_table_unref (expected.ticks);
  g_hash_table_unref (expected.claims);
  g_free (expected.last_move);
  g_free (expected.last_notes);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && (g_str_equal (argv[1], "--app") || g_str_equal (argv[1], "--service")))
    {
      g_unix_set_fd_nonblocking (STDIN_FILENO, TRUE, NULL);
      if (g_str_equal (argv[1], "--app"))
        return app_main (argv[2], argv[3]);
      return service_main (argv[2], argv[3]);
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/both-writers", test_both_writers_killed);

  return g_test_run ();
}
