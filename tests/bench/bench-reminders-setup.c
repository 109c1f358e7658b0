/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-reminders-setup.c: plans a session and snoozes N reminders to come back seconds from now. */

#include "config.h"

#include <stdlib.h>

#include "ag-engine.h"
#include "ag-store.h"

/* Usage: bench-reminders-setup STORE N FIRST_MS STEP_MS
 * Prints the due time of each snooze, in µs since the epoch, one a line. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 14);
  g_autoptr(AgSeriesPlan) series = ag_series_plan_new (start, 1, 4);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 first_ms, step_ms, base;
  guint n;

  if (argc != 5)
    {
      g_printerr ("Usage: %s STORE N FIRST_MS STEP_MS\n", argv[0]);
      return 2;
    }
  n = atoi (argv[2]);
  first_ms = atoi (argv[3]);
  step_ms = atoi (argv[4]);

  store = ag_store_open (argv[1], clock, &error);
  protocol = store ? ag_protocol_load_default (&error) : NULL;
  if (protocol == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  ag_series_plan_set_depth_mm (series, 1.0);
  if (!ag_store_plan_treatment (store, treatment, series, 4, &error) ||
      (sessions = ag_store_list_sessions (store, 0, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Reminders well in the future: only their snoozes come back during the run. */
  {
    g_autoptr(GDateTime) from = g_date_time_add_days (now, 1);

    reminders = ag_engine_reminders_between (protocol, sessions, ag_clock_get_timezone (clock),
                                             NULL, from, to);
  }
  if (reminders->len < n)
    {
      g_printerr ("Only %u reminders to snooze\n", reminders->len);
      return 1;
    }

  base = ag_clock_get_now_unix_usec (clock);
  for (guint i = 0; i < n; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);
      gint64 due = base + (first_ms + (gint64) i * step_ms) * 1000;

      if (!ag_store_set_snooze (store, ag_reminder_get_key (reminder), due, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("%" G_GINT64_FORMAT "\n", due);
    }

  return 0;
}
