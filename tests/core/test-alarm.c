/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-alarm.c: wall-clock alarms fire once, on time, never early, and follow local midnights. */

#include "config.h"

#include <gio/gio.h>

#include "ag-alarm.h"

typedef struct
{
  guint fired;
  gint64 fired_at;          /* g_get_real_time () at the emission */
  gint64 clock_at;          /* the alarm's clock at the emission */
} FireRecord;

static void
record_fired_cb (AgAlarm    *alarm,
                 FireRecord *record)
{
  record->fired++;
  record->fired_at = g_get_real_time ();
  record->clock_at = ag_clock_get_now_unix_usec (ag_alarm_get_clock (alarm));
  g_assert_false (ag_alarm_is_scheduled (alarm));
}

static void
count_changed_cb (AgClock *clock,
                  guint   *count)
{
  (*count)++;
}

/* Runs whatever is ready in the default context, as a main loop would between events. */
static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
usec_of (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static AgClock *
manual_clock_at (const char *zone_id,
                 int         year,
                 int         month,
                 int         day,
                 int         hour,
                 int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  g_autoptr(GDateTime) start = NULL;

  g_assert_nonnull (zone);
  start = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return ag_clock_new_manual (start);
}

static void
test_manual_fires_once_when_due (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("Europe/Berlin", 2026, 5, 4, 7, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  FireRecord record = { 0 };
  gint64 due = ag_clock_get_now_unix_usec (clock) + G_TIME_SPAN_HOUR;

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);
  g_assert_false (ag_alarm_is_degraded (alarm));

  ag_alarm_schedule (alarm, due);
  g_assert_true (ag_alarm_is_scheduled (alarm));
  g_assert_cmpint (ag_alarm_get_due (alarm), ==, due);

  /* One microsecond short is not due. */
  ag_clock_advance (clock, G_TIME_SPAN_HOUR - 1);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 0);

  /* Due now, but the emission waits for the main loop instead of re-entering the caller. */
  ag_clock_advance (clock, 1);
  g_assert_cmpuint (record.fired, ==, 0);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);
  g_assert_cmpint (record.clock_at, ==, due);
  g_assert_false (ag_alarm_is_scheduled (alarm));
  g_assert_cmpint (ag_alarm_get_due (alarm), ==, 0);

  /* And only once, however far the clock moves afterwards. */
  ag_clock_advance (clock, G_TIME_SPAN_DAY);
  drain_main_context ();
  ag_clock_advance (clock, G_TIME_SPAN_MINUTE);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);
}

static void
test_manual_reschedule_replaces (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("Europe/Berlin", 2026, 5, 4, 7, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  FireRecord record = { 0 };
  gint64 start = ag_clock_get_now_unix_usec (clock);

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);

  /* Later: the first deadline passes without a sound. */
  ag_alarm_schedule (alarm, start + G_TIME_SPAN_HOUR);
  ag_alarm_schedule (alarm, start + 2 * G_TIME_SPAN_HOUR);
  ag_clock_advance (clock, 90 * G_TIME_SPAN_MINUTE);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 0);
  ag_clock_advance (clock, 30 * G_TIME_SPAN_MINUTE);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);
  g_assert_cmpint (record.clock_at, ==, start + 2 * G_TIME_SPAN_HOUR);

  /* Earlier: the new deadline counts, the old one does not fire a second time. */
  ag_alarm_schedule (alarm, start + 5 * G_TIME_SPAN_HOUR);
  ag_alarm_schedule (alarm, start + 3 * G_TIME_SPAN_HOUR);
  ag_clock_advance (clock, G_TIME_SPAN_HOUR);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 2);
  ag_clock_advance (clock, 3 * G_TIME_SPAN_HOUR);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 2);
}

static void
test_manual_cancel (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("Europe/Berlin", 2026, 5, 4, 7, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  FireRecord record = { 0 };
  gint64 start = ag_clock_get_now_unix_usec (clock);

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);

  ag_alarm_schedule (alarm, start + G_TIME_SPAN_HOUR);
  ag_alarm_cancel (alarm);
  g_assert_false (ag_alarm_is_scheduled (alarm));
  ag_clock_advance (clock, 2 * G_TIME_SPAN_HOUR);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 0);

  /* Cancelled after the deadline passed but before the main loop got to emit. */
  ag_alarm_schedule (alarm, start + 3 * G_TIME_SPAN_HOUR);
  ag_clock_advance (clock, 2 * G_TIME_SPAN_HOUR);
  ag_alarm_cancel (alarm);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 0);
}

static void
test_manual_past_due_and_clock_set_back (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("UTC", 2026, 5, 4, 7, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  g_autoptr(GDateTime) earlier = NULL;
  FireRecord record = { 0 };
  gint64 start = ag_clock_get_now_unix_usec (clock);

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);

  /* A deadline already past fires, but from the main loop, not inside schedule(). */
  ag_alarm_schedule (alarm, start - G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (record.fired, ==, 0);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);

  /* The clock passes the deadline and is set back before the main loop runs: the emission
   * checks again, and the alarm waits for the deadline to come round for real. */
  ag_alarm_schedule (alarm, start + G_TIME_SPAN_HOUR);
  ag_clock_advance (clock, 2 * G_TIME_SPAN_HOUR);
  earlier = g_date_time_new_from_unix_utc (start / G_USEC_PER_SEC);
  ag_clock_set_now (clock, earlier);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);
  g_assert_true (ag_alarm_is_scheduled (alarm));
  ag_clock_advance (clock, G_TIME_SPAN_HOUR);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 2);
}

static void
reschedule_in_an_hour_cb (AgAlarm *alarm,
                          guint   *count)
{
  AgClock *clock = ag_alarm_get_clock (alarm);

  (*count)++;
  ag_alarm_schedule (alarm, ag_clock_get_now_unix_usec (clock) + G_TIME_SPAN_HOUR);
}

static void
test_manual_reschedule_from_handler (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("UTC", 2026, 5, 4, 7, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  guint count = 0;

  g_signal_connect (alarm, "fired", G_CALLBACK (reschedule_in_an_hour_cb), &count);

  ag_alarm_schedule (alarm, ag_clock_get_now_unix_usec (clock) + G_TIME_SPAN_HOUR);
  ag_clock_advance (clock, G_TIME_SPAN_HOUR);
  drain_main_context ();
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (ag_alarm_is_scheduled (alarm));
  ag_clock_advance (clock, 30 * G_TIME_SPAN_MINUTE);
  drain_main_context ();
  g_assert_cmpuint (count, ==, 1);
  ag_clock_advance (clock, 30 * G_TIME_SPAN_MINUTE);
  drain_main_context ();
  g_assert_cmpuint (count, ==, 2);
}

/* Asserts that from @hour:@minute on the given day in @zone_id, the next local midnight is
 * 00:00 of the following day (or @first_hour when DST skips midnight), @expected_hours
 * after the previous one. */
static void
assert_next_midnight (const char *zone_id,
                      int         year,
                      int         month,
                      int         day,
                      int         hour,
                      int         minute,
                      int         expected_day,
                      int         first_hour,
                      int         expected_hours)
{
  g_autoptr(AgClock) clock = manual_clock_at (zone_id, year, month, day, hour, minute);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) day_start = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  gint64 now = ag_clock_get_now_unix_usec (clock);
  gint64 next = ag_alarm_next_local_midnight (clock);

  g_assert_cmpint (next, >, now);
  g_assert_cmpint (next % G_USEC_PER_SEC, ==, 0);

  midnight = g_date_time_new_from_unix_utc (next / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (midnight, zone);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, expected_day);
  g_assert_cmpint (g_date_time_get_hour (local), ==, first_hour);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
  g_assert_cmpint (g_date_time_get_second (local), ==, 0);

  /* Measured from the start of today, as the window's "Today" rolls over. */
  day_start = g_date_time_new (zone, year, month, day, 0, 0, 0);
  g_assert_cmpint (next - usec_of (day_start), ==, expected_hours * G_TIME_SPAN_HOUR);
}

static void
test_next_midnight_berlin (void)
{
  /* An ordinary day. */
  assert_next_midnight ("Europe/Berlin", 2026, 5, 4, 15, 30, 5, 0, 24);
  /* 2026-03-29: 02:00 CET jumps to 03:00 CEST, the day has 23 hours. */
  assert_next_midnight ("Europe/Berlin", 2026, 3, 29, 0, 0, 30, 0, 23);
  assert_next_midnight ("Europe/Berlin", 2026, 3, 29, 1, 59, 30, 0, 23);
  assert_next_midnight ("Europe/Berlin", 2026, 3, 29, 23, 59, 30, 0, 23);
  /* The evening before still ends at the DST day's 00:00, an ordinary 24 hours. */
  assert_next_midnight ("Europe/Berlin", 2026, 3, 28, 22, 0, 29, 0, 24);
  /* 2026-10-25: 03:00 CEST falls back to 02:00 CET, the day has 25 hours. */
  assert_next_midnight ("Europe/Berlin", 2026, 10, 25, 12, 0, 26, 0, 25);
}

static void
test_next_midnight_new_york (void)
{
  /* 2026-03-08: 02:00 EST jumps to 03:00 EDT. */
  assert_next_midnight ("America/New_York", 2026, 3, 8, 1, 30, 9, 0, 23);
  assert_next_midnight ("America/New_York", 2026, 3, 8, 20, 0, 9, 0, 23);
  /* 2026-11-01: 02:00 EDT falls back to 01:00 EST. */
  assert_next_midnight ("America/New_York", 2026, 11, 1, 9, 0, 2, 0, 25);
}

static void
test_next_midnight_skipped (void)
{
  /* Santiago springs forward at midnight: 2026-09-06 begins at 01:00 -03. The day before
   * ends there, 24 hours after its own midnight. */
  assert_next_midnight ("America/Santiago", 2026, 9, 5, 18, 0, 6, 1, 24);
}

static void
test_midnight_alarm_on_dst_day (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("Europe/Berlin", 2026, 3, 29, 0, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  FireRecord record = { 0 };

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);
  ag_alarm_schedule (alarm, ag_alarm_next_local_midnight (clock));

  /* A naive "24 hours from now" rollover would still be an hour away at this point. */
  ag_clock_advance (clock, 23 * G_TIME_SPAN_HOUR - G_TIME_SPAN_SECOND);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 0);
  ag_clock_advance (clock, G_TIME_SPAN_SECOND);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);
}

static void
test_manual_zone_change_keeps_instant (void)
{
  g_autoptr(AgClock) clock = manual_clock_at ("Europe/Berlin", 2026, 5, 4, 7, 0);
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  FireRecord record = { 0 };
  gint64 due = ag_clock_get_now_unix_usec (clock) + G_TIME_SPAN_HOUR;

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);
  ag_alarm_schedule (alarm, due);

  /* The deadline is an instant; a new zone changes how it reads, not when it comes. */
  ag_clock_set_timezone (clock, new_york);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 0);
  ag_clock_advance (clock, G_TIME_SPAN_HOUR);
  drain_main_context ();
  g_assert_cmpuint (record.fired, ==, 1);
}

static gboolean
guard_expired_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;

  return G_SOURCE_REMOVE;
}

/* Schedules @ahead_usec from now on a system clock in a context of its own, iterates that
 * context until the alarm fires (5 s at most) and returns how many iterations it took. */
static guint
run_system_alarm (gint64      ahead_usec,
                  gboolean    expect_degraded,
                  FireRecord *record,
                  guint      *wakeups)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(AgClock) clock = NULL;
  g_autoptr(AgAlarm) alarm = NULL;
  g_autoptr(GSource) guard = NULL;
  gboolean expired = FALSE;
  guint iterations = 0;
  gint64 due;

  g_main_context_push_thread_default (context);

  clock = ag_clock_new_system ();
  alarm = ag_alarm_new (clock);
  g_assert_cmpint (ag_alarm_is_degraded (alarm), ==, expect_degraded);
  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), record);

  guard = g_timeout_source_new_seconds (5);
  g_source_set_callback (guard, guard_expired_cb, &expired, NULL);
  g_source_attach (guard, context);

  due = g_get_real_time () + ahead_usec;
  ag_alarm_schedule (alarm, due);
  while (record->fired == 0 && !expired)
    {
      g_main_context_iteration (context, TRUE);
      iterations++;
    }

  g_assert_false (expired);
  g_assert_cmpuint (record->fired, ==, 1);
  /* Never early, and at worst a second late. */
  g_assert_cmpint (record->fired_at, >=, due);
  g_assert_cmpint (record->fired_at - due, <, G_USEC_PER_SEC);

  /* Nothing more comes, even when the loop keeps running for a while. */
  g_source_destroy (guard);
  g_clear_pointer (&guard, g_source_unref);
  guard = g_timeout_source_new (300);
  g_source_set_callback (guard, guard_expired_cb, &expired, NULL);
  g_source_attach (guard, context);
  while (!expired)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpuint (record->fired, ==, 1);
  g_source_destroy (guard);

  *wakeups = ag_alarm_get_wakeups (alarm);

  g_clear_object (&alarm);
  g_clear_object (&clock);
  /* Let cancelled operations report back before the context goes away. */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);

  return iterations;
}

static void
test_system_fires_on_time (void)
{
  FireRecord record = { 0 };
  guint wakeups = 0;

  /* On Linux the alarm must sleep on the timerfd, not in the fallback. */
  run_system_alarm (300 * G_TIME_SPAN_MILLISECOND, FALSE, &record, &wakeups);
  g_assert_cmpuint (wakeups, ==, 1);
}

static void
test_system_no_wakeups_in_between (void)
{
  FireRecord record = { 0 };
  guint wakeups = 0;
  guint iterations;

  iterations = run_system_alarm (2 * G_TIME_SPAN_SECOND, FALSE, &record, &wakeups);

  /* One wake-up of the alarm's own sources for two seconds of waiting: no ticking. The
   * loop itself may also hear once from the system bus (connected, or not there). */
  g_assert_cmpuint (wakeups, ==, 1);
  g_assert_cmpuint (iterations, <=, 3);
}

static void
test_system_fallback (void)
{
  FireRecord record = { 0 };
  guint wakeups = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* Set before any thread exists: the child runs only this test. */
  g_setenv ("AFTERGLOW_ALARM_NO_TIMERFD", "1", TRUE);
  run_system_alarm (300 * G_TIME_SPAN_MILLISECOND, TRUE, &record, &wakeups);
  g_assert_cmpuint (wakeups, ==, 1);
}

static void
test_system_zone_change_rearms (void)
{
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  g_autoptr(AgAlarm) alarm = ag_alarm_new (clock);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  FireRecord record = { 0 };
  gint64 due = g_get_real_time () + 200 * G_TIME_SPAN_MILLISECOND;
  gboolean expired = FALSE;
  guint guard_id;

  g_signal_connect (alarm, "fired", G_CALLBACK (record_fired_cb), &record);
  ag_alarm_schedule (alarm, due);

  /* The zone changes and the clock jumps while the alarm sleeps: still the same instant,
   * still on time, still once. */
  ag_clock_set_timezone (clock, berlin);
  ag_clock_notify_jump (clock);

  guard_id = g_timeout_add_seconds (5, guard_expired_cb, &expired);
  while (record.fired == 0 && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (guard_id);

  g_assert_cmpuint (record.fired, ==, 1);
  g_assert_cmpint (record.fired_at, >=, due);
  g_assert_cmpint (record.fired_at - due, <, G_USEC_PER_SEC);
}

static gboolean
emit_resume_cb (gpointer data)
{
  GDBusConnection *logind = data;

  g_dbus_connection_emit_signal (logind, NULL,
                                 "/org/freedesktop/login1",
                                 "org.freedesktop.login1.Manager",
                                 "PrepareForSleep",
                                 g_variant_new ("(b)", FALSE),
                                 NULL);

  return G_SOURCE_CONTINUE;
}

static void
test_system_resume_reloads_zone (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GDBusConnection) logind = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgClock) clock = NULL;
  g_autoptr(AgAlarm) alarm = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  gint64 started;
  guint emitter_id;
  guint changed = 0;

  if (!g_test_subprocess ())
    {
      if (dbus_daemon == NULL)
        {
          g_test_skip ("dbus-daemon is needed to stand in for the system bus");
          return;
        }
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* A private bus stands in for the system bus, and this test for logind. Everything that
   * touches the environment happens before the first thread starts. */
  g_setenv ("TZ", "America/New_York", TRUE);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);

  logind = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (logind, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.login1", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);

  clock = ag_clock_new_system ();
  ag_clock_set_timezone (clock, utc);
  alarm = ag_alarm_new (clock);
  ag_alarm_schedule (alarm, g_get_real_time () + G_TIME_SPAN_HOUR);
  g_signal_connect (clock, "changed", G_CALLBACK (count_changed_cb), &changed);

  /* The alarm subscribes asynchronously; say "resumed" until it has heard. */
  emitter_id = g_timeout_add (50, emit_resume_cb, logind);
  started = g_get_monotonic_time ();
  while (changed == 0 && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (emitter_id);

  /* On resume the zone is read again ($TZ here), and the clock tells its listeners. */
  g_assert_cmpuint (changed, >=, 1);
  g_assert_cmpstr (g_time_zone_get_identifier (ag_clock_get_timezone (clock)), ==,
                   "America/New_York");
  g_assert_true (ag_alarm_is_scheduled (alarm));

  g_clear_object (&alarm);
  g_clear_object (&clock);
  g_dbus_connection_close_sync (logind, NULL, NULL);
  g_test_dbus_down (bus);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/alarm/manual/fires-once-when-due", test_manual_fires_once_when_due);
  g_test_add_func ("/alarm/manual/reschedule-replaces", test_manual_reschedule_replaces);
  g_test_add_func ("/alarm/manual/cancel", test_manual_cancel);
  g_test_add_func ("/alarm/manual/past-due-and-clock-set-back",
                   test_manual_past_due_and_clock_set_back);
  g_test_add_func ("/alarm/manual/reschedule-from-handler", test_manual_reschedule_from_handler);
  g_test_add_func ("/alarm/manual/zone-change-keeps-instant",
                   test_manual_zone_change_keeps_instant);
  g_test_add_func ("/alarm/midnight/berlin", test_next_midnight_berlin);
  g_test_add_func ("/alarm/midnight/new-york", test_next_midnight_new_york);
  g_test_add_func ("/alarm/midnight/skipped-by-dst", test_next_midnight_skipped);
  g_test_add_func ("/alarm/midnight/alarm-on-dst-day", test_midnight_alarm_on_dst_day);
  g_test_add_func ("/alarm/system/fires-on-time", test_system_fires_on_time);
  g_test_add_func ("/alarm/system/no-wakeups-in-between", test_system_no_wakeups_in_between);
  g_test_add_func ("/alarm/system/fallback", test_system_fallback);
  g_test_add_func ("/alarm/system/zone-change-rearms", test_system_zone_change_rearms);
  g_test_add_func ("/alarm/system/resume-reloads-zone", test_system_resume_reloads_zone);

  return g_test_run ();
}
