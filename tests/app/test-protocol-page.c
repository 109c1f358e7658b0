/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-protocol-page.c: the Aftercare Plan page changes, saves, refuses and restores protocol values. */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ag-protocol-page.h"
#include "ag-user-protocol.h"
#include "ag-test-widgets.h"

static char *data_home;

static void
empty_data_home (void)
{
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_unlink (dir);
  g_rmdir (dir);
}

typedef struct
{
  GType type;
  const char *text;
} Titled;

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  const Titled *wanted = data;
  const char *title = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type))
    return FALSE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_LABEL (widget))
    title = gtk_label_get_text (GTK_LABEL (widget));

  return g_strcmp0 (title, wanted->text) == 0;
}

/* Walks the widget tree for the first widget of @type whose row title (or label text)
 * is @text, as a user would look for it. */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *text)
{
  Titled wanted = { type, text };

  return ag_test_find_widget (root, is_titled, &wanted);
}

static guint
count_descendants (GtkWidget *root,
                   GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ag_test_collect_descendants (root, type, found);
  return found->len;
}

/* The spin button in row @row_title inside the expander @expander_title. */
static GtkSpinButton *
find_spin (GtkWidget  *window,
           const char *expander_title,
           const char *row_title)
{
  GtkWidget *expander = find_titled (window, ADW_TYPE_EXPANDER_ROW, expander_title);
  GtkWidget *row;

  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  row = find_titled (expander, ADW_TYPE_ACTION_ROW, row_title);
  g_assert_nonnull (row);

  return GTK_SPIN_BUTTON (ag_test_find_descendant (row, GTK_TYPE_SPIN_BUTTON));
}

static void
type_into (GtkSpinButton *spin,
           const char    *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
  ag_test_spin_for (50);
}

static gboolean
is_label_starting_with (GtkWidget     *widget,
                        gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start);
}

static GtkWidget *
find_label_starting_with (GtkWidget  *root,
                          const char *start)
{
  return ag_test_find_widget (root, is_label_starting_with, start);
}

/* Whether a toast whose text begins with @message is on screen, within 2 s. */
static gboolean
shows_toast (GtkWidget  *window,
             const char *message)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWidget *label = find_label_starting_with (window, message);

      if (label != NULL && gtk_widget_get_ancestor (label, ADW_TYPE_TOAST_OVERLAY) != NULL)
        {
          g_test_message ("Toast: %s", gtk_label_get_text (GTK_LABEL (label)));
          return TRUE;
        }
      g_main_context_iteration (NULL, FALSE);
    }

  return FALSE;
}

static GtkWidget *
open_page (AgProtocol **out_protocol)
{
  g_autoptr(GError) error = NULL;
  AgProtocol *protocol = ag_user_protocol_load (&error);
  GtkWidget *window = adw_preferences_window_new ();

  g_assert_no_error (error);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (ag_protocol_page_new (protocol)));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 720);
  gtk_window_present (GTK_WINDOW (window));
  ag_test_wait_until_mapped (window);

  *out_protocol = protocol;
  return window;
}

static void
test_page_shows_the_plan (void)
{
  g_autoptr(AgProtocol) protocol = NULL;
  GtkWidget *window;
  GtkWidget *expander;
  GtkWidget *restore;

  empty_data_home ();
  window = open_page (&protocol);

  /* One expander per restriction and per task; a row per depth band. */
  g_assert_cmpuint (count_descendants (window, ADW_TYPE_EXPANDER_ROW), ==, 7 + 6);
  expander = find_titled (window, ADW_TYPE_EXPANDER_ROW, "No workouts or sweating");
  g_assert_nonnull (expander);
  g_assert_nonnull (find_titled (expander, ADW_TYPE_ACTION_ROW, "Up to 0.5 mm"));
  g_assert_nonnull (find_titled (expander, ADW_TYPE_ACTION_ROW, "0.5 to 1.5 mm"));
  g_assert_nonnull (find_titled (expander, ADW_TYPE_ACTION_ROW, "Above 1.5 mm"));
  g_assert_cmpuint (count_descendants (expander, GTK_TYPE_SPIN_BUTTON), ==, 3);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "24 h · 48 h · 72 h");

  expander = find_titled (window, ADW_TYPE_EXPANDER_ROW, "Gentle cleanser");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "From day 1 to day 7");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin (window, "Sunscreen",
                                                                "First Reminder")), ==, 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_spin (window, "Sunscreen",
                                                                   "Last Reminder"))), ==, "18:00");

  g_assert_nonnull (find_titled (window, ADW_TYPE_ACTION_ROW, "Stop retinoids and exfoliating acids"));
  g_assert_nonnull (find_titled (window, ADW_TYPE_ACTION_ROW, "Scalp"));

  /* Nothing to restore yet. */
  restore = GTK_WIDGET (gtk_widget_get_ancestor (find_titled (window, GTK_TYPE_LABEL,
                                                              "Restore Defaults"),
                                                 GTK_TYPE_BUTTON));
  g_assert_nonnull (restore);
  g_assert_false (gtk_widget_get_sensitive (restore));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_change_is_saved (void)
{
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgProtocol) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkSpinButton *spin;
  GtkWidget *window;

  empty_data_home ();
  window = open_page (&protocol);

  spin = find_spin (window, "No workouts or sweating", "0.5 to 1.5 mm");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 48);

  type_into (spin, "60");

  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 1.0), ==, 60);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 0.3), ==, 24);
  contents = ag_test_read_user_protocol ();
  g_assert_nonnull (contents);
  g_assert_nonnull (strstr (contents, "[Restriction exercise]\nHours=24;60;72;"));

  reloaded = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (reloaded, "exercise", 1.0), ==, 60);

  /* A change made elsewhere shows up on the page. */
  g_assert_true (ag_protocol_set_restriction_hours (protocol, "exercise", 1, 36, NULL));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 36);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (find_titled (window,
                                                                                 ADW_TYPE_EXPANDER_ROW,
                                                                                 "No workouts or sweating"))),
                   ==, "24 h · 36 h · 72 h");

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  /* An activated button clicks after its pressed-down animation. */
  while (g_get_monotonic_time () < deadline)
    {
      GtkWindow *window = ag_test_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);

      if (window != NULL)
        return ADW_MESSAGE_DIALOG (window);

      g_main_context_iteration (NULL, FALSE);
    }

  return NULL;
}

/* Clicks the dialog's button labelled @label, as the user would. */
static void
click_dialog_button (AdwMessageDialog *dialog,
                     const char       *label)
{
  GtkWidget *button = gtk_widget_get_ancestor (find_titled (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                                            label),
                                               GTK_TYPE_BUTTON);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ag_test_spin_for (100);
}

static void
test_restore_defaults (void)
{
  g_autoptr(AgProtocol) protocol = NULL;
  AdwMessageDialog *dialog;
  GtkSpinButton *spin;
  GtkSpinButton *weeks;
  GtkWidget *window;
  GtkWidget *restore;

  empty_data_home ();
  window = open_page (&protocol);

  spin = find_spin (window, "No workouts or sweating", "0.5 to 1.5 mm");
  type_into (spin, "60");
  weeks = GTK_SPIN_BUTTON (ag_test_find_descendant (find_titled (window, ADW_TYPE_ACTION_ROW, "Face"),
                                            GTK_TYPE_SPIN_BUTTON));
  type_into (weeks, "6");
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (protocol, AG_AREA_FACE), ==, 6);

  restore = gtk_widget_get_ancestor (find_titled (window, GTK_TYPE_LABEL, "Restore Defaults"),
                                     GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_sensitive (restore));

  /* Cancelling changes nothing. */
  gtk_widget_activate (restore);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Defaults?");
  g_object_ref (dialog);
  click_dialog_button (dialog, "Cancel");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 1.0), ==, 60);
  g_assert_nonnull (ag_test_read_user_protocol ());

  gtk_widget_activate (restore);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  click_dialog_button (dialog, "Restore Defaults");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 1.0), ==, 48);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (protocol, AG_AREA_FACE), ==, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 48);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (weeks), ==, 4);
  g_assert_null (ag_test_read_user_protocol ());
  g_assert_false (gtk_widget_get_sensitive (restore));
  g_assert_true (shows_toast (window, "The standard aftercare plan is back."));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_value_is_refused (void)
{
  g_autoptr(AgProtocol) protocol = NULL;
  GtkSpinButton *spin;
  GtkWidget *window;
  GtkWidget *expander;
  const AgProtocolTask *task;

  empty_data_home ();
  window = open_page (&protocol);

  /* The gentle cleanser runs from day 1; a last day of 0 would end before it starts. */
  spin = find_spin (window, "Gentle cleanser", "Last Day");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 7);
  type_into (spin, "0");

  g_assert_true (shows_toast (window,
                              "The last day of “Gentle cleanser” cannot come before its first day."));
  task = ag_protocol_find_task (protocol, "cleanse");
  g_assert_cmpuint (task->first_day, ==, 1);
  g_assert_cmpuint (task->last_day, ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "7");
  g_assert_null (ag_test_read_user_protocol ());

  /* A valid value goes through and the summary follows. */
  type_into (spin, "10");
  g_assert_cmpuint (task->last_day, ==, 10);
  expander = find_titled (window, ADW_TYPE_EXPANDER_ROW, "Gentle cleanser");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==,
                   "From day 1 to day 10");

  /* Same for reminder hours that end before they start. */
  spin = find_spin (window, "Sunscreen", "Last Reminder");
  type_into (spin, "08:00");
  g_assert_true (shows_toast (window,
                              "The last reminder for “Sunscreen” cannot come before the first one."));
  g_assert_cmpuint (ag_protocol_find_task (protocol, "sunscreen")->repeat_until, ==, 18);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "18:00");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_failed_save_shows_saved_value (void)
{
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  GtkSpinButton *spin;
  GtkWidget *window;

  empty_data_home ();
  window = open_page (&protocol);

  /* A plain file where the data folder should be: nothing can be saved. */
  g_file_set_contents (dir, "in the way", -1, &error);
  g_assert_no_error (error);

  spin = find_spin (window, "No makeup", "Above 1.5 mm");
  type_into (spin, "50");

  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "makeup", 2.0), ==, 48);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 48);
  g_assert_true (shows_toast (window, "Your change to the aftercare plan was not saved"));

  g_unlink (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks for the user data folder: GLib reads it once. */
  data_home = ag_test_make_tmp_dir ("afterglow-protocol-page-XXXXXX");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/protocol-page/shows-the-plan", test_page_shows_the_plan);
  g_test_add_func ("/protocol-page/change-is-saved", test_change_is_saved);
  g_test_add_func ("/protocol-page/restore-defaults", test_restore_defaults);
  g_test_add_func ("/protocol-page/invalid-value-is-refused", test_invalid_value_is_refused);
  g_test_add_func ("/protocol-page/failed-save-shows-saved-value",
                   test_failed_save_shows_saved_value);

  status = g_test_run ();

  empty_data_home ();
  g_rmdir (data_home);
  g_free (data_home);

  return status;
}
