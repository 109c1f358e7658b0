/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-fixture.c: builds a store that looks like ten years of real use, for benchmarks and tests. */

#include "config.h"

#include "ag-engine.h"
#include "ag-fixture.h"

/* Every figure in docs/benchmarks.md is measured "now" at this instant, so runs compare. */
GDateTime *
ag_fixture_dup_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");

  return g_date_time_new (tz, 2026, 11, 22, 9, 0, 0);
}

static gboolean
plan_treatment (AgStore     *store,
                AgProtocol  *protocol,
                AgArea       area,
                const char  *color,
                GDateTime   *first,
                guint        n_sessions,
                guint        interval_weeks,
                GError     **error)
{
  g_autoptr(AgTreatment) treatment = ag_treatment_new (area, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (first, AG_SESSIONS_MAX, interval_weeks);
  gint64 id;

  ag_treatment_set_color (treatment, color);
  ag_series_plan_set_depth_mm (plan, area == AG_AREA_SCALP ? 0.5 : 1.0);
  ag_series_plan_set_clinic (plan, "Hautzentrum Mitte");
  if (!ag_store_plan_treatment (store, treatment, plan,
                                ag_protocol_get_min_interval_weeks (protocol, area), error))
    return FALSE;

  id = ag_treatment_get_id (treatment);

  /* A series holds at most 12; later sessions are added one by one, as a patient would. */
  for (guint i = AG_SESSIONS_MAX; i < n_sessions; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_weeks (first, i * interval_weeks);
      g_autoptr(AgSession) session = ag_session_new (id, start);

      ag_session_set_depth_mm (session, area == AG_AREA_SCALP ? 0.5 : 1.0);
      if (!ag_store_add_session (store, session, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ag_fixture_make:
 * @path: where to create the store; the file must not exist
 * @n_ticks: (out) (optional): how many items were ticked
 *
 * Creates ten years of use: three treatments (face, scalp, neck) with 120 sessions between
 * them, every past session marked done, and every past checklist item ticked or not (about
 * seven in ten ticked, from a fixed seed so every run builds the same file).
 */
gboolean
ag_fixture_make (const char  *path,
                 guint       *n_ticks,
                 GError     **error)
{
  g_autoptr(GDateTime) now = ag_fixture_dup_now ();
  g_autoptr(AgClock) clock = ag_clock_new_manual (now);
  g_autoptr(AgStore) store = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  GTimeZone *tz = g_date_time_get_timezone (now);
  guint ticks = 0;
  GDate day;
  GDate today;
  AgRoutine routine;

  protocol = ag_protocol_load_default (error);
  if (protocol == NULL)
    return FALSE;

  store = ag_store_open (path, clock, error);
  if (store == NULL)
    return FALSE;

  {
    g_autoptr(GDateTime) face = g_date_time_new (tz, 2016, 12, 5, 10, 0, 0);
    g_autoptr(GDateTime) scalp = g_date_time_new (tz, 2016, 12, 12, 17, 30, 0);
    g_autoptr(GDateTime) neck = g_date_time_new (tz, 2017, 1, 9, 11, 0, 0);

    /* 40 sessions each, 13 weeks apart: ten years, with the last ones still to come. */
    if (!plan_treatment (store, protocol, AG_AREA_FACE, "#3584e4", face, 40, 13, error) ||
        !plan_treatment (store, protocol, AG_AREA_SCALP, "#33d17a", scalp, 40, 13, error) ||
        !plan_treatment (store, protocol, AG_AREA_NECK, "#e66100", neck, 40, 13, error))
      return FALSE;
  }

  sessions = ag_store_list_sessions (store, 0, error);
  if (sessions == NULL)
    return FALSE;
  g_assert (sessions->len == AG_FIXTURE_SESSIONS);

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);

      if (g_date_time_compare (ag_session_get_start (session), now) < 0 &&
          !ag_store_set_session_status (store, ag_session_get_id (session), AG_SESSION_DONE,
                                        ag_session_get_depth_mm (session), error))
        return FALSE;
    }

  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = ag_store_list_sessions (store, 0, error);
  if (sessions == NULL)
    return FALSE;

  ag_routine_init_default (&routine);
  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, 1, G_DATE_DECEMBER, 2016);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  for (; g_date_compare (&day, &today) < 0; g_date_add_days (&day, 1))
    {
      g_autoptr(GPtrArray) items = ag_engine_items_for_day (protocol, sessions, tz, &routine, &day);

      for (guint i = 0; i < items->len; i++)
        {
          AgChecklistItem *item = g_ptr_array_index (items, i);

          if (g_rand_int_range (rand, 0, 10) >= 7)
            continue;

          ag_clock_set_now (clock, ag_checklist_item_get_due (item));
          if (!ag_store_set_item_done (store, ag_checklist_item_get_key (item),
                                       ag_checklist_item_get_day (item), TRUE, error))
            return FALSE;
          ticks++;
        }
    }

  if (n_ticks != NULL)
    *n_ticks = ticks;

  return TRUE;
}
