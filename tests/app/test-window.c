/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the real Afterglow window: empty state, plan, midnight, damaged store, menus. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ag-application.h"
#include "ag-day-view.h"
#include "ag-preferences-window.h"
#include "ag-protocol-page.h"
#include "ag-window.h"
#include "ag-test-widgets.h"

static char *data_dir;

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static char *
store_path (void)
{
  return g_build_filename (data_dir, "afterglow", "afterglow.db", NULL);
}

static void
remove_store (void)
{
  g_autofree char *folder = g_build_filename (data_dir, "afterglow", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
}

static AgWindow *
start (AgApplication *application)
{
  static guint n_started;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++n_started);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* A registered GtkApplication stays exported on the bus until it shuts down, which a
   * test never reaches; each test's application gets a name of its own. */
  g_application_set_application_id (G_APPLICATION (application), id);
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (AG_IS_WINDOW (window));
  spin_until (is_mapped, window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return AG_WINDOW (window);
}

static void
finish (AgWindow       *window,
        AgApplication **application)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ag_test_spin_for (50);
  g_clear_object (application);
}

static const char *
visible_page (AgWindow *window)
{
  GtkWidget *stack = ag_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
plan_face_treatment (AgApplication *application,
                     int            month,
                     int            day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) first = g_date_time_new (tz, 2026, month, day, 10, 0, 0);
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (first, 3, 4);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);

  ag_test_plan (ag_application_get_store (application), treatment, plan, 4);
}

static void
test_empty_state (void)
{
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);
  g_autoptr(AgApplication) application = NULL;
  g_autofree char *path = store_path ();
  AgWindow *window;
  GtkWidget *status;
  int width;
  int height;

  remove_store ();
  application = ag_application_new_with_clock (clock);
  window = start (application);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Afterglow");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 960);
  g_assert_cmpint (height, ==, 720);

  /* A new patient is invited to plan, and the store was created for them. */
  g_assert_cmpstr (visible_page (window), ==, "empty");
  status = ag_test_find_descendant (GTK_WIDGET (gtk_stack_get_visible_child (
             GTK_STACK (ag_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK)))),
                            ADW_TYPE_STATUS_PAGE);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Plan Your First Treatment");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Planning shows the plan, on today. */
  plan_face_treatment (application, 11, 2);
  ag_test_spin_for (50);
  g_assert_cmpstr (visible_page (window), ==, "plan");
  g_assert_cmpstr (ag_day_view_get_title (ag_window_get_day_view (window)), ==,
                   "Day 1 after session 1 of 3 · Face");
  g_assert_true (g_str_has_prefix (ag_day_view_get_subtitle (ag_window_get_day_view (window)),
                                   "Today · "));

  finish (window, &application);
}

static void
test_midnight_rollover (void)
{
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 23, 59, 30);
  g_autoptr(AgApplication) application = NULL;
  AgWindow *window;
  const GDate *selected;

  remove_store ();
  application = ag_application_new_with_clock (clock);
  window = start (application);
  plan_face_treatment (application, 11, 2);
  ag_test_spin_for (50);

  selected = ag_calendar_view_get_selected_date (ag_window_get_calendar_view (window));
  g_assert_cmpint (g_date_get_day (selected), ==, 3);
  g_assert_cmpstr (ag_day_view_get_title (ag_window_get_day_view (window)), ==,
                   "Day 1 after session 1 of 3 · Face");

  /* Left open past midnight, "today" moves by itself. */
  ag_clock_advance (clock, 60 * G_USEC_PER_SEC);
  ag_test_spin_for (100);
  selected = ag_calendar_view_get_selected_date (ag_window_get_calendar_view (window));
  g_assert_cmpint (g_date_get_day (selected), ==, 4);
  g_assert_cmpstr (ag_day_view_get_title (ag_window_get_day_view (window)), ==,
                   "Day 2 after session 1 of 3 · Face");
  g_assert_true (g_str_has_prefix (ag_day_view_get_subtitle (ag_window_get_day_view (window)),
                                   "Today · "));

  /* Someone looking at another day stays there at the next midnight. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "show-day",
                                  g_variant_new_string ("2026-11-20"));
  ag_test_spin_for (50);
  selected = ag_calendar_view_get_selected_date (ag_window_get_calendar_view (window));
  g_assert_cmpint (g_date_get_day (selected), ==, 20);
  ag_clock_advance (clock, 24 * G_TIME_SPAN_HOUR);
  ag_test_spin_for (100);
  selected = ag_calendar_view_get_selected_date (ag_window_get_calendar_view (window));
  g_assert_cmpint (g_date_get_day (selected), ==, 20);

  finish (window, &application);
}

static void
test_damaged_store (void)
{
  static const char garbage[] = "This is not a database, but it is somebody's data.";
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);
  g_autoptr(AgApplication) application = NULL;
  g_autofree char *path = store_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  AgWindow *window;
  GtkWidget *status;
  const char *name;
  gboolean kept = FALSE;

  remove_store ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, garbage, -1, &error);
  g_assert_no_error (error);

  application = ag_application_new_with_clock (clock);
  window = start (application);

  /* The patient is told what happened, in plain words, and nothing was touched. */
  g_assert_null (ag_application_get_store (application));
  g_assert_cmpstr (visible_page (window), ==, "error");
  status = ag_test_find_descendant (GTK_WIDGET (gtk_stack_get_visible_child (
             GTK_STACK (ag_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK)))),
                            ADW_TYPE_STATUS_PAGE);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Your Data Could Not Be Opened");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   ag_application_get_store_error (application)->message);
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, garbage);
  }

  /* Starting fresh keeps the old file aside, byte for byte. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-fresh", NULL);
  ag_test_spin_for (50);
  g_assert_nonnull (ag_application_get_store (application));
  g_assert_cmpstr (visible_page (window), ==, "empty");

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "afterglow.db.damaged-"))
        {
          g_autofree char *kept_path = g_build_filename (folder, name, NULL);
          g_autofree char *contents = NULL;

          g_file_get_contents (kept_path, &contents, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (contents, ==, garbage);
          kept = TRUE;
        }
    }
  g_assert_true (kept);

  finish (window, &application);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A file from a newer Afterglow holds good data: the patient is told to update, and is not
 * offered to set it aside. */
static void
test_newer_store (void)
{
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);
  g_autoptr(AgApplication) application = NULL;
  g_autofree char *path = store_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  AgWindow *window;
  sqlite3 *db = NULL;

  remove_store ();
  {
    g_autoptr(AgStore) store = ag_store_open (path, clock, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (path, &before, NULL, &error);
  g_assert_no_error (error);

  application = ag_application_new_with_clock (clock);
  window = start (application);

  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_true (g_error_matches (ag_application_get_store_error (application), AG_STORE_ERROR,
                                  AG_STORE_ERROR_NEWER_SCHEMA));
  g_assert_false (gtk_widget_is_visible (
    ag_test_find_widget (GTK_WIDGET (window), is_button_labelled,
                         "_Keep the File Aside and Start Fresh")));
  /* Even asked through the action, nothing is set aside. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-fresh", NULL);
  ag_test_spin_for (50);
  g_assert_null (ag_application_get_store (application));
  g_file_get_contents (path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strcmp0 (before, after) == 0);

  finish (window, &application);
}

static void
test_menus (void)
{
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);
  g_autoptr(AgApplication) application = NULL;
  AgWindow *window;
  GtkWindow *preferences;
  GtkWindow *about;

  remove_store ();
  application = ag_application_new_with_clock (clock);
  window = start (application);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "quit"));

  /* The keyboard shortcuts window is built when it is first asked for, with Ctrl+?. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                  "win.show-help-overlay");
    GtkWindow *shortcuts;

    g_assert_cmpstrv (accels, ((const char *[]) { "<Control>question", NULL }));
    g_clear_pointer (&accels, g_strfreev);
    /* Every shortcut the window lists has its keys. */
    accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                    "window.close");
    g_assert_cmpstrv (accels, ((const char *[]) { "<Control>w", NULL }));
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                               NULL));
    ag_test_spin_for (200);
    shortcuts = ag_test_find_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
    g_assert_nonnull (shortcuts);
    g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (
                     GTK_APPLICATION_WINDOW (window))) == shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    gtk_window_close (shortcuts);
    ag_test_spin_for (50);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    /* Asked for again, the same window comes back. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                               NULL));
    ag_test_spin_for (50);
    g_assert_true (ag_test_find_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  }

  /* The main menu is built when it is first opened, and then has every entry. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    guint n_opened = 0;

    ag_test_collect_descendants (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
    g_assert_cmpuint (buttons->len, >, 0);
    for (guint i = 0; i < buttons->len; i++)
      {
        GtkMenuButton *button = g_ptr_array_index (buttons, i);
        GtkPopover *popover;
        GMenuModel *menu;
        guint n_entries = 0;

        g_assert_null (gtk_menu_button_get_popover (button));
        g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
        if (!gtk_widget_get_mapped (GTK_WIDGET (button)))
          continue;

        gtk_menu_button_popup (button);
        ag_test_spin_for (50);
        popover = gtk_menu_button_get_popover (button);
        g_assert_true (GTK_IS_POPOVER_MENU (popover));
        g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
        menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
        for (int section = 0; section < g_menu_model_get_n_items (menu); section++)
          {
            g_autoptr(GMenuModel) entries = g_menu_model_get_item_link (menu, section,
                                                                        G_MENU_LINK_SECTION);

            n_entries += g_menu_model_get_n_items (entries);
          }
        g_assert_cmpuint (n_entries, ==, 4);
        gtk_menu_button_popdown (button);
        ag_test_spin_for (50);
        n_opened++;
      }
    g_assert_cmpuint (n_opened, ==, 1);
  }

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  ag_test_spin_for (200);
  preferences = ag_test_find_window_of_type (AG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  /* Every value of the aftercare plan can be changed there. */
  g_assert_nonnull (ag_test_find_descendant (GTK_WIDGET (preferences), AG_TYPE_PROTOCOL_PAGE));
  gtk_window_destroy (preferences);

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  ag_test_spin_for (200);
  about = ag_test_find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  finish (window, &application);
}

static void
test_preferences_follow_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AgPreferencesWindow *preferences;
  GtkWidget *spin;

  g_settings_set_int (settings, "morning-time", 7 * 60 + 30);

  preferences = ag_preferences_window_new (NULL, settings, NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  spin_until (is_mapped, preferences);

  /* The first spin button on the page is the morning time; it shows 07:30. */
  spin = ag_test_find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 450.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "07:30");

  /* Typing a time writes it to the settings. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "06:45");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "morning-time"), ==, 6 * 60 + 45);

  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "morning-time");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_dir = ag_test_make_tmp_dir ("afterglow-window-XXXXXX");
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/empty-state", test_empty_state);
  g_test_add_func ("/window/midnight-rollover", test_midnight_rollover);
  g_test_add_func ("/window/damaged-store", test_damaged_store);
  g_test_add_func ("/window/newer-store", test_newer_store);
  g_test_add_func ("/window/menus", test_menus);
  g_test_add_func ("/preferences/follow-settings", test_preferences_follow_settings);

  status = g_test_run ();

  remove_store ();
  g_rmdir (g_build_filename (data_dir, "afterglow", NULL));
  g_rmdir (data_dir);

  return status;
}
