/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-month-summary.c: a month calendar's days: sessions, healing phases and ticked checklists. */

#include "config.h"

#include <glib/gstdio.h>

#include "ag-month-summary.h"
#include "ag-test-core.h"

typedef struct
{
  char *dir;
  GTimeZone *tz;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ag_test_make_tmp_dir ("afterglow-month-XXXXXX");
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  fixture->clock = ag_test_clock_at (2026, 10, 20, 9, 0, 0);
  fixture->store = ag_test_open_store (fixture->dir, fixture->clock);
  fixture->protocol = ag_test_load_protocol ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Three sessions four weeks apart, from @day November 2026 at 10:00. */
static AgTreatment *
plan (Fixture    *fixture,
      AgArea      area,
      const char *color,
      int         month,
      int         day)
{
  g_autoptr(GDateTime) first = g_date_time_new (fixture->tz, 2026, month, day, 10, 0, 0);
  g_autoptr(AgSeriesPlan) series = ag_series_plan_new (first, 3, 4);
  AgTreatment *treatment = ag_treatment_new (area, AG_DEVICE_PEN);

  ag_treatment_set_color (treatment, color);
  ag_series_plan_set_depth_mm (series, 1.0);
  ag_test_plan (fixture->store, treatment, series,
                ag_protocol_get_min_interval_weeks (fixture->protocol, area));

  return treatment;
}

static GPtrArray *
build (Fixture      *fixture,
       guint         year,
       guint         month,
       GDateWeekday  first_weekday)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = ag_clock_get_now (fixture->clock);
  GPtrArray *days = ag_month_summary_build (fixture->store, NULL, NULL, fixture->protocol,
                                            fixture->tz, NULL, now, year, month, first_weekday,
                                            &error);
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) from_lists = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (days);

  /* The calendar builds from lists it keeps: every month must come out the same. */
  treatments = ag_store_list_treatments (fixture->store, &error);
  g_assert_no_error (error);
  sessions = ag_store_list_sessions (fixture->store, 0, &error);
  g_assert_no_error (error);
  from_lists = ag_month_summary_build (fixture->store, treatments, sessions, fixture->protocol,
                                       fixture->tz, NULL, now, year, month, first_weekday,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_lists->len, ==, days->len);
  for (guint i = 0; i < days->len; i++)
    g_assert_true (ag_day_summary_equal (g_ptr_array_index (days, i),
                                         g_ptr_array_index (from_lists, i)));

  return days;
}

/* The summary of @day @month 2026 in @days. */
static AgDaySummary *
find_day (GPtrArray *days,
          int        month,
          int        day)
{
  for (guint i = 0; i < days->len; i++)
    {
      AgDaySummary *summary = g_ptr_array_index (days, i);
      const GDate *date = ag_day_summary_get_date (summary);

      if (g_date_get_year (date) == 2026 && g_date_get_month (date) == (GDateMonth) month &&
          g_date_get_day (date) == day)
        return summary;
    }

  g_assert_not_reached ();
}

static void
assert_date (AgDaySummary *summary,
             int           year,
             int           month,
             int           day)
{
  const GDate *date = ag_day_summary_get_date (summary);

  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_phase (GPtrArray *days,
              int        month,
              int        day,
              AgPhase    phase,
              int        phase_day,
              guint      session_number)
{
  AgDaySummary *summary = find_day (days, month, day);
  AgSession *session = ag_day_summary_get_phase_session (summary);

  g_test_message ("%d/%d", day, month);
  g_assert_cmpint (ag_day_summary_get_phase (summary), ==, phase);
  g_assert_cmpint (ag_day_summary_get_phase_day (summary), ==, phase_day);
  if (session_number == 0)
    {
      g_assert_null (session);
    }
  else
    {
      g_assert_nonnull (session);
      g_assert_cmpuint (ag_session_get_number (session), ==, session_number);
    }
}

static void
tick_day (Fixture *fixture,
          int      month,
          int      day,
          guint    how_many)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = ag_store_list_sessions (fixture->store, 0, &error);
  g_autoptr(GPtrArray) items = NULL;
  GDate date;

  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);
  items = ag_engine_items_for_day (fixture->protocol, sessions, fixture->tz, NULL, &date);
  g_assert_cmpuint (items->len, >=, how_many);

  for (guint i = 0; i < MIN (how_many, items->len); i++)
    {
      AgChecklistItem *item = g_ptr_array_index (items, i);

      g_assert_true (ag_store_set_item_done (fixture->store, ag_checklist_item_get_key (item),
                                             ag_checklist_item_get_day (item), TRUE, &error));
      g_assert_no_error (error);
    }
}

static guint
count_items (Fixture *fixture,
             int      month,
             int      day)
{
  g_autoptr(GPtrArray) sessions = ag_store_list_sessions (fixture->store, 0, NULL);
  g_autoptr(GPtrArray) items = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);
  items = ag_engine_items_for_day (fixture->protocol, sessions, fixture->tz, NULL, &date);
  return items->len;
}

static void
set_now (Fixture *fixture,
         int      month,
         int      day,
         int      hour)
{
  g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, month, day, hour, 0, 0);

  ag_clock_set_now (fixture->clock, now);
}

static void
test_grid_and_padding (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) sunday = NULL;
  g_autoptr(GPtrArray) plain = NULL;

  /* 1 November 2026 is a Sunday. */
  monday = build (fixture, 2026, 11, G_DATE_MONDAY);
  g_assert_cmpuint (monday->len, ==, 42);
  assert_date (g_ptr_array_index (monday, 0), 2026, 10, 26);
  assert_date (g_ptr_array_index (monday, 6), 2026, 11, 1);
  assert_date (g_ptr_array_index (monday, 35), 2026, 11, 30);
  assert_date (g_ptr_array_index (monday, 41), 2026, 12, 6);
  g_assert_false (ag_day_summary_get_in_month (g_ptr_array_index (monday, 5)));
  g_assert_true (ag_day_summary_get_in_month (g_ptr_array_index (monday, 6)));
  g_assert_true (ag_day_summary_get_in_month (g_ptr_array_index (monday, 35)));
  g_assert_false (ag_day_summary_get_in_month (g_ptr_array_index (monday, 36)));

  sunday = build (fixture, 2026, 11, G_DATE_SUNDAY);
  g_assert_cmpuint (sunday->len, ==, 42);
  assert_date (g_ptr_array_index (sunday, 0), 2026, 11, 1);
  assert_date (g_ptr_array_index (sunday, 41), 2026, 12, 12);

  plain = build (fixture, 2026, 11, G_DATE_BAD_WEEKDAY);
  g_assert_cmpuint (plain->len, ==, 30);
  assert_date (g_ptr_array_index (plain, 0), 2026, 11, 1);
  assert_date (g_ptr_array_index (plain, 29), 2026, 11, 30);
  for (guint i = 0; i < plain->len; i++)
    {
      AgDaySummary *summary = g_ptr_array_index (plain, i);

      g_assert_true (ag_day_summary_get_in_month (summary));
      g_assert_cmpint (ag_day_summary_get_phase (summary), ==, AG_PHASE_NONE);
      g_assert_cmpuint (ag_day_summary_get_n_sessions (summary), ==, 0);
    }

  /* Today is marked only when it is in the grid. */
  g_assert_false (ag_day_summary_get_is_today (g_ptr_array_index (monday, 0)));
  {
    g_autoptr(GPtrArray) october = build (fixture, 2026, 10, G_DATE_MONDAY);

    g_assert_true (ag_day_summary_get_is_today (find_day (october, 10, 20)));
    g_assert_false (ag_day_summary_get_is_today (find_day (october, 10, 21)));
  }
}

static void
test_phases_and_sessions (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AgTreatment) face = plan (fixture, AG_AREA_FACE, "#e01b24", 11, 2);
  g_autoptr(GPtrArray) days = build (fixture, 2026, 11, G_DATE_MONDAY);
  g_autofree char *label = NULL;
  AgDaySummary *session_day;

  /* Sessions on 2 and 30 November (and 28 December). */
  assert_phase (days, 10, 26, AG_PHASE_NONE, -1, 0);
  assert_phase (days, 11, 1, AG_PHASE_NONE, -1, 0);
  assert_phase (days, 11, 2, AG_PHASE_STRICT, 0, 1);
  assert_phase (days, 11, 3, AG_PHASE_STRICT, 1, 1);
  assert_phase (days, 11, 4, AG_PHASE_CAREFUL, 2, 1);
  assert_phase (days, 11, 5, AG_PHASE_CAREFUL, 3, 1);
  assert_phase (days, 11, 6, AG_PHASE_CAREFUL, 4, 1);
  assert_phase (days, 11, 7, AG_PHASE_NORMAL, 5, 1);
  assert_phase (days, 11, 10, AG_PHASE_NORMAL, 8, 1);
  assert_phase (days, 11, 29, AG_PHASE_NORMAL, 27, 1);
  /* The most recent session counts: the second one starts the phases again. */
  assert_phase (days, 11, 30, AG_PHASE_STRICT, 0, 2);
  assert_phase (days, 12, 1, AG_PHASE_STRICT, 1, 2);
  assert_phase (days, 12, 2, AG_PHASE_CAREFUL, 2, 2);

  session_day = find_day (days, 11, 2);
  g_assert_cmpuint (ag_day_summary_get_n_sessions (session_day), ==, 1);
  g_assert_cmpint (ag_session_get_treatment_id (ag_day_summary_get_session (session_day, 0)), ==,
                   ag_treatment_get_id (face));
  g_assert_cmpstr (ag_day_summary_get_session_color (session_day, 0), ==, "#e01b24");
  label = ag_day_summary_dup_session_label (session_day, 0);
  g_assert_cmpstr (label, ==, "Session 1 of 3 · Face");
  g_assert_true (ag_day_summary_get_is_next_session (session_day));
  g_assert_cmpuint (ag_day_summary_get_n_sessions (find_day (days, 11, 3)), ==, 0);

  session_day = find_day (days, 11, 30);
  g_clear_pointer (&label, g_free);
  label = ag_day_summary_dup_session_label (session_day, 0);
  g_assert_cmpstr (label, ==, "Session 2 of 3 · Face");
  g_assert_false (ag_day_summary_get_is_next_session (session_day));

  /* Nothing is over yet: no day has a completion. */
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpint (ag_day_summary_get_completion (g_ptr_array_index (days, i)), ==,
                     AG_COMPLETION_NONE);
}

static void
test_phase_ends_after_last_task_day (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgTreatment) face = plan (fixture, AG_AREA_FACE, "#e01b24", 11, 2);
  g_autoptr(GPtrArray) sessions = ag_store_list_sessions (fixture->store, 0, &error);
  g_autoptr(GPtrArray) december = NULL;
  g_autoptr(GPtrArray) november = NULL;
  AgSession *second = g_ptr_array_index (sessions, 1);

  /* Without the second session, the first one's last task day (28) is 30 November. */
  g_assert_true (ag_store_set_session_status (fixture->store, ag_session_get_id (second),
                                              AG_SESSION_CANCELLED, 0, &error));
  g_assert_no_error (error);

  november = build (fixture, 2026, 11, G_DATE_MONDAY);
  assert_phase (november, 11, 30, AG_PHASE_NORMAL, 28, 1);
  assert_phase (november, 12, 1, AG_PHASE_NONE, -1, 0);
  g_assert_cmpuint (ag_day_summary_get_n_sessions (find_day (november, 11, 30)), ==, 0);

  /* The third session is now the second of two, and the next one after 2 November. */
  set_now (fixture, 11, 5, 12);
  december = build (fixture, 2026, 12, G_DATE_MONDAY);
  {
    AgDaySummary *summary = find_day (december, 12, 28);
    g_autofree char *label = ag_day_summary_dup_session_label (summary, 0);

    g_assert_cmpstr (label, ==, "Session 2 of 2 · Face");
    g_assert_true (ag_day_summary_get_is_next_session (summary));
    assert_phase (december, 12, 28, AG_PHASE_STRICT, 0, 2);
  }
  for (guint i = 0; i < december->len; i++)
    {
      AgDaySummary *summary = g_ptr_array_index (december, i);
      const GDate *date = ag_day_summary_get_date (summary);

      if (!(g_date_get_month (date) == 12 && g_date_get_day (date) == 28))
        g_assert_false (ag_day_summary_get_is_next_session (summary));
    }
}

static void
test_completion (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AgTreatment) face = plan (fixture, AG_AREA_FACE, "#e01b24", 11, 2);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) days = NULL;
  AgDaySummary *summary;
  guint n_items;

  set_now (fixture, 11, 10, 12);
  before = build (fixture, 2026, 11, G_DATE_MONDAY);

  n_items = count_items (fixture, 11, 3);
  g_assert_cmpuint (n_items, >, 3);
  tick_day (fixture, 11, 3, n_items);
  tick_day (fixture, 11, 4, 1);

  days = build (fixture, 2026, 11, G_DATE_MONDAY);

  summary = find_day (days, 11, 3);
  g_assert_cmpint (ag_day_summary_get_completion (summary), ==, AG_COMPLETION_COMPLETE);
  g_assert_cmpuint (ag_day_summary_get_n_items (summary), ==, n_items);
  g_assert_cmpuint (ag_day_summary_get_n_done (summary), ==, n_items);

  summary = find_day (days, 11, 4);
  g_assert_cmpint (ag_day_summary_get_completion (summary), ==, AG_COMPLETION_PARTIAL);
  g_assert_cmpuint (ag_day_summary_get_n_items (summary), ==, count_items (fixture, 11, 4));
  g_assert_cmpuint (ag_day_summary_get_n_done (summary), ==, 1);

  summary = find_day (days, 11, 5);
  g_assert_cmpint (ag_day_summary_get_completion (summary), ==, AG_COMPLETION_MISSED);
  g_assert_cmpuint (ag_day_summary_get_n_done (summary), ==, 0);
  g_assert_cmpuint (ag_day_summary_get_n_items (summary), >, 0);

  /* 26 October, a week before: two preparation steps, none ticked. */
  summary = find_day (days, 10, 26);
  g_assert_cmpint (ag_day_summary_get_completion (summary), ==, AG_COMPLETION_MISSED);
  g_assert_cmpuint (ag_day_summary_get_n_items (summary), ==, 2);

  /* 27 October had nothing to do. */
  summary = find_day (days, 10, 27);
  g_assert_cmpint (ag_day_summary_get_completion (summary), ==, AG_COMPLETION_NONE);
  g_assert_cmpuint (ag_day_summary_get_n_items (summary), ==, 0);

  /* Today and later are not judged. */
  summary = find_day (days, 11, 10);
  g_assert_true (ag_day_summary_get_is_today (summary));
  g_assert_cmpint (ag_day_summary_get_completion (summary), ==, AG_COMPLETION_NONE);
  g_assert_cmpint (ag_day_summary_get_completion (find_day (days, 11, 11)), ==,
                   AG_COMPLETION_NONE);
  g_assert_cmpint (ag_day_summary_get_completion (find_day (days, 11, 9)), ==,
                   AG_COMPLETION_MISSED);

  /* The next session is the first planned one after now. */
  g_assert_false (ag_day_summary_get_is_next_session (find_day (days, 11, 2)));
  g_assert_true (ag_day_summary_get_is_next_session (find_day (days, 11, 30)));

  /* Only the days whose ticks changed differ from the build before. */
  g_assert_cmpuint (before->len, ==, days->len);
  for (guint i = 0; i < days->len; i++)
    {
      const GDate *date = ag_day_summary_get_date (g_ptr_array_index (days, i));
      gboolean ticked = g_date_get_month (date) == 11 &&
                        (g_date_get_day (date) == 3 || g_date_get_day (date) == 4);

      g_assert_cmpint (ag_day_summary_equal (g_ptr_array_index (before, i),
                                             g_ptr_array_index (days, i)), ==, !ticked);
    }
}

static void
test_two_treatments (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AgTreatment) face = plan (fixture, AG_AREA_FACE, "#e01b24", 11, 2);
  g_autoptr(AgTreatment) scalp = plan (fixture, AG_AREA_SCALP, "#2ec27e", 11, 9);
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *label = NULL;
  AgDaySummary *summary;

  days = build (fixture, 2026, 11, G_DATE_MONDAY);

  /* The scalp session on the 9th is the most recent one from then on. */
  assert_phase (days, 11, 8, AG_PHASE_NORMAL, 6, 1);
  assert_phase (days, 11, 9, AG_PHASE_STRICT, 0, 1);
  summary = find_day (days, 11, 9);
  g_assert_cmpint (ag_session_get_treatment_id (ag_day_summary_get_phase_session (summary)), ==,
                   ag_treatment_get_id (scalp));
  g_assert_cmpstr (ag_day_summary_get_session_color (summary, 0), ==, "#2ec27e");
  label = ag_day_summary_dup_session_label (summary, 0);
  g_assert_cmpstr (label, ==, "Session 1 of 3 · Scalp");
  g_assert_false (ag_day_summary_get_is_next_session (summary));
  g_assert_true (ag_day_summary_get_is_next_session (find_day (days, 11, 2)));
}

static void
test_long_history (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const AgArea areas[] = { AG_AREA_FACE, AG_AREA_NECK, AG_AREA_SCALP };
  guint n_complete = 0;

  /* Three treatments, 40 sessions each, ten years from January 2021. */
  for (guint t = 0; t < G_N_ELEMENTS (areas); t++)
    {
      g_autoptr(AgTreatment) treatment = ag_treatment_new (areas[t], AG_DEVICE_PEN);

      g_assert_true (ag_store_add_treatment (fixture->store, treatment, &error));
      g_assert_no_error (error);

      for (guint s = 0; s < 40; s++)
        {
          g_autoptr(GDateTime) start = g_date_time_new (fixture->tz, 2021, 1, 4 + 7 * t, 10, 0, 0);
          g_autoptr(GDateTime) when = g_date_time_add_days (start, (int) s * 91);
          g_autoptr(AgSession) session = ag_session_new (ag_treatment_get_id (treatment), when);

          ag_session_set_depth_mm (session, 1.0);
          ag_session_set_duration_minutes (session, 60);
          g_assert_true (ag_store_add_session (fixture->store, session, &error));
          g_assert_no_error (error);
        }
    }

  /* Ticks on a few days, to show up as complete. */
  set_now (fixture, 12, 31, 12);
  {
    g_autoptr(GPtrArray) sessions = ag_store_list_sessions (fixture->store, 0, &error);
    GDate date;

    g_assert_cmpuint (sessions->len, ==, 120);
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 5, 1, 2021);
    for (guint d = 0; d < 3; d++, g_date_add_days (&date, 1))
      {
        g_autoptr(GPtrArray) items = ag_engine_items_for_day (fixture->protocol, sessions,
                                                              fixture->tz, NULL, &date);

        for (guint i = 0; i < items->len; i++)
          g_assert_true (ag_store_set_item_done (fixture->store,
                                                 ag_checklist_item_get_key (g_ptr_array_index (items, i)),
                                                 ag_checklist_item_get_day (g_ptr_array_index (items, i)),
                                                 TRUE, &error));
      }
  }

  /* Every month of ten years builds, and only the three ticked days count as complete.
   * How fast a month builds is a benchmark figure (tests/bench/run), not a test. */
  for (guint m = 0; m < 120; m++)
    {
      g_autoptr(GPtrArray) days = build (fixture, 2021 + m / 12, 1 + m % 12, G_DATE_MONDAY);

      for (guint i = 0; i < days->len; i++)
        if (ag_day_summary_get_in_month (g_ptr_array_index (days, i)) &&
            ag_day_summary_get_completion (g_ptr_array_index (days, i)) == AG_COMPLETION_COMPLETE)
          n_complete++;
    }

  g_assert_cmpuint (n_complete, ==, 3);
}

/* A patient who enters past sessions for their records, or plans a session at short notice,
 * could not have ticked the days before the plan existed: those are not "missed". */
static void
test_days_before_the_plan (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AgTreatment) face = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  /* Planned on 10 November for a session that took place on 2 November. */
  set_now (fixture, 11, 10, 9);
  face = plan (fixture, AG_AREA_FACE, "#3584e4", 11, 2);
  g_assert_true (ag_store_set_item_done (fixture->store, "2026-11-04/cleanse/morning",
                                         "2026-11-04", TRUE, &error));
  g_assert_no_error (error);
  set_now (fixture, 11, 12, 9);
  days = build (fixture, 2026, 11, G_DATE_MONDAY);

  /* Before the plan: nothing to blame, and a tick made later still shows. */
  g_assert_cmpint (ag_day_summary_get_completion (find_day (days, 11, 3)), ==, AG_COMPLETION_NONE);
  g_assert_cmpint (ag_day_summary_get_completion (find_day (days, 11, 4)), ==,
                   AG_COMPLETION_COMPLETE);
  g_assert_cmpuint (ag_day_summary_get_n_items (find_day (days, 11, 4)), ==, 1);
  /* From the day it was planned on, an unticked day is missed. */
  g_assert_cmpint (ag_day_summary_get_completion (find_day (days, 11, 10)), ==,
                   AG_COMPLETION_MISSED);
  g_assert_cmpint (ag_day_summary_get_completion (find_day (days, 11, 11)), ==,
                   AG_COMPLETION_MISSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/month-summary/grid-and-padding", test_grid_and_padding);
  ADD ("/month-summary/phases-and-sessions", test_phases_and_sessions);
  ADD ("/month-summary/phase-ends-after-last-task-day", test_phase_ends_after_last_task_day);
  ADD ("/month-summary/completion", test_completion);
  ADD ("/month-summary/two-treatments", test_two_treatments);
  ADD ("/month-summary/long-history", test_long_history);
  ADD ("/month-summary/days-before-the-plan", test_days_before_the_plan);

#undef ADD

  return g_test_run ();
}
