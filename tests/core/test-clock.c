/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-clock.c: the clock seam: a manual clock tells the time it was set to, in its zone. */

#include "config.h"

#include "ag-clock.h"

static void
count_changed_cb (AgClock *clock,
                  guint   *count)
{
  (*count)++;
}

static void
test_manual_now (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) start = g_date_time_new (berlin, 2026, 3, 29, 1, 30, 0);
  g_autoptr(AgClock) clock = ag_clock_new_manual (start);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  guint changed = 0;

  g_assert_true (ag_clock_is_manual (clock));
  now = ag_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, start));
  g_assert_cmpint (g_date_time_get_hour (now), ==, 1);

  g_signal_connect (clock, "changed", G_CALLBACK (count_changed_cb), &changed);

  /* One real hour across the spring-forward gap lands at 03:30 local. */
  ag_clock_advance (clock, G_TIME_SPAN_HOUR);
  later = ag_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_hour (later), ==, 3);
  g_assert_cmpint (g_date_time_get_minute (later), ==, 30);
  g_assert_cmpint (g_date_time_difference (later, now), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_manual_set_and_zone (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) start = g_date_time_new (utc, 2026, 11, 1, 12, 0, 0);
  g_autoptr(GDateTime) target = g_date_time_new (utc, 2026, 11, 2, 6, 0, 0.25);
  g_autoptr(AgClock) clock = ag_clock_new_manual (start);
  g_autoptr(GDateTime) now = NULL;
  guint changed = 0;

  g_signal_connect (clock, "changed", G_CALLBACK (count_changed_cb), &changed);

  ag_clock_set_now (clock, target);
  g_assert_cmpint (ag_clock_get_now_unix_usec (clock), ==,
                   g_date_time_to_unix (target) * G_USEC_PER_SEC + 250000);

  ag_clock_set_timezone (clock, new_york);
  g_assert_cmpuint (changed, ==, 2);
  now = ag_clock_get_now (clock);
  /* 06:00 UTC is 01:00 in New York after the autumn change. */
  g_assert_cmpint (g_date_time_get_hour (now), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 2);
}

static void
test_system_now (void)
{
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  gint64 before = g_get_real_time ();
  gint64 now = ag_clock_get_now_unix_usec (clock);
  gint64 after = g_get_real_time ();

  g_assert_false (ag_clock_is_manual (clock));
  g_assert_cmpint (now, >=, before);
  g_assert_cmpint (now, <=, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/manual/now", test_manual_now);
  g_test_add_func ("/clock/manual/set-and-zone", test_manual_set_and_zone);
  g_test_add_func ("/clock/system/now", test_system_now);

  return g_test_run ();
}
