/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan.c: planning a series: what is refused, what is warned about, and its dates. */

#include "config.h"

#include <string.h>

#include "ag-error.h"
#include "ag-plan.h"

static AgSeriesPlan *
new_berlin_plan (int   year,
                 int   month,
                 int   day,
                 guint n_sessions,
                 guint interval_weeks)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) first = g_date_time_new (berlin, year, month, day, 10, 0, 0);

  return ag_series_plan_new (first, n_sessions, interval_weeks);
}

static void
test_validate_ok (void)
{
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 11, 22, 3, 4);
  g_autoptr(AgSeriesPlan) copy = NULL;
  g_autoptr(GError) error = NULL;

  ag_series_plan_set_depth_mm (plan, 0.5);
  ag_series_plan_set_clinic (plan, "Hautzentrum");
  g_assert_true (ag_series_plan_validate (plan, 4, &error));
  g_assert_no_error (error);

  copy = ag_series_plan_copy (plan);
  ag_series_plan_set_clinic (plan, NULL);
  g_assert_cmpstr (ag_series_plan_get_clinic (copy), ==, "Hautzentrum");
  g_assert_cmpfloat (ag_series_plan_get_depth_mm (copy), ==, 0.5);
}

static void
test_validate_count (void)
{
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 11, 22, 0, 4);
  g_autoptr(GError) error = NULL;

  g_assert_false (ag_series_plan_validate (plan, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_COUNT);
  g_assert_nonnull (strstr (error->message, "from 1 to 12 sessions"));
  g_clear_error (&error);

  ag_series_plan_set_n_sessions (plan, AG_SESSIONS_MAX + 1);
  g_assert_false (ag_series_plan_validate (plan, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_COUNT);
  g_clear_error (&error);

  /* One session is allowed, and needs no interval. */
  ag_series_plan_set_n_sessions (plan, 1);
  ag_series_plan_set_interval_weeks (plan, 0);
  g_assert_true (ag_series_plan_validate (plan, 4, &error));
  g_assert_no_error (error);

  ag_series_plan_set_n_sessions (plan, AG_SESSIONS_MAX);
  ag_series_plan_set_interval_weeks (plan, 4);
  g_assert_true (ag_series_plan_validate (plan, 4, &error));
}

static void
test_validate_depth (void)
{
  const double refused[] = { 0.0, 0.05, 3.05, 10.0 };
  const double allowed[] = { 0.1, 0.25, 2.5, 2.6, 3.0 };
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 11, 22, 3, 4);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      ag_series_plan_set_depth_mm (plan, refused[i]);
      g_assert_false (ag_series_plan_validate (plan, 4, &error));
      g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DEPTH);
      g_assert_nonnull (strstr (error->message, "mm"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      ag_series_plan_set_depth_mm (plan, allowed[i]);
      g_assert_true (ag_series_plan_validate (plan, 4, &error));
      g_assert_no_error (error);
    }
}

static void
test_validate_interval (void)
{
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 11, 22, 3, 2);
  g_autoptr(GError) error = NULL;

  g_assert_false (ag_series_plan_validate (plan, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INTERVAL);
  g_assert_nonnull (strstr (error->message, "at least 4 weeks"));
  g_assert_nonnull (strstr (error->message, "practitioner"));
  g_clear_error (&error);

  /* "My practitioner said so" allows it. */
  ag_series_plan_set_interval_override (plan, TRUE);
  g_assert_true (ag_series_plan_validate (plan, 4, &error));
  g_assert_no_error (error);

  /* But never two sessions in the same week. */
  ag_series_plan_set_interval_weeks (plan, 0);
  g_assert_false (ag_series_plan_validate (plan, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INTERVAL);
  g_clear_error (&error);

  ag_series_plan_set_interval_override (plan, FALSE);
  ag_series_plan_set_interval_weeks (plan, 4);
  g_assert_true (ag_series_plan_validate (plan, 4, &error));
}

static void
test_validate_date_and_duration (void)
{
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (NULL, 3, 4);
  g_autoptr(AgSeriesPlan) later = new_berlin_plan (2026, 11, 22, 3, 4);
  g_autoptr(GError) error = NULL;

  g_assert_false (ag_series_plan_validate (plan, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE);
  g_clear_error (&error);

  ag_series_plan_set_duration_minutes (later, 0);
  g_assert_false (ag_series_plan_validate (later, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INVALID);
}

static void
test_warnings (void)
{
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 11, 22, 3, 4);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) before = g_date_time_new (berlin, 2026, 11, 1, 9, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new (berlin, 2026, 11, 22, 10, 0, 1);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ag_series_plan_get_warnings (plan, before), ==, AG_PLAN_WARNING_NONE);
  none = ag_series_plan_dup_warning_texts (plan, before);
  g_assert_cmpuint (none->len, ==, 0);

  ag_series_plan_set_depth_mm (plan, 2.6);
  ag_series_plan_set_n_sessions (plan, 2);
  g_assert_cmpint (ag_series_plan_get_warnings (plan, after), ==,
                   AG_PLAN_WARNING_DEEP | AG_PLAN_WARNING_FEW_SESSIONS |
                   AG_PLAN_WARNING_IN_PAST);

  /* Warnings do not stop the plan from being saved. */
  g_assert_true (ag_series_plan_validate (plan, 4, &error));
  g_assert_no_error (error);

  all = ag_series_plan_dup_warning_texts (plan, after);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (all, 0), "2.5 mm"));
  g_assert_nonnull (strstr (g_ptr_array_index (all, 1), "at least 3 sessions"));
  g_assert_nonnull (strstr (g_ptr_array_index (all, 2), "in the past"));

  /* Exactly 2.5 mm is not above 2.5 mm. */
  ag_series_plan_set_depth_mm (plan, 2.5);
  g_assert_false (ag_series_plan_get_warnings (plan, NULL) & AG_PLAN_WARNING_DEEP);
}

static void
test_dates_keep_wall_clock_across_dst (void)
{
  /* 2026-03-29 is when Berlin moves to summer time. */
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 3, 15, 4, 1);
  g_autoptr(AgSeriesPlan) empty = ag_series_plan_new (NULL, 4, 1);
  g_autoptr(GPtrArray) dates = ag_series_plan_dup_dates (plan);
  g_autoptr(GPtrArray) no_dates = ag_series_plan_dup_dates (empty);
  const int days[] = { 15, 22, 29, 5 };
  const int hours_offset[] = { 1, 1, 2, 2 };

  g_assert_cmpuint (no_dates->len, ==, 0);
  g_assert_cmpuint (dates->len, ==, 4);

  for (guint k = 0; k < dates->len; k++)
    {
      GDateTime *start = g_ptr_array_index (dates, k);

      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, days[k]);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 10);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
      g_assert_cmpint (g_date_time_get_utc_offset (start), ==,
                       hours_offset[k] * G_TIME_SPAN_HOUR);
      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (start)), ==,
                       "Europe/Berlin");
    }

  /* The week that contains the change is an hour shorter in real time. */
  g_assert_cmpint (g_date_time_difference (g_ptr_array_index (dates, 2),
                                           g_ptr_array_index (dates, 1)),
                   ==, 7 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
}

static void
test_dates_interval (void)
{
  g_autoptr(AgSeriesPlan) plan = new_berlin_plan (2026, 11, 22, 3, 6);
  g_autoptr(GPtrArray) dates = ag_series_plan_dup_dates (plan);
  g_autofree char *last = NULL;

  g_assert_cmpuint (dates->len, ==, 3);
  last = g_date_time_format (g_ptr_array_index (dates, 2), "%Y-%m-%d %H:%M");
  g_assert_cmpstr (last, ==, "2027-02-14 10:00");
}

static void
test_parse_ok (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) early = NULL;
  g_autoptr(GDateTime) fold = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ag_parse_local_date_time ("2026-11-22", "14:30", berlin, &parsed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_year (parsed), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (parsed), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (parsed), ==, 22);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 14);
  g_assert_cmpint (g_date_time_get_minute (parsed), ==, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, G_TIME_SPAN_HOUR);

  g_assert_true (ag_parse_local_date_time (" 2026-07-01 ", "9:05", berlin, &early, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (early), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (early), ==, 5);
  g_assert_cmpint (g_date_time_get_utc_offset (early), ==, 2 * G_TIME_SPAN_HOUR);

  /* 02:30 happens twice on 2026-10-25; it is accepted as the first, in summer time. */
  g_assert_true (ag_parse_local_date_time ("2026-10-25", "02:30", berlin, &fold, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (fold), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (fold), ==, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (fold), ==, 2 * G_TIME_SPAN_HOUR);
}

static void
test_parse_refused (void)
{
  const struct {
    const char *date;
    const char *time;
    const char *in_message;
  } cases[] = {
    { "22.11.2026", "14:30", "2026-11-22" },
    { "2026-11-22T14", "14:30", "year-month-day" },
    { "2026-3-1", "14:30", "year-month-day" },
    { "", "14:30", "year-month-day" },
    { "2026-02-30", "14:30", "2026-02-30" },
    { "2026-13-01", "14:30", "calendar" },
    { "2026-11-22", "25:00", "14:30" },
    { "2026-11-22", "14:60", "hours:minutes" },
    { "2026-11-22", "2pm", "hours:minutes" },
    { "2026-11-22", "", "hours:minutes" },
    { "2026-11-22", NULL, "hours:minutes" },
    /* Berlin skips from 02:00 to 03:00 on 2026-03-29. */
    { "2026-03-29", "02:30", "clocks" },
  };
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) parsed = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %s", cases[i].date, cases[i].time);
      g_assert_false (ag_parse_local_date_time (cases[i].date, cases[i].time, berlin,
                                                &parsed, &error));
      g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE);
      g_assert_null (parsed);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/validate/ok", test_validate_ok);
  g_test_add_func ("/plan/validate/count", test_validate_count);
  g_test_add_func ("/plan/validate/depth", test_validate_depth);
  g_test_add_func ("/plan/validate/interval", test_validate_interval);
  g_test_add_func ("/plan/validate/date-and-duration", test_validate_date_and_duration);
  g_test_add_func ("/plan/warnings", test_warnings);
  g_test_add_func ("/plan/dates/dst", test_dates_keep_wall_clock_across_dst);
  g_test_add_func ("/plan/dates/interval", test_dates_interval);
  g_test_add_func ("/plan/parse/ok", test_parse_ok);
  g_test_add_func ("/plan/parse/refused", test_parse_refused);

  return g_test_run ();
}
