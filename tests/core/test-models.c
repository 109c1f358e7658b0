/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-models.c: the list models follow the store and signal exactly what changed. */

#include "config.h"

#include <glib/gstdio.h>

#include "ag-day-checklist.h"
#include "ag-reminder-list.h"
#include "ag-restriction-list.h"
#include "ag-session-list.h"
#include "ag-treatment-list.h"
#include "ag-test-core.h"

typedef struct
{
  char *dir;
  GTimeZone *tz;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  GString *log;
} Fixture;

static void
record_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GString    *log)
{
  g_string_append_printf (log, "%s(%u,%u,%u)", log->len ? " " : "", position, removed, added);
}

static void
watch (Fixture    *fixture,
       gpointer    model)
{
  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed_cb), fixture->log);
}

static void
assert_log (Fixture    *fixture,
            const char *expected)
{
  g_assert_cmpstr (fixture->log->str, ==, expected);
  g_string_truncate (fixture->log, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ag_test_make_tmp_dir ("afterglow-models-XXXXXX");
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  fixture->clock = ag_test_clock_at (2026, 11, 2, 9, 0, 0);
  fixture->store = ag_test_open_store (fixture->dir, fixture->clock);
  fixture->protocol = ag_test_load_protocol ();
  fixture->log = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  g_string_free (fixture->log, TRUE);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static AgTreatment *
plan (Fixture *fixture,
      AgArea   area,
      int      month,
      int      day,
      int      hour,
      guint    n_sessions)
{
  g_autoptr(GDateTime) first = g_date_time_new (fixture->tz, 2026, month, day, hour, 0, 0);
  g_autoptr(AgSeriesPlan) series = ag_series_plan_new (first, n_sessions, 4);
  AgTreatment *treatment = ag_treatment_new (area, AG_DEVICE_PEN);

  ag_series_plan_set_depth_mm (series, 1.0);
  ag_test_plan (fixture->store, treatment, series,
                ag_protocol_get_min_interval_weeks (fixture->protocol, area));
  g_assert_cmpint (ag_treatment_get_id (treatment), >, 0);

  return treatment;
}

static void
test_treatments (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AgTreatmentList) list = ag_treatment_list_new (fixture->store);
  g_autoptr(AgTreatment) face = NULL;
  g_autoptr(AgTreatment) scalp = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == AG_TYPE_TREATMENT);
  watch (fixture, list);

  face = plan (fixture, AG_AREA_FACE, 11, 2, 10, 3);
  assert_log (fixture, "(0,0,1)");
  scalp = plan (fixture, AG_AREA_SCALP, 11, 3, 10, 3);
  assert_log (fixture, "(1,0,1)");
  g_assert_true (ag_treatment_list_lookup (list, ag_treatment_get_id (scalp)) != NULL);

  /* Editing the second one replaces exactly that row. */
  ag_treatment_set_goal (scalp, "Thicker hair");
  g_assert_true (ag_store_update_treatment (fixture->store, scalp, &error));
  g_assert_no_error (error);
  assert_log (fixture, "(1,1,1)");

  g_assert_true (ag_store_delete_treatment (fixture->store, ag_treatment_get_id (face), &error));
  g_assert_no_error (error);
  assert_log (fixture, "(0,1,0)");
  g_assert_null (ag_treatment_list_lookup (list, ag_treatment_get_id (face)));

  g_assert_true (ag_store_restore_treatment (fixture->store, ag_treatment_get_id (face), &error));
  g_assert_no_error (error);
  assert_log (fixture, "(0,0,1)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AgSessionList) all = ag_session_list_new (fixture->store, 0);
  g_autoptr(AgSessionList) face_only = NULL;
  g_autoptr(AgTreatment) face = NULL;
  g_autoptr(AgTreatment) scalp = NULL;
  g_autoptr(AgSession) extra = NULL;
  g_autoptr(GDateTime) extra_start = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgSession) second = NULL;

  watch (fixture, all);

  /* Face: Nov 2, Nov 30, Dec 28. Scalp: Nov 9, Dec 7, Jan 4. */
  face = plan (fixture, AG_AREA_FACE, 11, 2, 10, 3);
  assert_log (fixture, "(0,0,3)");
  scalp = plan (fixture, AG_AREA_SCALP, 11, 9, 10, 3);
  /* Interleaved: face, scalp, face, scalp, face, scalp: rows 1 to 5 differ. */
  assert_log (fixture, "(1,2,5)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 6);

  face_only = ag_session_list_new (fixture->store, ag_treatment_get_id (face));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (face_only)), ==, 3);

  /* An extra scalp session on Jan 20, after everything else: appended. */
  extra_start = g_date_time_new (fixture->tz, 2027, 1, 20, 10, 0, 0);
  extra = ag_session_new (ag_treatment_get_id (scalp), extra_start);
  g_assert_true (ag_store_add_session (fixture->store, extra, &error));
  g_assert_no_error (error);
  /* The scalp sessions' "n of 4" changes too: rows 1, 3, 5 and the new row 6. */
  assert_log (fixture, "(1,5,6)");

  /* Recording the face's second session (row 2) as done changes that row only. */
  second = g_list_model_get_item (G_LIST_MODEL (all), 2);
  g_assert_cmpint (ag_session_get_treatment_id (second), ==, ag_treatment_get_id (face));
  g_assert_true (ag_store_set_session_status (fixture->store, ag_session_get_id (second),
                                              AG_SESSION_DONE, 0.75, &error));
  g_assert_no_error (error);
  assert_log (fixture, "(2,1,1)");
  g_clear_object (&second);
  second = g_list_model_get_item (G_LIST_MODEL (all), 2);
  g_assert_cmpfloat (ag_session_get_actual_depth_mm (second), ==, 0.75);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_day_checklist (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AgTreatment) face = NULL;
  g_autoptr(AgDayChecklist) list = NULL;
  g_autoptr(AgChecklistItem) first = NULL;
  g_autoptr(AgChecklistItem) again = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;
  guint n;
  guint notified = 0;

  face = plan (fixture, AG_AREA_FACE, 11, 2, 10, 3);

  /* The day after the session has morning and evening care. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, G_DATE_NOVEMBER, 2026);
  list = ag_day_checklist_new (fixture->store, fixture->protocol, &day);
  watch (fixture, list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 4);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_false (ag_checklist_item_get_done (first));
  g_assert_true (g_str_has_prefix (ag_checklist_item_get_key (first), "2026-11-03/"));
  g_signal_connect (first, "notify::done", G_CALLBACK (count_notify_cb), &notified);

  /* A tick updates the row in place: no rows come or go. */
  g_assert_true (ag_day_checklist_set_item_done (list, first, TRUE, &error));
  g_assert_no_error (error);
  assert_log (fixture, "");
  g_assert_true (ag_checklist_item_get_done (first));
  g_assert_cmpint (ag_checklist_item_get_done_at (first), ==,
                   ag_clock_get_now_unix_usec (fixture->clock));
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (ag_day_checklist_set_item_done (list, first, FALSE, &error));
  g_assert_no_error (error);
  assert_log (fixture, "");
  g_assert_false (ag_checklist_item_get_done (first));

  g_assert_true (ag_day_checklist_set_item_done (list, first, TRUE, &error));
  g_assert_no_error (error);

  /* Another day replaces every row; coming back shows the tick again. */
  g_date_set_dmy (&day, 20, G_DATE_OCTOBER, 2026);
  ag_day_checklist_set_day (list, &day);
  {
    g_autofree char *expected = g_strdup_printf ("(0,%u,0)", n);
    assert_log (fixture, expected);
  }
  g_date_set_dmy (&day, 3, G_DATE_NOVEMBER, 2026);
  ag_day_checklist_set_day (list, &day);
  {
    g_autofree char *expected = g_strdup_printf ("(0,0,%u)", n);
    assert_log (fixture, expected);
  }
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ag_checklist_item_get_key (again), ==, ag_checklist_item_get_key (first));
  g_assert_true (ag_checklist_item_get_done (again));
}

static void
iterate_briefly (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_restrictions_follow_clock (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(AgTreatment) face = NULL;
  g_autoptr(AgRestrictionList) list = NULL;
  g_autoptr(GDateTime) after_session = NULL;
  g_autoptr(GDateTime) next = NULL;
  guint n_active;
  guint hours_left;
  gint64 next_change;

  /* A 1.0 mm face session, 10:00 to 10:30 on Nov 2. */
  face = plan (fixture, AG_AREA_FACE, 11, 2, 10, 1);
  list = ag_restriction_list_new (fixture->store, fixture->protocol);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  watch (fixture, list);

  /* It starts at the session's end, by itself. */
  next_change = ag_restriction_list_get_next_change (list);
  after_session = g_date_time_new (fixture->tz, 2026, 11, 2, 10, 30, 0);
  g_assert_cmpint (next_change, ==, g_date_time_to_unix (after_session) * G_USEC_PER_SEC);
  ag_clock_set_now (fixture->clock, after_session);
  iterate_briefly ();
  n_active = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_active, ==, ag_protocol_get_n_restrictions (fixture->protocol));
  {
    g_autofree char *expected = g_strdup_printf ("(0,0,%u)", n_active);
    assert_log (fixture, expected);
  }

  /* When the first restriction ends, exactly that row goes. */
  next_change = ag_restriction_list_get_next_change (list);
  hours_left = (next_change / G_USEC_PER_SEC - g_date_time_to_unix (after_session)) / 3600;
  g_assert_cmpuint (hours_left, ==, 24);
  ag_clock_advance (fixture->clock, 24 * G_TIME_SPAN_HOUR);
  iterate_briefly ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n_active);
  g_assert_true (g_str_has_suffix (fixture->log->str, ",0)"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(AgRestriction) restriction = g_list_model_get_item (G_LIST_MODEL (list), i);
      next = ag_clock_get_now (fixture->clock);
      g_assert_true (ag_restriction_is_active_at (restriction, next));
      g_clear_pointer (&next, g_date_time_unref);
    }
}

static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AgTreatment) face = NULL;
  g_autoptr(AgReminderList) list = NULL;
  g_autoptr(GDateTime) from = g_date_time_new (fixture->tz, 2026, 11, 2, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgReminder) first = NULL;
  g_autoptr(AgReminder) previous = NULL;
  guint n;

  list = ag_reminder_list_new (fixture->store, fixture->protocol, from);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  watch (fixture, list);

  face = plan (fixture, AG_AREA_FACE, 11, 2, 10, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 10);
  {
    g_autofree char *expected = g_strdup_printf ("(0,0,%u)", n);
    assert_log (fixture, expected);
  }

  /* In time order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgReminder) reminder = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (ag_reminder_get_due (previous),
                                              ag_reminder_get_due (reminder)), <=, 0);
      g_set_object (&previous, reminder);
    }

  /* A tick does not change what is due. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (ag_store_set_item_done (fixture->store, "2026-11-03/cleanse/morning",
                                         "2026-11-03", TRUE, &error));
  g_assert_no_error (error);
  assert_log (fixture, "");

  /* Deleting the treatment empties it. */
  g_assert_true (ag_store_delete_treatment (fixture->store, ag_treatment_get_id (face), &error));
  g_assert_no_error (error);
  {
    g_autofree char *expected = g_strdup_printf ("(0,%u,0)", n);
    assert_log (fixture, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/models/treatments", Fixture, NULL, fixture_set_up, test_treatments,
              fixture_tear_down);
  g_test_add ("/models/sessions", Fixture, NULL, fixture_set_up, test_sessions,
              fixture_tear_down);
  g_test_add ("/models/day-checklist", Fixture, NULL, fixture_set_up, test_day_checklist,
              fixture_tear_down);
  g_test_add ("/models/restrictions-follow-clock", Fixture, NULL, fixture_set_up,
              test_restrictions_follow_clock, fixture_tear_down);
  g_test_add ("/models/reminders", Fixture, NULL, fixture_set_up, test_reminders,
              fixture_tear_down);

  return g_test_run ();
}
