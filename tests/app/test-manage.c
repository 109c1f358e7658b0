/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-manage.c: the treatments panel and the treatment and session dialogs, driven like a user. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ag-session-dialog.h"
#include "ag-session-row.h"
#include "ag-treatment-dialog.h"
#include "ag-treatment-row.h"
#include "ag-treatments-panel.h"
#include "ag-test-widgets.h"

typedef struct
{
  char *dir;
  GTimeZone *zone;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  gint64 face_id;
  gint64 neck_id;
  gint64 face_sessions[4];

  GtkWindow *window;
  AdwToastOverlay *overlay;
  AgTreatmentsPanel *panel;
  gint64 shown_treatment;
} Fixture;

static void
wait_until_mapped (GtkWidget *widget)
{
  ag_test_wait_until_mapped (widget);
  ag_test_spin_for (100);
}

static char *
strip_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);

  return g_string_free (plain, FALSE);
}

/* Whether a label the user can see right now says exactly @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ag_test_collect_descendants (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_drawable (GTK_WIDGET (label)) &&
          g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  if (!shows_text (root, text))
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      ag_test_collect_descendants (root, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        if (gtk_widget_is_drawable (g_ptr_array_index (labels, i)))
          g_test_message ("shown: “%s”", gtk_label_get_text (g_ptr_array_index (labels, i)));
      g_error ("“%s” is not shown", text);
    }
}

static guint
count_shown (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  guint n = 0;

  ag_test_collect_descendants (root, type, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (widgets, i)))
      n++;

  return n;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) contents = g_ptr_array_new ();

  ag_test_collect_descendants (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *plain = strip_mnemonic (gtk_button_get_label (g_ptr_array_index (buttons, i)));

      if (g_strcmp0 (plain, label) == 0)
        return g_ptr_array_index (buttons, i);
    }

  ag_test_collect_descendants (root, ADW_TYPE_BUTTON_CONTENT, contents);
  for (guint i = 0; i < contents->len; i++)
    {
      AdwButtonContent *content = g_ptr_array_index (contents, i);
      g_autofree char *plain = strip_mnemonic (adw_button_content_get_label (content));

      if (g_strcmp0 (plain, label) == 0)
        return GTK_BUTTON (gtk_widget_get_parent (GTK_WIDGET (content)));
    }

  g_error ("No button “%s”", label);
  return NULL;
}

static gboolean
is_drawable (gconstpointer widget)
{
  return gtk_widget_is_drawable (GTK_WIDGET (widget));
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkButton *button = find_button (root, label);

  /* A dialog just presented may not be on screen yet: wait for it, however long it takes. */
  ag_test_wait_until (is_drawable, button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  /* As with the keyboard: a button activated this way clicks once its press is shown. */
  gtk_widget_activate (GTK_WIDGET (button));
  ag_test_spin_for (350);
}

static AdwPreferencesRow *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ag_test_collect_descendants (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);
      g_autofree char *plain = strip_mnemonic (adw_preferences_row_get_title (row));

      if (g_strcmp0 (plain, title) == 0)
        return row;
    }

  g_error ("No row “%s”", title);
  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  AdwPreferencesRow *row = find_row (root, row_title);

  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
row_text (GtkWidget  *root,
          const char *row_title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (root, row_title)));
}

static GDateTime *
berlin (Fixture *fixture,
        int      year,
        int      month,
        int      day,
        int      hour,
        int      minute)
{
  return g_date_time_new (fixture->zone, year, month, day, hour, minute, 0);
}

static AgSession *
get_session (Fixture *fixture,
             gint64   session_id)
{
  g_autoptr(GError) error = NULL;
  AgSession *session = ag_store_get_session (fixture->store, session_id, &error);

  g_assert_no_error (error);
  return session;
}

static char *
session_start_text (Fixture *fixture,
                    gint64   session_id)
{
  g_autoptr(AgSession) session = get_session (fixture, session_id);

  return g_date_time_format (ag_session_get_start (session), "%Y-%m-%d %H:%M");
}

static void
assert_session_start (Fixture    *fixture,
                      gint64      session_id,
                      const char *expected)
{
  g_autofree char *start = session_start_text (fixture, session_id);

  g_assert_cmpstr (start, ==, expected);
}

static gint64
plan_treatment (Fixture   *fixture,
                AgArea     area,
                GDateTime *first,
                guint      n_sessions)
{
  g_autoptr(AgTreatment) treatment = ag_treatment_new (area, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (first, n_sessions, 4);

  ag_series_plan_set_depth_mm (plan, 1.0);
  ag_test_plan (fixture->store, treatment, plan,
                ag_protocol_get_min_interval_weeks (fixture->protocol, area));

  return ag_treatment_get_id (treatment);
}

static void
show_treatment_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->shown_treatment = g_variant_get_int64 (parameter);
}

static AgSessionDialog *
open_session_dialog (Fixture *fixture,
                     gint64   session_id)
{
  AgSessionDialog *dialog = ag_session_dialog_new (fixture->window, fixture->store,
                                                   fixture->protocol, session_id);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (GTK_WIDGET (dialog));
  return dialog;
}

/* Fixture: Face, 4 sessions from Tue 1 Dec 2026 10:00, every 4 weeks, all planned; Neck, 3
 * sessions in the autumn, all done. "Now" is Sun 22 Nov 2026 noon in Berlin. */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "show-treatment", show_treatment_cb, "x", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GDateTime) face_first = NULL;
  g_autoptr(GDateTime) neck_first = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = ag_test_make_tmp_dir ("test-manage-XXXXXX");
  fixture->zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (fixture->zone);
  fixture->clock = ag_test_clock_at (2026, 11, 22, 12, 0, 0);

  fixture->store = ag_test_open_store (fixture->dir, fixture->clock);
  fixture->protocol = ag_test_load_protocol ();

  face_first = berlin (fixture, 2026, 12, 1, 10, 0);
  fixture->face_id = plan_treatment (fixture, AG_AREA_FACE, face_first, 4);
  neck_first = berlin (fixture, 2026, 8, 4, 9, 30);
  fixture->neck_id = plan_treatment (fixture, AG_AREA_NECK, neck_first, 3);

  sessions = ag_store_list_sessions (fixture->store, fixture->neck_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  for (guint i = 0; i < sessions->len; i++)
    {
      g_assert_true (ag_store_set_session_status (fixture->store,
                                                  ag_session_get_id (g_ptr_array_index (sessions, i)),
                                                  AG_SESSION_DONE, 0.0, &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&sessions, g_ptr_array_unref);

  sessions = ag_store_list_sessions (fixture->store, fixture->face_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    fixture->face_sessions[i] = ag_session_get_id (g_ptr_array_index (sessions, i));

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 600);
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->panel = ag_treatments_panel_new ();
  gtk_widget_set_valign (GTK_WIDGET (fixture->panel), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->panel), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->panel), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->panel), 12);
  ag_treatments_panel_set_context (fixture->panel, fixture->store, fixture->protocol);
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->panel));
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->overlay));

  gtk_window_present (fixture->window);
  wait_until_mapped (GTK_WIDGET (fixture->panel));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  ag_test_spin_for (50);

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->zone, g_time_zone_unref);

  ag_test_remove_store_files (fixture->dir);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

/* Tests */

static void
test_panel_lists_treatments (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *panel = GTK_WIDGET (fixture->panel);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  assert_shows (panel, "Treatments");
  assert_shows (panel, "Face");
  assert_shows (panel, "Next: session 1 of 4 · Tue 1 Dec");
  assert_shows (panel, "Neck");
  assert_shows (panel, "All 3 sessions done");
  g_assert_cmpuint (count_shown (panel, AG_TYPE_TREATMENT_ROW), ==, 2);
  g_assert_false (shows_text (panel, "No treatments yet"));

  /* Choosing a treatment asks the window to show it. */
  ag_test_collect_descendants (panel, GTK_TYPE_LIST_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (views, 0), "activate", 1);
  g_assert_cmpint (fixture->shown_treatment, ==, fixture->neck_id);
  g_signal_emit_by_name (g_ptr_array_index (views, 0), "activate", 0);
  g_assert_cmpint (fixture->shown_treatment, ==, fixture->face_id);

  /* A session with no planned session left says so. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (ag_store_set_session_status (fixture->store, fixture->face_sessions[i],
                                                AG_SESSION_CANCELLED, 0.0, NULL));
  ag_test_spin_for (50);
  assert_shows (panel, "No sessions planned");
}

static void
test_session_mark_done (Fixture       *fixture,
                        gconstpointer  data)
{
  AgSessionDialog *dialog = open_session_dialog (fixture, fixture->face_sessions[0]);
  AdwPreferencesRow *depth_row;
  GtkWidget *spin;
  g_autoptr(AgSession) session = NULL;

  assert_shows (GTK_WIDGET (dialog), "Session 1 of 4 · Face");
  assert_shows (GTK_WIDGET (dialog), "Tuesday 1 December 2026 · 10:00");
  assert_shows (GTK_WIDGET (dialog), "Planned");
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_button (GTK_WIDGET (dialog),
                                                                   "Set Back to Planned"))));

  /* The actual depth is prefilled with the planned one; the practitioner went deeper. */
  depth_row = find_row (GTK_WIDGET (dialog), "Depth Used");
  spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (depth_row));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1.0);
  gtk_editable_set_text (GTK_EDITABLE (spin), "1.25");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  click (GTK_WIDGET (dialog), "Mark as Done");
  g_assert_null (dialog);

  session = get_session (fixture, fixture->face_sessions[0]);
  g_assert_cmpint (ag_session_get_status (session), ==, AG_SESSION_DONE);
  g_assert_cmpfloat_with_epsilon (ag_session_get_actual_depth_mm (session), 1.25, 1e-9);
  ag_test_spin_for (50);
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 2 of 4 · Tue 29 Dec");

  /* Reopened, it says how it went and can go back to planned. */
  dialog = open_session_dialog (fixture, fixture->face_sessions[0]);
  assert_shows (GTK_WIDGET (dialog), "Done at 1.25 mm");
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_button (GTK_WIDGET (dialog),
                                                                   "Mark as Done"))));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  click (GTK_WIDGET (dialog), "Set Back to Planned");
  g_assert_null (dialog);

  g_clear_object (&session);
  session = get_session (fixture, fixture->face_sessions[0]);
  g_assert_cmpint (ag_session_get_status (session), ==, AG_SESSION_PLANNED);
  ag_test_spin_for (50);
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 1 of 4 · Tue 1 Dec");
}

static void
test_session_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  AgSessionDialog *dialog = open_session_dialog (fixture, fixture->face_sessions[1]);
  AdwMessageDialog *confirm;
  g_autoptr(AgSession) session = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  click (GTK_WIDGET (dialog), "Cancel Session…");
  confirm = ADW_MESSAGE_DIALOG (ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Cancel This Session?");
  adw_message_dialog_response (confirm, "cancel-session");
  ag_test_spin_for (100);
  g_assert_null (ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (dialog);

  session = get_session (fixture, fixture->face_sessions[1]);
  g_assert_cmpint (ag_session_get_status (session), ==, AG_SESSION_CANCELLED);
  /* A cancelled session no longer counts in the series. */
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 1 of 3 · Tue 1 Dec");

  dialog = open_session_dialog (fixture, fixture->face_sessions[1]);
  assert_shows (GTK_WIDGET (dialog), "Cancelled Session · Face");
  assert_shows (GTK_WIDGET (dialog), "Cancelled");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  click (GTK_WIDGET (dialog), "Set Back to Planned");
  g_assert_null (dialog);
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 1 of 4 · Tue 1 Dec");
}

static void
test_session_deep_warning (Fixture       *fixture,
                           gconstpointer  data)
{
  AgSessionDialog *dialog = open_session_dialog (fixture, fixture->face_sessions[0]);
  AdwPreferencesRow *row = find_row (GTK_WIDGET (dialog), "Needle Depth");
  GtkWidget *spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  const char *warning = "A depth above 2.5 mm is usually used only by a practitioner. "
                        "Make sure this is the depth you were given.";

  g_assert_false (shows_text (GTK_WIDGET (dialog), warning));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2.75);
  ag_test_spin_for (50);
  assert_shows (GTK_WIDGET (dialog), warning);
}

static void
test_session_move_with_later (Fixture       *fixture,
                              gconstpointer  data)
{
  AgSessionDialog *dialog;

  g_assert_true (ag_store_set_session_status (fixture->store, fixture->face_sessions[0],
                                              AG_SESSION_DONE, 0.0, NULL));
  ag_test_spin_for (50);
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 2 of 4 · Tue 29 Dec");

  dialog = open_session_dialog (fixture, fixture->face_sessions[1]);
  assert_shows (GTK_WIDGET (dialog), "Session 2 of 4 · Face");
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Date"), ==, "2026-12-29");
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Time"), ==, "10:00");

  /* "Also move the later sessions" is the default. */
  type_into (GTK_WIDGET (dialog), "Date", "2027-01-05");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  click (GTK_WIDGET (dialog), "Move Session");
  g_assert_null (dialog);

  assert_session_start (fixture, fixture->face_sessions[0], "2026-12-01 10:00");
  assert_session_start (fixture, fixture->face_sessions[1], "2027-01-05 10:00");
  assert_session_start (fixture, fixture->face_sessions[2], "2027-02-02 10:00");
  assert_session_start (fixture, fixture->face_sessions[3], "2027-03-02 10:00");

  ag_test_spin_for (50);
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 2 of 4 · Tue 5 Jan");
  g_assert_false (shows_text (GTK_WIDGET (fixture->panel), "Next: session 2 of 4 · Tue 29 Dec"));
}

static void
test_session_move_only_this (Fixture       *fixture,
                             gconstpointer  data)
{
  AgSessionDialog *dialog = open_session_dialog (fixture, fixture->face_sessions[1]);
  AdwPreferencesRow *only_this;

  type_into (GTK_WIDGET (dialog), "Date", "2027-01-07");
  type_into (GTK_WIDGET (dialog), "Time", "12:30");
  only_this = find_row (GTK_WIDGET (dialog), "Only This Session");
  adw_action_row_activate (ADW_ACTION_ROW (only_this));
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (only_this)))));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  click (GTK_WIDGET (dialog), "Move Session");
  g_assert_null (dialog);

  assert_session_start (fixture, fixture->face_sessions[1], "2027-01-07 12:30");
  assert_session_start (fixture, fixture->face_sessions[2], "2027-01-26 10:00");
  assert_session_start (fixture, fixture->face_sessions[3], "2027-02-23 10:00");
}

static void
test_session_move_invalid_date (Fixture       *fixture,
                                gconstpointer  data)
{
  AgSessionDialog *dialog = open_session_dialog (fixture, fixture->face_sessions[1]);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  type_into (GTK_WIDGET (dialog), "Date", "2027-02-30");
  click (GTK_WIDGET (dialog), "Move Session");
  g_assert_nonnull (dialog);
  assert_shows (GTK_WIDGET (dialog),
                "There is no day 2027-02-30 in the calendar. Check the month and the day.");

  type_into (GTK_WIDGET (dialog), "Date", "2027-01-05");
  type_into (GTK_WIDGET (dialog), "Time", "25:00");
  click (GTK_WIDGET (dialog), "Move Session");
  g_assert_nonnull (dialog);
  assert_shows (GTK_WIDGET (dialog),
                "“25:00” is not a time Afterglow can read. Type it as hours:minutes, like 14:30.");

  /* Nothing moved. */
  assert_session_start (fixture, fixture->face_sessions[1], "2026-12-29 10:00");
  assert_session_start (fixture, fixture->face_sessions[2], "2027-01-26 10:00");
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 1 of 4 · Tue 1 Dec");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_treatment_dialog_sessions (Fixture       *fixture,
                                gconstpointer  data)
{
  AgTreatmentDialog *dialog = ag_treatment_dialog_new (fixture->window, fixture->store,
                                                       fixture->protocol, fixture->face_id);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr(AgTreatment) treatment = NULL;
  GtkToggleButton *green = NULL;
  GtkWidget *session_row = NULL;
  GtkWindow *session_dialog;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (GTK_WIDGET (dialog));

  g_assert_cmpuint (count_shown (GTK_WIDGET (dialog), AG_TYPE_SESSION_ROW), ==, 4);
  assert_shows (GTK_WIDGET (dialog), "Session 2 of 4");
  assert_shows (GTK_WIDGET (dialog), "Tuesday 29 December 2026 · 10:00");
  assert_shows (GTK_WIDGET (dialog), "Planned");

  /* A new session defaults to four weeks after the last one. */
  click (GTK_WIDGET (dialog), "Add Session");
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Date"), ==, "2027-03-23");
  g_assert_cmpstr (row_text (GTK_WIDGET (dialog), "Time"), ==, "10:00");
  click (GTK_WIDGET (dialog), "Add New Session");
  ag_test_spin_for (100);

  sessions = ag_store_list_sessions (fixture->store, fixture->face_id, NULL);
  g_assert_cmpuint (sessions->len, ==, 5);
  g_assert_cmpfloat (ag_session_get_depth_mm (g_ptr_array_index (sessions, 4)), ==, 1.0);
  assert_shows (GTK_WIDGET (dialog), "Session 5 of 5");
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 1 of 5 · Tue 1 Dec");

  /* The colour is saved as soon as it is chosen. */
  ag_test_collect_descendants (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (toggles, i)), "Green") == 0)
      green = g_ptr_array_index (toggles, i);
  g_assert_nonnull (green);
  g_assert_false (gtk_toggle_button_get_active (green));
  gtk_widget_activate (GTK_WIDGET (green));
  ag_test_spin_for (350);
  treatment = ag_store_get_treatment (fixture->store, fixture->face_id, NULL);
  g_assert_cmpstr (ag_treatment_get_color (treatment), ==, "#33d17a");
  g_assert_true (gtk_toggle_button_get_active (green));

  /* Choosing a session opens it. */
  ag_test_collect_descendants (GTK_WIDGET (dialog), AG_TYPE_SESSION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (ag_session_get_id (ag_session_row_get_session (g_ptr_array_index (rows, i))) ==
        fixture->face_sessions[1])
      session_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (session_row);
  gtk_widget_activate (gtk_widget_get_parent (session_row));
  ag_test_spin_for (100);
  session_dialog = ag_test_find_window_of_type (AG_TYPE_SESSION_DIALOG);
  g_assert_nonnull (session_dialog);
  g_assert_cmpint (ag_session_dialog_get_session_id (AG_SESSION_DIALOG (session_dialog)), ==,
                   fixture->face_sessions[1]);
  g_assert_true (gtk_window_get_transient_for (session_dialog) == GTK_WINDOW (dialog));
}

static void
test_treatment_delete_and_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  AgTreatmentDialog *dialog = ag_treatment_dialog_new (fixture->window, fixture->store,
                                                       fixture->protocol, fixture->face_id);
  g_autoptr(GPtrArray) treatments = NULL;
  AdwMessageDialog *confirm;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (GTK_WIDGET (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  /* Cancelling the confirmation keeps everything. */
  click (GTK_WIDGET (dialog), "Delete Treatment…");
  confirm = ADW_MESSAGE_DIALOG (ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  ag_test_spin_for (50);
  g_assert_nonnull (dialog);
  treatments = ag_store_list_treatments (fixture->store, NULL);
  g_assert_cmpuint (treatments->len, ==, 2);
  g_clear_pointer (&treatments, g_ptr_array_unref);

  click (GTK_WIDGET (dialog), "Delete Treatment…");
  confirm = ADW_MESSAGE_DIALOG (ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Delete Face treatment?");
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==,
                   "Its 4 sessions and their checklists are removed. "
                   "You can undo this right after.");
  adw_message_dialog_response (confirm, "delete");
  ag_test_spin_for (100);
  g_assert_null (ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_null (dialog);
  treatments = ag_store_list_treatments (fixture->store, NULL);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_clear_pointer (&treatments, g_ptr_array_unref);
  g_assert_false (shows_text (GTK_WIDGET (fixture->panel), "Face"));
  g_assert_cmpuint (count_shown (GTK_WIDGET (fixture->panel), AG_TYPE_TREATMENT_ROW), ==, 1);

  /* The parent window offers undo, and undo brings it all back. */
  assert_shows (GTK_WIDGET (fixture->overlay), "Face treatment deleted");
  click (GTK_WIDGET (fixture->overlay), "Undo");
  ag_test_spin_for (100);

  treatments = ag_store_list_treatments (fixture->store, NULL);
  g_assert_cmpuint (treatments->len, ==, 2);
  assert_shows (GTK_WIDGET (fixture->panel), "Face");
  assert_shows (GTK_WIDGET (fixture->panel), "Next: session 1 of 4 · Tue 1 Dec");
  g_assert_cmpuint (count_shown (GTK_WIDGET (fixture->panel), AG_TYPE_TREATMENT_ROW), ==, 2);
}

/* A change elsewhere in the series, by the other program, keeps what the patient is typing. */
static void
test_session_typing_survives_changes (Fixture       *fixture,
                                      gconstpointer  data)
{
  AgSessionDialog *dialog = open_session_dialog (fixture, fixture->face_sessions[1]);
  AdwPreferencesRow *notes = find_row (GTK_WIDGET (dialog), "Notes");
  g_autoptr(AgSession) third = get_session (fixture, fixture->face_sessions[2]);
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (notes), "Ask about numbing cream");

  ag_session_set_clinic (third, "Another clinic");
  g_assert_true (ag_store_update_session (fixture->store, third, &error));
  g_assert_no_error (error);
  ag_test_spin_for (50);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (notes)), ==, "Ask about numbing cream");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_toast_close_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

/* When undo is no longer offered, the deleted treatment is removed from the file for good. */
static void
test_treatment_delete_for_good (Fixture       *fixture,
                                gconstpointer  data)
{
  AgTreatmentDialog *dialog = ag_treatment_dialog_new (fixture->window, fixture->store,
                                                       fixture->protocol, fixture->face_id);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *confirm;
  GtkWidget *close;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_mapped (GTK_WIDGET (dialog));

  click (GTK_WIDGET (dialog), "Delete Treatment…");
  confirm = ADW_MESSAGE_DIALOG (ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "delete");
  ag_test_spin_for (100);
  assert_shows (GTK_WIDGET (fixture->overlay), "Face treatment deleted");

  /* Still undoable while the toast shows. */
  g_assert_true (ag_store_restore_treatment (fixture->store, fixture->face_id, &error));
  g_assert_no_error (error);
  g_assert_true (ag_store_delete_treatment (fixture->store, fixture->face_id, &error));
  g_assert_no_error (error);

  /* The patient closes the toast without undoing: nothing is left to restore. */
  close = ag_test_find_widget (GTK_WIDGET (fixture->overlay), is_toast_close_button, NULL);
  g_assert_nonnull (close);
  gtk_widget_activate (close);
  ag_test_spin_for (500);
  g_assert_false (ag_store_restore_treatment (fixture->store, fixture->face_id, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  /* The texts asserted are the untranslated English ones with English dates. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/manage/panel/lists-treatments", test_panel_lists_treatments);
  ADD ("/manage/session/mark-done", test_session_mark_done);
  ADD ("/manage/session/cancel", test_session_cancel);
  ADD ("/manage/session/deep-warning", test_session_deep_warning);
  ADD ("/manage/session/move-with-later", test_session_move_with_later);
  ADD ("/manage/session/move-only-this", test_session_move_only_this);
  ADD ("/manage/session/move-invalid-date", test_session_move_invalid_date);
  ADD ("/manage/treatment/sessions", test_treatment_dialog_sessions);
  ADD ("/manage/treatment/delete-and-undo", test_treatment_delete_and_undo);
  ADD ("/manage/treatment/delete-for-good", test_treatment_delete_for_good);
  ADD ("/manage/session/typing-survives-changes", test_session_typing_survives_changes);

#undef ADD

  return g_test_run ();
}
