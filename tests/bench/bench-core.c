/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core.c: times opening the store, building a month and ticking an item on the ten-year
 * fixture; opening and ticking each next to a plain-SQLite anchor run in the same process. */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "ag-day-checklist.h"
#include "ag-fixture.h"
#include "ag-month-summary.h"
#include "ag-reminder-list.h"
#include "ag-restriction-list.h"
#include "ag-session-list.h"
#include "ag-treatment-list.h"

#define OPEN_RUNS 30
#define MONTH_RUNS 12
#define TICK_RUNS 1000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static void
figure (const char *name,
        double      value,
        const char *unit)
{
  g_print ("%s %.3f %s\n", name, value, unit);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The anchor for opening: plain SQLite opening the same file and reading from it. */
static double
anchor_open_ms (const char *path)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      sqlite3 *db = NULL;
      double ms;

      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        g_error ("Could not open %s", path);
      exec_or_die (db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                       "SELECT count(*) FROM sessions; SELECT count(*) FROM ticks;");
      sqlite3_close (db);
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  return median (samples);
}

static double
bench_open_ms (const char *path,
               AgClock    *clock,
               AgProtocol *protocol)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(AgStore) store = ag_store_open (path, clock, &error);
      g_autoptr(AgTreatmentList) treatments = NULL;
      g_autoptr(AgSessionList) sessions = NULL;
      g_autoptr(AgDayChecklist) checklist = NULL;
      g_autoptr(AgRestrictionList) restrictions = NULL;
      g_autoptr(AgReminderList) reminders = NULL;
      double ms;

      if (store == NULL)
        g_error ("Could not open the fixture: %s", error->message);

      treatments = ag_treatment_list_new (store);
      sessions = ag_session_list_new (store, 0);
      checklist = ag_day_checklist_new (store, protocol, &today);
      restrictions = ag_restriction_list_new (store, protocol);
      reminders = ag_reminder_list_new (store, protocol, now);
      ms = elapsed_ms (start);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, AG_FIXTURE_SESSIONS);
      g_array_append_val (samples, ms);
    }

  return median (samples);
}

/* What the window builds when it shows a month: the grid's day summaries, then the selected
 * day's checklist and the restrictions at its noon (the day view's models). */
static double
bench_month_view_ms (AgStore    *store,
                     AgProtocol *protocol)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(AgDayChecklist) checklist = NULL;
  g_autoptr(AgRestrictionList) restrictions = NULL;
  g_autoptr(GDateTime) now = ag_clock_get_now (ag_store_get_clock (store));
  GTimeZone *tz = ag_clock_get_timezone (ag_store_get_clock (store));
  AgRoutine routine;
  GDate day;

  ag_routine_init_default (&routine);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2026);
  checklist = ag_day_checklist_new (store, protocol, &day);
  restrictions = ag_restriction_list_new (store, protocol);

  for (guint month = 1; month <= MONTH_RUNS; month++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) days = NULL;
      g_autoptr(GDateTime) noon = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      days = ag_month_summary_build (store, NULL, NULL, protocol, tz, &routine, now, 2026, month,
                                     G_DATE_MONDAY, &error);
      if (days == NULL)
        g_error ("Could not build the month: %s", error->message);
      g_date_set_dmy (&day, 15, month, 2026);
      noon = g_date_time_new (tz, 2026, month, 15, 12, 0, 0);
      ag_day_checklist_set_day (checklist, &day);
      ag_restriction_list_set_instant (restrictions, noon);

      ms = elapsed_ms (start);
      g_assert_cmpuint (days->len, >=, 28);
      g_array_append_val (samples, ms);
    }

  return median (samples);
}

/* The older figure: every day's checklist and restrictions of a month, one day at a time. */
static double
bench_month_every_day_ms (AgStore    *store,
                          AgProtocol *protocol)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(AgDayChecklist) checklist = NULL;
  g_autoptr(AgRestrictionList) restrictions = NULL;
  GTimeZone *tz = ag_clock_get_timezone (ag_store_get_clock (store));
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2026);
  checklist = ag_day_checklist_new (store, protocol, &day);
  restrictions = ag_restriction_list_new (store, protocol);

  /* One month's models: every day's checklist and what is restricted at its noon. */
  for (guint month = 1; month <= MONTH_RUNS; month++)
    {
      gint64 start = g_get_monotonic_time ();
      guint n_days = g_date_get_days_in_month (month, 2026);
      double ms;

      for (guint d = 1; d <= n_days; d++)
        {
          g_autoptr(GDateTime) noon = g_date_time_new (tz, 2026, month, d, 12, 0, 0);

          g_date_set_dmy (&day, d, month, 2026);
          ag_day_checklist_set_day (checklist, &day);
          ag_restriction_list_set_instant (restrictions, noon);
        }

      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  return median (samples);
}

static double
bench_tick_ms (AgStore *store)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < TICK_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!ag_store_set_item_done (store, "2026-11-22/sunscreen/morning", "2026-11-22",
                                   run % 2 == 0, &error))
        g_error ("Could not tick: %s", error->message);
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  return median (samples);
}

/* The anchor for ticking: one durable row written by plain SQLite, with the same settings. */
static double
anchor_tick_ms (const char *dir)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (dir, "anchor.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("Could not open %s", path);
  exec_or_die (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                   "CREATE TABLE ticks (key TEXT PRIMARY KEY, done INTEGER, at INTEGER);");
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO ticks VALUES ('k', ?1, ?2)", -1, &stmt, NULL);

  for (guint run = 0; run < TICK_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      exec_or_die (db, "BEGIN IMMEDIATE");
      sqlite3_bind_int (stmt, 1, run % 2);
      sqlite3_bind_int64 (stmt, 2, start);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("Anchor write failed: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      exec_or_die (db, "COMMIT");
      ms = elapsed_ms (start);
      g_array_append_val (samples, ms);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return median (samples);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(AgClock) clock = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgStore) store = NULL;
  g_autofree char *path = NULL;
  const char *dir;
  double open_ms, anchor_open, month_ms, every_day_ms, tick_ms, anchor_tick;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("Usage: %s SCRATCH_DIR\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  path = g_build_filename (dir, "fixture.db", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !ag_fixture_make (path, NULL, &error))
    g_error ("Could not make the fixture: %s", error->message);

  now = ag_fixture_dup_now ();
  clock = ag_clock_new_manual (now);
  protocol = ag_protocol_load_default (&error);
  if (protocol == NULL)
    g_error ("%s", error->message);

  open_ms = bench_open_ms (path, clock, protocol);
  anchor_open = anchor_open_ms (path);
  figure ("core_open_today_models", open_ms, "ms");
  figure ("core_open_anchor_plain_sqlite", anchor_open, "ms");
  figure ("core_open_ratio", open_ms / anchor_open, "x");

  store = ag_store_open (path, clock, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  month_ms = bench_month_view_ms (store, protocol);
  every_day_ms = bench_month_every_day_ms (store, protocol);
  figure ("core_month_view_models", month_ms, "ms");
  figure ("core_month_every_day_loop", every_day_ms, "ms");

  tick_ms = bench_tick_ms (store);
  anchor_tick = anchor_tick_ms (dir);
  figure ("core_tick_median", tick_ms, "ms");
  figure ("core_tick_anchor_plain_sqlite", anchor_tick, "ms");
  figure ("core_tick_ratio", tick_ms / anchor_tick, "x");

  return 0;
}
