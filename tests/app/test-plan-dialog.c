/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan-dialog.c: planning a treatment in the dialog: errors, override, preview and save. */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "ag-plan-dialog.h"
#include "ag-protocol.h"
#include "ag-store.h"
#include "ag-test-widgets.h"

#define DEPTH_ERROR "The needle depth must be between 0.1 mm and 3.0 mm. " \
                    "Check the depth your practitioner gave you."
#define INTERVAL_ERROR "Your skin needs at least 4 weeks to heal between two sessions. " \
                       "If your practitioner told you to come back sooner, say so and " \
                       "Afterglow will plan it that way."
#define COUNT_ERROR "A series can have from 1 to 12 sessions. Choose a number in between."
#define NO_SUCH_DAY_ERROR "There is no day 2026-02-30 in the calendar. " \
                          "Check the month and the day."
#define UNREADABLE_DATE_ERROR "“tomorrow” is not a date Afterglow can read. " \
                              "Type it as year-month-day, like 2026-11-22."
#define OVERRIDE_LABEL "_My practitioner told me to use this interval"

typedef struct
{
  char *dir;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  AgPlanDialog *dialog;

  guint n_planned;
  gint64 planned_id;
} Fixture;

static void
planned_cb (AgPlanDialog *dialog,
            gint64        treatment_id,
            Fixture      *fixture)
{
  fixture->n_planned++;
  fixture->planned_id = treatment_id;
}

static void
open_dialog (Fixture *fixture,
             int      year,
             int      month,
             int      day,
             int      hour)
{
  fixture->dir = ag_test_make_tmp_dir ("afterglow-plan-XXXXXX");
  fixture->clock = ag_test_clock_at (year, month, day, hour, 0, 0);
  fixture->store = ag_test_open_store (fixture->dir, fixture->clock);
  fixture->protocol = ag_test_load_protocol ();

  fixture->dialog = ag_plan_dialog_new (NULL, fixture->store, fixture->protocol);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *)&fixture->dialog);
  g_signal_connect (fixture->dialog, "planned", G_CALLBACK (planned_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  ag_test_wait_until_mapped (GTK_WIDGET (fixture->dialog));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* A Saturday afternoon in November: "tomorrow" is Sunday 22 November 2026. */
  open_dialog (fixture, 2026, 11, 21, 15);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  ag_test_spin_for (20);
  g_assert_null (fixture->dialog);

  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);

  ag_test_remove_store_files (fixture->dir);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Finding widgets the way a user sees them: by their titles and labels. */

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

/* The group keeps its own, empty and hidden, list for rows: skip it. */
static gboolean
is_visible_list_box (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_get_visible (widget);
}

static gboolean
is_label_with_class (GtkWidget     *widget,
                     gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_check_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gboolean
is_toggle_named (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), name) == 0;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  GtkWidget *row = ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

static GtkSpinButton *
find_spin (Fixture    *fixture,
           const char *row_title)
{
  GtkWidget *spin = ag_test_find_widget (find_row (fixture, row_title), is_spin_button, NULL);

  g_assert_nonnull (spin);
  return GTK_SPIN_BUTTON (spin);
}

static GtkEditable *
find_entry (Fixture    *fixture,
            const char *row_title)
{
  GtkWidget *row = find_row (fixture, row_title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return GTK_EDITABLE (row);
}

/* The error text under the form, or NULL when none is shown. */
static const char *
get_visible_message (Fixture    *fixture,
                     const char *css_class)
{
  GtkWidget *label = ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_label_with_class, css_class);

  g_assert_nonnull (label);
  if (!gtk_widget_is_visible (label))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkWidget *
find_save_button (Fixture *fixture)
{
  GtkWidget *button = ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_button_labelled, "_Save");

  g_assert_nonnull (button);
  return button;
}

static GtkCheckButton *
find_override_check (Fixture *fixture)
{
  GtkWidget *check = ag_test_find_widget (GTK_WIDGET (fixture->dialog),
                                  is_check_button_labelled, OVERRIDE_LABEL);

  g_assert_nonnull (check);
  return GTK_CHECK_BUTTON (check);
}

/* Typing into a spin button without leaving it: the checks follow the text. */
static void
type_into_spin (Fixture    *fixture,
                const char *row_title,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_spin (fixture, row_title)), text);
}

static void
type_into_entry (Fixture    *fixture,
                 const char *row_title,
                 const char *text)
{
  gtk_editable_set_text (find_entry (fixture, row_title), text);
}

static void
select_area (Fixture *fixture,
             AgArea   area)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (fixture, "_Area")), area);
}

static GPtrArray *
dup_preview_rows (Fixture *fixture)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *group = ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_group_titled, "Your Sessions");
  GtkWidget *list;

  g_assert_nonnull (group);
  if (!gtk_widget_is_visible (group))
    return titles;

  list = ag_test_find_widget (group, is_visible_list_box, NULL);
  g_assert_nonnull (list);
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (row == NULL)
        break;
      g_ptr_array_add (titles,
                       g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
    }

  return titles;
}

static void
click_save (Fixture *fixture)
{
  GtkWidget *save = find_save_button (fixture);

  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  ag_test_spin_for (20);
}

static void
assert_no_treatment_saved (Fixture *fixture)
{
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;

  treatments = ag_store_list_treatments (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 0);
}

static void
test_prefilled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Plan a Treatment");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture, "_First Session (year-month-day)")),
                   ==, "2026-11-22");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture, "_Time (hours:minutes)")),
                   ==, "10:00");
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "Needle _Depth")), ==, 1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "_Weeks Between Sessions")),
                     ==, 4.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "D_uration")), ==, 30.0);

  /* A default plan is valid: no error, no warning, Save can be pressed. */
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_null (get_visible_message (fixture, "warning"));
  g_assert_true (gtk_widget_is_sensitive (find_save_button (fixture)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_override_check (fixture))));

  rows = dup_preview_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "Session 1 · Sunday 22 November 2026 · 10:00");
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Session 2 · Sunday 20 December 2026 · 10:00");
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, "Session 3 · Sunday 17 January 2027 · 10:00");

  /* Every color swatch has a name a screen reader can say. */
  g_assert_nonnull (ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_toggle_named, "Blue"));
  g_assert_nonnull (ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_toggle_named, "Purple"));
}

static void
test_depth_out_of_range (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *depth_row = find_row (fixture, "Needle _Depth");

  type_into_spin (fixture, "Needle _Depth", "3.5");
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, DEPTH_ERROR);
  g_assert_true (gtk_widget_has_css_class (depth_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (find_save_button (fixture)));

  /* Leaving the field keeps the typed value and the error. */
  gtk_spin_button_update (find_spin (fixture, "Needle _Depth"));
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "Needle _Depth")), ==, 3.5);
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, DEPTH_ERROR);

  /* Deep but allowed: a warning, and Save works again. */
  type_into_spin (fixture, "Needle _Depth", "2.75");
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_false (gtk_widget_has_css_class (depth_row, "error"));
  g_assert_nonnull (get_visible_message (fixture, "warning"));
  g_assert_true (g_str_has_prefix (get_visible_message (fixture, "warning"),
                                   "A depth above 2.5 mm is usually used only by a practitioner."));
  g_assert_true (gtk_widget_is_sensitive (find_save_button (fixture)));
}

static void
test_short_interval_override (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkCheckButton *override = find_override_check (fixture);
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  AgTreatment *treatment;

  select_area (fixture, AG_AREA_FACE);
  type_into_spin (fixture, "_Weeks Between Sessions", "1");

  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, INTERVAL_ERROR);
  g_assert_false (gtk_widget_is_sensitive (find_save_button (fixture)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (override)));
  g_assert_false (gtk_check_button_get_active (override));

  /* The scalp heals faster: one week is fine there, and the override goes away. */
  select_area (fixture, AG_AREA_SCALP);
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (override)));
  select_area (fixture, AG_AREA_FACE);
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, INTERVAL_ERROR);

  gtk_check_button_set_active (override, TRUE);
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_true (gtk_widget_is_sensitive (find_save_button (fixture)));

  click_save (fixture);
  g_assert_cmpuint (fixture->n_planned, ==, 1);
  g_assert_null (fixture->dialog);

  treatments = ag_store_list_treatments (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 1);
  treatment = g_ptr_array_index (treatments, 0);
  g_assert_cmpint (ag_treatment_get_id (treatment), ==, fixture->planned_id);
  g_assert_cmpint (ag_treatment_get_area (treatment), ==, AG_AREA_FACE);
  g_assert_cmpuint (ag_treatment_get_interval_weeks (treatment), ==, 1);
  g_assert_true (ag_treatment_get_interval_override (treatment));

  sessions = ag_store_list_sessions (fixture->store, fixture->planned_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
}

static void
test_zero_sessions (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  type_into_spin (fixture, "_Number of Sessions", "0");
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, COUNT_ERROR);
  g_assert_true (gtk_widget_has_css_class (find_row (fixture, "_Number of Sessions"), "error"));
  g_assert_false (gtk_widget_is_sensitive (find_save_button (fixture)));
  rows = dup_preview_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 0);

  /* Two sessions are allowed, with a word about how many people need. */
  type_into_spin (fixture, "_Number of Sessions", "2");
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_cmpstr (get_visible_message (fixture, "warning"), ==,
                   "Most people need at least 3 sessions to see a result. You can still plan fewer.");
}

static void
test_unreadable_dates (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *date_title = "_First Session (year-month-day)";
  g_autoptr(GPtrArray) rows = NULL;

  type_into_entry (fixture, date_title, "2026-02-30");
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, NO_SUCH_DAY_ERROR);
  g_assert_true (gtk_widget_has_css_class (find_row (fixture, date_title), "error"));
  g_assert_false (gtk_widget_is_sensitive (find_save_button (fixture)));

  type_into_entry (fixture, date_title, "tomorrow");
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, UNREADABLE_DATE_ERROR);
  g_assert_false (gtk_widget_is_sensitive (find_save_button (fixture)));
  rows = dup_preview_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 0);

  /* A bad time marks the time row, not the date. */
  type_into_entry (fixture, date_title, "2026-11-23");
  type_into_entry (fixture, "_Time (hours:minutes)", "25:00");
  g_assert_nonnull (get_visible_message (fixture, "error"));
  g_assert_true (gtk_widget_has_css_class (find_row (fixture, "_Time (hours:minutes)"), "error"));
  g_assert_false (gtk_widget_has_css_class (find_row (fixture, date_title), "error"));

  type_into_entry (fixture, "_Time (hours:minutes)", "9:30");
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_true (gtk_widget_is_sensitive (find_save_button (fixture)));
}

static void
test_past_first_session (Fixture       *fixture,
                         gconstpointer  data)
{
  type_into_entry (fixture, "_First Session (year-month-day)", "2026-11-01");
  g_assert_null (get_visible_message (fixture, "error"));
  g_assert_cmpstr (get_visible_message (fixture, "warning"), ==,
                   "Your first session is in the past. Afterglow will keep it in your history "
                   "but will not remind you of it.");
  g_assert_true (gtk_widget_is_sensitive (find_save_button (fixture)));
}

static void
test_preview_across_summer_time (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  /* Weekly scalp sessions; the clocks go forward in Berlin on 29 March 2026. */
  select_area (fixture, AG_AREA_SCALP);
  type_into_spin (fixture, "_Weeks Between Sessions", "1");
  type_into_spin (fixture, "_Number of Sessions", "3");
  type_into_entry (fixture, "_First Session (year-month-day)", "2026-03-22");
  type_into_entry (fixture, "_Time (hours:minutes)", "10:00");

  rows = dup_preview_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "Session 1 · Sunday 22 March 2026 · 10:00");
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Session 2 · Sunday 29 March 2026 · 10:00");
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==, "Session 3 · Sunday 5 April 2026 · 10:00");

  /* Planned in the past (for the record) and saved as previewed. */
  g_assert_nonnull (get_visible_message (fixture, "warning"));
  click_save (fixture);
  g_assert_cmpuint (fixture->n_planned, ==, 1);

  treatments = ag_store_list_treatments (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 1);
  sessions = ag_store_list_sessions (fixture->store, fixture->planned_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  for (guint i = 0; i < sessions->len; i++)
    {
      GDateTime *start = ag_session_get_start (g_ptr_array_index (sessions, i));

      g_assert_cmpint (g_date_time_get_hour (start), ==, 10);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
    }
  /* Summer time: the same wall-clock time is an hour earlier in UTC. */
  g_assert_cmpint (g_date_time_get_utc_offset (ag_session_get_start (g_ptr_array_index (sessions, 0))),
                   ==, G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (ag_session_get_start (g_ptr_array_index (sessions, 1))),
                   ==, 2 * G_TIME_SPAN_HOUR);
}

static void
test_save_creates_treatment (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *purple;
  AgTreatment *treatment;
  AgSession *first;

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (fixture, "De_vice")), AG_DEVICE_PEN);
  type_into_entry (fixture, "_Goal (optional), like “Acne scars”", "  Acne scars ");
  purple = ag_test_find_widget (GTK_WIDGET (fixture->dialog), is_toggle_named, "Purple");
  g_assert_nonnull (purple);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (purple), TRUE);
  type_into_spin (fixture, "Needle _Depth", "0.75");
  type_into_spin (fixture, "_Number of Sessions", "4");
  type_into_spin (fixture, "D_uration", "45");
  type_into_entry (fixture, "C_linic or Practitioner (optional)", "Hautzentrum Mitte");

  rows = dup_preview_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 4);
  click_save (fixture);

  g_assert_cmpuint (fixture->n_planned, ==, 1);
  g_assert_cmpint (fixture->planned_id, >, 0);
  g_assert_null (fixture->dialog);

  treatments = ag_store_list_treatments (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 1);
  treatment = g_ptr_array_index (treatments, 0);
  g_assert_cmpint (ag_treatment_get_id (treatment), ==, fixture->planned_id);
  g_assert_cmpint (ag_treatment_get_area (treatment), ==, AG_AREA_FACE);
  g_assert_cmpint (ag_treatment_get_device (treatment), ==, AG_DEVICE_PEN);
  g_assert_cmpstr (ag_treatment_get_goal (treatment), ==, "Acne scars");
  g_assert_cmpstr (ag_treatment_get_color (treatment), ==, "#9141ac");
  g_assert_cmpuint (ag_treatment_get_interval_weeks (treatment), ==, 4);
  g_assert_false (ag_treatment_get_interval_override (treatment));

  sessions = ag_store_list_sessions (fixture->store, fixture->planned_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 4);
  first = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (g_date_time_get_year (ag_session_get_start (first)), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (ag_session_get_start (first)), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (ag_session_get_start (first)), ==, 22);
  g_assert_cmpint (g_date_time_get_hour (ag_session_get_start (first)), ==, 10);
  g_assert_cmpfloat (ag_session_get_depth_mm (first), ==, 0.75);
  g_assert_cmpuint (ag_session_get_duration_minutes (first), ==, 45);
  g_assert_cmpstr (ag_session_get_clinic (first), ==, "Hautzentrum Mitte");
}

static void
test_save_failure_keeps_values (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *date_title = "_First Session (year-month-day)";

  /* The third session would fall after the year 9999: the store refuses the whole plan. */
  type_into_entry (fixture, date_title, "9999-12-01");
  g_assert_null (get_visible_message (fixture, "error"));
  click_save (fixture);

  g_assert_nonnull (fixture->dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_cmpuint (fixture->n_planned, ==, 0);
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==,
                   "Your plan was not saved. Some of these sessions fall on dates Afterglow "
                   "cannot handle. Choose an earlier first session.");
  g_assert_cmpstr (gtk_editable_get_text (find_entry (fixture, date_title)), ==, "9999-12-01");
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "_Number of Sessions")), ==, 3);
  assert_no_treatment_saved (fixture);
}

static void
test_enter_in_last_field_saves (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *clinic = find_entry (fixture, "C_linic or Practitioner (optional)");

  gtk_editable_set_text (clinic, "Dr. Weber");
  g_signal_emit_by_name (clinic, "entry-activated");
  ag_test_spin_for (20);

  g_assert_cmpuint (fixture->n_planned, ==, 1);
  g_assert_null (fixture->dialog);
  sessions = ag_store_list_sessions (fixture->store, fixture->planned_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
}

static void
test_enter_while_invalid_saves_nothing (Fixture       *fixture,
                                        gconstpointer  data)
{
  GtkEditable *clinic = find_entry (fixture, "C_linic or Practitioner (optional)");

  type_into_spin (fixture, "_Number of Sessions", "0");
  g_signal_emit_by_name (clinic, "entry-activated");
  ag_test_spin_for (20);

  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (fixture->n_planned, ==, 0);
  g_assert_cmpstr (get_visible_message (fixture, "error"), ==, COUNT_ERROR);
  assert_no_treatment_saved (fixture);
}

static void
test_cancel_saves_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "window.close", NULL);
  ag_test_spin_for (20);

  g_assert_null (fixture->dialog);
  g_assert_cmpuint (fixture->n_planned, ==, 0);
  assert_no_treatment_saved (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/plan-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("prefilled", test_prefilled);
  ADD ("errors/depth", test_depth_out_of_range);
  ADD ("errors/short-interval-override", test_short_interval_override);
  ADD ("errors/zero-sessions", test_zero_sessions);
  ADD ("errors/dates", test_unreadable_dates);
  ADD ("warnings/past", test_past_first_session);
  ADD ("preview/summer-time", test_preview_across_summer_time);
  ADD ("save/creates-treatment", test_save_creates_treatment);
  ADD ("save/failure-keeps-values", test_save_failure_keeps_values);
  ADD ("save/enter-in-last-field", test_enter_in_last_field_saves);
  ADD ("save/enter-while-invalid", test_enter_while_invalid_saves_nothing);
  ADD ("cancel", test_cancel_saves_nothing);

#undef ADD

  return g_test_run ();
}
