/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the real Afterglow window opens, shows the empty state and its menus work. */

#include "config.h"

#include <adwaita.h>

#include "ag-application.h"
#include "ag-preferences-window.h"
#include "ag-window.h"

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
spin_for (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_window_shows_empty_state (void)
{
  g_autoptr(AgApplication) application = ag_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *status;
  GtkWindow *preferences;
  GtkWindow *about;
  int width;
  int height;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (AG_IS_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (window), ==, "Afterglow");
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 960);
  g_assert_cmpint (height, ==, 720);

  status = find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Plan Your First Treatment");

  /* The primary menu's entries are real actions. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "quit"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  spin_for (200);
  preferences = find_window_of_type (AG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == window);
  gtk_window_destroy (preferences);

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  spin_for (200);
  about = find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  gtk_window_destroy (window);
  spin_for (50);
}

static void
test_preferences_follow_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AgPreferencesWindow *preferences;
  GtkWidget *spin;
  double value;

  g_settings_set_int (settings, "morning-time", 7 * 60 + 30);

  preferences = ag_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_until_mapped (GTK_WIDGET (preferences));

  /* The first spin button on the page is the morning time; it shows 07:30. */
  spin = find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (value, ==, 450.0);
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
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/shows-empty-state", test_window_shows_empty_state);
  g_test_add_func ("/preferences/follow-settings", test_preferences_follow_settings);

  return g_test_run ();
}
