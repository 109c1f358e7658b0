/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-due.c: plans a session whose first reminder is due in a few seconds, for tests/package/check. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ag-engine.h"
#include "ag-store.h"

/* The exercise restriction asks for a notice when the session ends, so a session that ends
 * SECONDS from now gives a reminder due then, whatever the time of day. */
#define NOTICE_PREFIX "restriction-start:exercise:"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgStore) store = NULL;
  g_autoptr(AgTreatment) treatment = NULL;
  g_autoptr(AgSeriesPlan) series = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GError) error = NULL;
  guint duration;
  int seconds;

  setlocale (LC_ALL, "");

  if (argc != 3 || (seconds = atoi (argv[2])) < 1)
    {
      g_printerr ("Usage: %s PATH SECONDS\n"
                  "Plans a session that ends SECONDS from now and prints the summary of the\n"
                  "reminder then due.\n", argv[0]);
      return 2;
    }

  protocol = ag_protocol_load_default (&error);
  if (protocol == NULL)
    {
      g_printerr ("Cannot load the protocol: %s\n", error->message);
      return 1;
    }
  store = ag_store_open (argv[1], clock, &error);
  if (store == NULL)
    {
      g_printerr ("Cannot open %s: %s\n", argv[1], error->message);
      return 1;
    }

  treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  ag_treatment_set_goal (treatment, "Acne scars");
  series = ag_series_plan_new (now, 1, 4);
  duration = ag_series_plan_get_duration_minutes (series);
  end = g_date_time_add_seconds (now, seconds);
  first = g_date_time_add_minutes (end, -(int) duration);
  ag_series_plan_set_first_start (series, first);
  ag_series_plan_set_depth_mm (series, 1.0);
  if (!ag_store_plan_treatment (store, treatment, series,
                                ag_protocol_get_min_interval_weeks (protocol, AG_AREA_FACE),
                                &error))
    {
      g_printerr ("Cannot plan the session: %s\n", error->message);
      return 1;
    }

  /* What the service will show: asked of the engine, as the service does. */
  sessions = ag_store_list_sessions (store, 0, &error);
  if (sessions == NULL)
    {
      g_printerr ("Cannot list the sessions: %s\n", error->message);
      return 1;
    }
  until = g_date_time_add_minutes (end, 1);
  reminders = ag_engine_reminders_between (protocol, sessions, tz, NULL, now, until);
  for (guint i = 0; i < reminders->len; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_str_has_prefix (ag_reminder_get_key (reminder), NOTICE_PREFIX))
        {
          g_print ("%s\n", ag_reminder_get_summary (reminder));
          return 0;
        }
    }

  g_printerr ("No reminder starting with %s is due by the session's end\n", NOTICE_PREFIX);
  return 1;
}
