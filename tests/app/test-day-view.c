/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-day-view.c: the day view shows a day's aftercare, saves ticks and counts restrictions down. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ag-checklist-row.h"
#include "ag-day-checklist.h"
#include "ag-day-view.h"
#include "ag-restriction-row.h"
#include "ag-warning-signs-dialog.h"
#include "ag-test-widgets.h"

typedef struct
{
  char *dir;
  char *path;
  GTimeZone *tz;
  AgClock *clock;
  AgProtocol *protocol;
  AgStore *store;
  AgTreatment *treatment;
  GtkWindow *window;
  AgDayView *view;
} Fixture;

static GPtrArray *
find_all (gpointer root,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  ag_test_collect_descendants (GTK_WIDGET (root), type, found);
  return found;
}

static GtkWidget *
find_label (gpointer    root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);

  return NULL;
}

static AgChecklistRow *
find_checklist_row (AgDayView  *view,
                    const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (view, AG_TYPE_CHECKLIST_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static char *
dup_restriction_text (AgDayView  *view,
                      const char *kind)
{
  g_autoptr(GPtrArray) rows = find_all (view, AG_TYPE_RESTRICTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      AgRestriction *restriction = ag_restriction_row_get_restriction (g_ptr_array_index (rows, i));

      if (g_strcmp0 (ag_restriction_get_kind (restriction), kind) == 0)
        return g_strdup (adw_preferences_row_get_title (g_ptr_array_index (rows, i)));
    }

  return NULL;
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
open_view (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 900);
  fixture->view = ag_day_view_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  ag_day_view_set_context (fixture->view, fixture->store, fixture->protocol);
  gtk_window_present (fixture->window);
  ag_test_wait_until_mapped (GTK_WIDGET (fixture->view));
}

static void
close_view (Fixture *fixture)
{
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  fixture->view = NULL;
  ag_test_spin_for (20);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(AgSeriesPlan) plan = NULL;

  fixture->dir = ag_test_make_tmp_dir ("afterglow-day-view-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "afterglow.db", NULL);
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (fixture->tz);
  fixture->clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);

  fixture->protocol = ag_test_load_protocol ();
  fixture->store = ag_test_open_store (fixture->dir, fixture->clock);

  /* A 1.0 mm face series of three, the first on Monday 2 November 10:00–10:30. */
  first = g_date_time_new (fixture->tz, 2026, 11, 2, 10, 0, 0);
  plan = ag_series_plan_new (first, 3, 4);
  ag_series_plan_set_depth_mm (plan, 1.0);
  ag_series_plan_set_duration_minutes (plan, 30);
  ag_series_plan_set_clinic (plan, "Skin Clinic Mitte");
  fixture->treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  ag_test_plan (fixture->store, fixture->treatment, plan,
                ag_protocol_get_min_interval_weeks (fixture->protocol, AG_AREA_FACE));

  open_view (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_view (fixture);
  g_clear_object (&fixture->treatment);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);

  ag_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_title_and_checklist (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AgDayChecklist) checklist = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  AgChecklistRow *cleanse;
  GDate day;
  guint n;

  g_assert_cmpstr (ag_day_view_get_title (fixture->view), ==, "Day 1 after session 1 of 3 · Face");
  g_assert_cmpstr (ag_day_view_get_subtitle (fixture->view), ==, "Today · Tuesday, 3 November");

  /* One row per item of the day's checklist, in its order, "slot · step". */
  set_date (&day, 2026, 11, 3);
  checklist = ag_day_checklist_new (fixture->store, fixture->protocol, &day);
  n = g_list_model_get_n_items (G_LIST_MODEL (checklist));
  g_assert_cmpuint (n, >, 5);
  rows = find_all (fixture->view, AG_TYPE_CHECKLIST_ROW);
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AgChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist), i);
      g_autofree char *expected = g_strdup_printf ("%s · %s",
                                                   ag_checklist_item_get_slot_label (item),
                                                   ag_checklist_item_get_title (item));

      g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, expected);
    }
  cleanse = find_checklist_row (fixture->view, "Morning · Gentle cleanser");
  g_assert_nonnull (cleanse);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cleanse)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (cleanse)), ==,
                   "A mild, fragrance-free cleanser with lukewarm water; no scrubbing, pat dry.");
  g_assert_false (gtk_check_button_get_active (ag_checklist_row_get_check_button (cleanse)));

  /* No session starts today. */
  g_assert_null (find_label (fixture->view, "Session 1 of 3 · Face"));

  /* The session's own day lists it; days before it count down to it. */
  set_date (&day, 2026, 11, 2);
  ag_day_view_set_day (fixture->view, &day);
  g_assert_cmpstr (ag_day_view_get_title (fixture->view), ==, "Day of session 1 of 3 · Face");
  g_assert_cmpstr (ag_day_view_get_subtitle (fixture->view), ==, "Monday, 2 November");
  g_assert_nonnull (find_label (fixture->view, "Session 1 of 3 · Face"));
  g_assert_nonnull (find_label (fixture->view, "10:00–10:30 · Skin Clinic Mitte · 1.0 mm"));

  set_date (&day, 2026, 10, 30);
  ag_day_view_set_day (fixture->view, &day);
  g_assert_cmpstr (ag_day_view_get_title (fixture->view), ==, "3 days before session 1 of 3 · Face");
  g_assert_cmpstr (ag_day_view_get_subtitle (fixture->view), ==, "Friday, 30 October");
  set_date (&day, 2026, 11, 1);
  ag_day_view_set_day (fixture->view, &day);
  g_assert_cmpstr (ag_day_view_get_title (fixture->view), ==, "1 day before session 1 of 3 · Face");

  /* Three days before the second session: the step that starts today is on the checklist,
   * the ones that started earlier are listed under Preparation. */
  set_date (&day, 2026, 11, 27);
  ag_day_view_set_day (fixture->view, &day);
  g_assert_cmpstr (ag_day_view_get_title (fixture->view), ==, "Day 25 after session 1 of 3 · Face");
  g_assert_nonnull (find_checklist_row (fixture->view, "Morning · Prone to cold sores? Ask about an antiviral"));
  g_assert_null (find_checklist_row (fixture->view, "Morning · Stop retinoids and exfoliating acids"));
  g_assert_true (gtk_widget_get_mapped (find_label (fixture->view, "Stop retinoids and exfoliating acids")));
  g_assert_true (gtk_widget_get_mapped (find_label (fixture->view, "Avoid sunburn and tanning")));
  g_assert_true (gtk_widget_get_mapped (find_label (fixture->view,
                                                    "For session 2 of 3 · Face on Monday, 30 November")));

  /* Long after the series there is nothing left to do. */
  set_date (&day, 2027, 6, 1);
  ag_day_view_set_day (fixture->view, &day);
  ag_test_spin_for (50);
  g_assert_cmpstr (ag_day_view_get_title (fixture->view), ==, "Day 155 after session 3 of 3 · Face");
  g_assert_cmpstr (ag_day_view_get_subtitle (fixture->view), ==, "Tuesday, 1 June 2027");
  g_assert_nonnull (find_label (fixture->view, "Nothing to do on this day"));
  g_assert_true (gtk_widget_get_mapped (find_label (fixture->view, "Nothing to do on this day")));
}

static void
test_title_without_sessions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ag_test_make_tmp_dir ("afterglow-day-view-XXXXXX");
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (&error);
  g_autoptr(AgStore) store = ag_test_open_store (dir, clock);
  AgDayView *view;
  GtkWindow *window;

  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  view = ag_day_view_new ();
  gtk_window_set_child (window, GTK_WIDGET (view));
  ag_day_view_set_context (view, store, protocol);
  gtk_window_present (window);
  ag_test_wait_until_mapped (GTK_WIDGET (view));

  g_assert_cmpstr (ag_day_view_get_title (view), ==, "No sessions");
  g_assert_cmpstr (ag_day_view_get_subtitle (view), ==, "Today · Tuesday, 3 November");
  g_assert_true (gtk_widget_get_mapped (find_label (view, "Nothing to do on this day")));
  /* Without a plan there are no warning signs to show. */
  g_assert_false (gtk_widget_get_mapped (find_label (view, "Warning Signs…")));

  gtk_window_destroy (window);
  g_clear_object (&store);
  ag_test_remove_tree (dir);
}

static void
test_tick_survives_reopen (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autofree char *key = NULL;
  AgChecklistRow *row;
  GtkCheckButton *check;

  row = find_checklist_row (fixture->view, "Morning · Gentle cleanser");
  g_assert_nonnull (row);
  check = ag_checklist_row_get_check_button (row);
  key = g_strdup (ag_checklist_item_get_key (ag_checklist_row_get_item (row)));
  g_assert_cmpstr (key, ==, "2026-11-03/cleanse/morning");

  /* Activating the row ticks its check button, as a click or Space does. */
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (ag_checklist_item_get_done (ag_checklist_row_get_item (row)));

  ticks = ag_store_dup_ticks_between (fixture->store, "2026-11-03", "2026-11-03", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (ticks, key));
  g_clear_pointer (&ticks, g_hash_table_unref);

  /* A new view on the reopened file shows the tick. */
  close_view (fixture);
  g_clear_object (&fixture->store);
  fixture->store = ag_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  open_view (fixture);

  row = find_checklist_row (fixture->view, "Morning · Gentle cleanser");
  g_assert_nonnull (row);
  check = ag_checklist_row_get_check_button (row);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_false (gtk_check_button_get_active (
    ag_checklist_row_get_check_button (find_checklist_row (fixture->view, "Evening · Gentle cleanser"))));

  /* Unticking works too, with the check button itself. */
  gtk_widget_activate (GTK_WIDGET (check));
  g_assert_false (gtk_check_button_get_active (check));
  ticks = ag_store_dup_ticks_between (fixture->store, "2026-11-03", "2026-11-03", &error);
  g_assert_no_error (error);
  g_assert_false (g_hash_table_contains (ticks, key));
}

static void
test_tick_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  AgChecklistRow *row;
  GtkCheckButton *check;
  GtkWidget *toast_label;
  GtkWindow *dialog;
  sqlite3 *db = NULL;
  char *sql_error = NULL;

  /* Another writer makes every tick fail, which no file mode can do for root. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER refuse_ticks BEFORE INSERT ON ticks"
                                 " BEGIN SELECT RAISE (ABORT, 'the disk refused'); END;",
                                 NULL, NULL, &sql_error), ==, SQLITE_OK);
  g_assert_null (sql_error);
  sqlite3_close (db);
  ag_test_spin_for (300);

  row = find_checklist_row (fixture->view, "Morning · Gentle cleanser");
  g_assert_nonnull (row);
  check = ag_checklist_row_get_check_button (row);
  gtk_widget_activate (GTK_WIDGET (check));
  ag_test_spin_for (100);

  /* The box shows the saved state again, and a toast says why. */
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (ag_checklist_item_get_done (ag_checklist_row_get_item (row)));
  ticks = ag_store_dup_ticks_between (fixture->store, "2026-11-03", "2026-11-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 0);

  g_assert_false (ag_store_set_item_done (fixture->store, "2026-11-03/cleanse/morning",
                                          "2026-11-03", TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Afterglow could not save this change"));
  toast_label = find_label (fixture->view, "Tick not saved");
  g_assert_nonnull (toast_label);
  g_assert_true (gtk_widget_get_mapped (toast_label));

  /* Its Details button tells why, in the store's own words. */
  g_assert_true (gtk_widget_get_mapped (find_label (fixture->view, "Details")));
  g_signal_emit_by_name (gtk_widget_get_ancestor (find_label (fixture->view, "Details"), GTK_TYPE_BUTTON),
                         "clicked");
  ag_test_spin_for (100);
  dialog = ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Your tick was not saved");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, error->message);
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  gtk_window_destroy (dialog);
}

static void
test_countdown (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) before_end = NULL;

  /* 1.0 mm is the medium band: 48 h without workouts from 10:30 on Monday. */
  text = dup_restriction_text (fixture->view, "exercise");
  g_assert_cmpstr (text, ==, "No workouts or sweating · allowed again Wed 10:30 (in 26 h)");
  g_clear_pointer (&text, g_free);

  ag_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);
  ag_test_spin_for (50);
  text = dup_restriction_text (fixture->view, "exercise");
  g_assert_cmpstr (text, ==, "No workouts or sweating · allowed again Wed 10:30 (in 25 h)");
  g_clear_pointer (&text, g_free);

  /* In the last hour it counts minutes. */
  before_end = g_date_time_new (fixture->tz, 2026, 11, 4, 10, 0, 0);
  ag_clock_set_now (fixture->clock, before_end);
  ag_test_spin_for (50);
  text = dup_restriction_text (fixture->view, "exercise");
  g_assert_cmpstr (text, ==, "No workouts or sweating · allowed again Wed 10:30 (in 30 min)");
  g_clear_pointer (&text, g_free);

  /* The day has moved on: yesterday's view is no longer "today". */
  g_assert_cmpstr (ag_day_view_get_subtitle (fixture->view), ==, "Tuesday, 3 November");

  /* Viewing the new today, the restriction ends while the window is open. */
  {
    GDate day;

    set_date (&day, 2026, 11, 4);
    ag_day_view_set_day (fixture->view, &day);
  }
  g_assert_cmpstr (ag_day_view_get_subtitle (fixture->view), ==, "Today · Wednesday, 4 November");
  text = dup_restriction_text (fixture->view, "exercise");
  g_assert_cmpstr (text, ==, "No workouts or sweating · allowed again Wed 10:30 (in 30 min)");
  g_clear_pointer (&text, g_free);

  ag_clock_advance (fixture->clock, 31 * G_TIME_SPAN_MINUTE);
  ag_test_spin_for (50);
  text = dup_restriction_text (fixture->view, "exercise");
  g_assert_null (text);
  /* Longer ones are still there. */
  text = dup_restriction_text (fixture->view, "actives");
  g_assert_cmpstr (text, ==, "No retinoids, acids, vitamin C or scrubs · allowed again Sat 10:30 (in 3 days)");
}

static void
test_past_day_restrictions (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text = NULL;
  GDate day;

  /* Two weeks later, the session day shows what applied at its noon and when it ended. */
  ag_clock_advance (fixture->clock, 14 * G_TIME_SPAN_DAY);
  set_date (&day, 2026, 11, 2);
  ag_day_view_set_day (fixture->view, &day);
  text = dup_restriction_text (fixture->view, "exercise");
  g_assert_cmpstr (text, ==, "No workouts or sweating · until Wed 10:30");
}

static void
edit_session_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  *(gint64 *) user_data = g_variant_get_int64 (parameter);
}

static void
test_session_row_opens_editor (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("edit-session", G_VARIANT_TYPE_INT64);
  g_autoptr(GPtrArray) sessions = NULL;
  GtkWidget *label;
  GtkWidget *row;
  gint64 edited = 0;
  GDate day;

  g_signal_connect (action, "activate", G_CALLBACK (edit_session_cb), &edited);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  set_date (&day, 2026, 11, 30);
  ag_day_view_set_day (fixture->view, &day);
  label = find_label (fixture->view, "Session 2 of 3 · Face");
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  gtk_widget_activate (row);

  sessions = ag_store_list_sessions (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  g_assert_cmpint (edited, ==, ag_session_get_id (g_ptr_array_index (sessions, 1)));
}

static void
test_warning_signs (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_get_mapped (find_label (fixture->view, "Warning Signs…")));
  g_signal_emit_by_name (gtk_widget_get_ancestor (find_label (fixture->view, "Warning Signs…"),
                                                  GTK_TYPE_BUTTON),
                         "clicked");
  ag_test_spin_for (100);

  dialog = ag_test_find_window_of_type (AG_TYPE_WARNING_SIGNS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Contact your clinic if you notice");
  g_assert_nonnull (find_label (dialog, "Fever or chills"));
  g_assert_nonnull (find_label (dialog, ag_protocol_get_contact_text (fixture->protocol)));
  gtk_window_destroy (dialog);
}

/* The countdown wakes exactly when its text would change, never in between. */
static void
test_restriction_row_next_change (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) starts = g_date_time_new (tz, 2026, 11, 2, 10, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 168);
  g_autoptr(AgRestriction) restriction = ag_restriction_new ("sauna", "No sauna", NULL,
                                                             "You can use the sauna again",
                                                             "restrictions", starts, ends, 1, 1);
  AgRestrictionRow *row = AG_RESTRICTION_ROW (ag_restriction_row_new (restriction));
  gint64 ends_usec = g_date_time_to_unix (ends) * G_USEC_PER_SEC;
  guint n_changes = 0;

  g_object_ref_sink (row);

  /* Every 7 minutes from the start to the end: the text stays until the reported instant
   * and differs from it on. */
  for (GTimeSpan offset = 0; offset < 168 * G_TIME_SPAN_HOUR; offset += 7 * G_TIME_SPAN_MINUTE)
    {
      g_autoptr(GDateTime) now = g_date_time_add (starts, offset);
      gint64 next = ag_restriction_row_get_next_change (row, now);
      g_autoptr(GDateTime) before = NULL;
      g_autoptr(GDateTime) at = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_before = NULL;
      g_autofree char *text_at = NULL;

      g_assert_cmpint (next, >, g_date_time_to_unix (now) * G_USEC_PER_SEC);
      g_assert_cmpint (next, <=, ends_usec);
      before = g_date_time_add (now, next - 1 - g_date_time_to_unix (now) * G_USEC_PER_SEC);
      at = g_date_time_add (now, next - g_date_time_to_unix (now) * G_USEC_PER_SEC);

      ag_restriction_row_update (row, now);
      text = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      ag_restriction_row_update (row, before);
      text_before = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      ag_restriction_row_update (row, at);
      text_at = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

      if (g_date_time_compare (before, now) >= 0)
        g_assert_cmpstr (text_before, ==, text);
      g_assert_cmpstr (text_at, !=, text_before);
      n_changes++;
    }
  g_assert_cmpuint (n_changes, >, 1000);

  /* A few exact ones: hourly far from the end, each minute close to it. */
  {
    g_autoptr(GDateTime) now = g_date_time_add_minutes (ends, -(5 * 60 + 10));
    g_autoptr(GDateTime) late = g_date_time_add_minutes (ends, -30);

    g_assert_cmpint (ag_restriction_row_get_next_change (row, now), ==,
                     ends_usec - 4 * G_TIME_SPAN_HOUR - 30 * G_TIME_SPAN_MINUTE + 1);
    g_assert_cmpint (ag_restriction_row_get_next_change (row, late), ==,
                     ends_usec - 29 * G_TIME_SPAN_MINUTE);
    ag_restriction_row_update (row, late);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "No sauna · allowed again Mon 10:30 (in 30 min)");
  }

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/day-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("title-and-checklist", test_title_and_checklist);
  ADD ("tick-survives-reopen", test_tick_survives_reopen);
  ADD ("tick-failure-shows-toast", test_tick_failure);
  ADD ("countdown", test_countdown);
  ADD ("past-day-restrictions", test_past_day_restrictions);
  ADD ("session-row-opens-editor", test_session_row_opens_editor);
  ADD ("warning-signs", test_warning_signs);
  g_test_add_func ("/day-view/no-sessions", test_title_without_sessions);
  g_test_add_func ("/restriction-row/next-change", test_restriction_row_next_change);

#undef ADD

  return g_test_run ();
}
