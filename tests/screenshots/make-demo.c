/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-demo.c: writes a store with a realistic plan around today, for screenshots. */

#include "config.h"

#include <locale.h>

#include "ag-engine.h"
#include "ag-store.h"

static GDateTime *
local_days_ago (GDateTime *now,
                int        days,
                int        hour,
                int        minute)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);

  return g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          hour, minute, 0);
}

static void
plan (AgStore    *store,
      AgProtocol *protocol,
      AgArea      area,
      const char *goal,
      const char *color,
      GDateTime  *first,
      guint       n_sessions,
      guint       interval_weeks,
      double      depth)
{
  g_autoptr(AgTreatment) treatment = ag_treatment_new (area, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) series = ag_series_plan_new (first, n_sessions, interval_weeks);
  g_autoptr(GError) error = NULL;

  ag_treatment_set_goal (treatment, goal);
  ag_treatment_set_color (treatment, color);
  ag_series_plan_set_depth_mm (series, depth);
  ag_series_plan_set_clinic (series, "Skin Clinic Mitte");
  if (!ag_store_plan_treatment (store, treatment, series,
                                ag_protocol_get_min_interval_weeks (protocol, area), &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AgClock) clock = ag_clock_new_system ();
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) face = NULL;
  g_autoptr(GDateTime) scalp = NULL;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("Usage: %s PATH\n", argv[0]);
      return 2;
    }

  protocol = ag_protocol_load_default (&error);
  if (protocol == NULL)
    g_error ("%s", error->message);
  store = ag_store_open (argv[1], clock, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  face = local_days_ago (now, 1, 10, 0);
  scalp = local_days_ago (now, 12, 17, 30);
  plan (store, protocol, AG_AREA_FACE, "Acne scars", "#3584e4", face, 4, 4, 1.0);
  plan (store, protocol, AG_AREA_SCALP, "Thicker hair", "#26a269", scalp, 6, 2, 0.5);

  /* Sessions that took place are marked done, as a patient would after each one. */
  sessions = ag_store_list_sessions (store, 0, &error);
  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);

      if (g_date_time_compare (ag_session_get_start (session), now) < 0 &&
          !ag_store_set_session_status (store, ag_session_get_id (session), AG_SESSION_DONE,
                                        ag_session_get_depth_mm (session), &error))
        g_error ("%s", error->message);
    }
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* The past days mostly done, yesterday's evening forgotten, this morning's done. */
  sessions = ag_store_list_sessions (store, 0, &error);
  for (int back = 14; back >= 0; back--)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -back);
      g_autoptr(GPtrArray) items = NULL;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (then), g_date_time_get_month (then),
                      g_date_time_get_year (then));
      items = ag_engine_items_for_day (protocol, sessions, g_date_time_get_timezone (now), NULL,
                                       &day);
      for (guint i = 0; i < items->len; i++)
        {
          AgChecklistItem *item = g_ptr_array_index (items, i);

          if (g_date_time_compare (ag_checklist_item_get_due (item), now) > 0)
            continue;
          if (back == 1 && g_date_time_get_hour (ag_checklist_item_get_due (item)) >= 18)
            continue;
          if (back == 5 && i % 2 == 0)
            continue;
          if (!ag_store_set_item_done (store, ag_checklist_item_get_key (item),
                                       ag_checklist_item_get_day (item), TRUE, &error))
            g_error ("%s", error->message);
        }
    }

  return 0;
}
