/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-german.c: the real Afterglow window in German: texts from the .ui files, the code, the core and the protocol, and German dates. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ag-application.h"
#include "ag-day-view.h"
#include "ag-empty-page.h"
#include "../ag-test-german.h"
#include "ag-test-widgets.h"
#include "ag-window.h"

static char *data_dir;
static char *locale_dir;
static gboolean has_german_dates;

static void
spin_for (guint msec)
{
  ag_test_spin_for (msec);
}

static void
spin_until_mapped (GtkWidget *widget)
{
  ag_test_wait_until_mapped (widget);
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

/* Every label's text under @root, one per line: what a patient can read there. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_labels (child, out);
    }
}

static char *
visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_labels (root, out);
  return g_string_free (out, FALSE);
}

static void
assert_shows (const char *text,
              const char *expected)
{
  if (strstr (text, expected) == NULL)
    {
      g_test_message ("The window shows:\n%s", text);
      g_error ("“%s” is not shown", expected);
    }
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

  ag_test_remove_tree (folder);
}

static AgWindow *
start (AgApplication *application)
{
  static guint n_started;
  g_autofree char *id = g_strdup_printf ("%s.German%u", APPLICATION_ID, ++n_started);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_application_set_application_id (G_APPLICATION (application), id);
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (AG_IS_WINDOW (window));
  spin_until_mapped (GTK_WIDGET (window));

  return AG_WINDOW (window);
}

static void
finish (AgWindow       *window,
        AgApplication **application)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (50);
  g_clear_object (application);
}

static AgClock *
clock_at (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return ag_clock_new_manual (now);
}

static void
test_empty_state (void)
{
  g_autoptr(AgClock) clock = clock_at (2026, 11, 3, 9, 0);
  g_autoptr(AgApplication) application = NULL;
  g_autofree char *text = NULL;
  AgWindow *window;
  GtkWidget *status;

  remove_store ();
  application = ag_application_new_with_clock (clock);
  window = start (application);

  /* The name stays; the invitation to plan is in German, from the window's .ui file. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Afterglow");
  status = find_descendant (find_descendant (GTK_WIDGET (window), AG_TYPE_EMPTY_PAGE),
                           ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Planen Sie Ihre erste Behandlung");
  text = visible_text (GTK_WIDGET (window));
  assert_shows (text, "Behandlung planen");

  finish (window, &application);
}

static void
test_day (void)
{
  g_autoptr(AgClock) clock = clock_at (2026, 11, 3, 9, 0);
  g_autoptr(AgApplication) application = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) first = g_date_time_new (tz, 2026, 11, 2, 10, 0, 0);
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (first, 3, 4);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AgDayView *day_view;
  AgWindow *window;

  remove_store ();
  application = ag_application_new_with_clock (clock);
  window = start (application);
  g_assert_true (ag_store_plan_treatment (ag_application_get_store (application), treatment,
                                          plan, 4, &error));
  g_assert_no_error (error);
  day_view = ag_window_get_day_view (window);
  spin_until_mapped (GTK_WIDGET (day_view));
  spin_for (300);

  /* The code's and the core's strings: the day, the session, the treated area. */
  g_assert_cmpstr (ag_day_view_get_title (day_view), ==, "Tag 1 nach Sitzung 1 von 3 · Gesicht");
  g_test_message ("subtitle: %s", ag_day_view_get_subtitle (day_view));
  if (has_german_dates)
    g_assert_cmpstr (ag_day_view_get_subtitle (day_view), ==, "Heute · Dienstag, 3. November");
  else
    g_assert_true (g_str_has_prefix (ag_day_view_get_subtitle (day_view), "Heute · "));

  /* The protocol's restrictions and tasks, merged into default.protocol from de.po, and the
   * section headings from the .ui files. */
  text = visible_text (GTK_WIDGET (window));
  g_test_message ("The window shows:\n%s", text);
  assert_shows (text, "Was Sie meiden sollten");
  assert_shows (text, "Kein Sport und kein Schwitzen");
  assert_shows (text, "Keine Sauna, kein Dampfbad und kein Whirlpool");
  assert_shows (text, "Milde Reinigung");
  assert_shows (text, "Sonnenschutz");
  assert_shows (text, "Warnzeichen …");
  /* Weekdays and times in the German way: "Mi 10:30", not "Wed 10:30". */
  if (has_german_dates)
    assert_shows (text, "Mi 10:30");
  g_assert_null (strstr (text, "No makeup"));
  g_assert_null (strstr (text, "Gentle cleanser"));

  finish (window, &application);
}

static void
test_damaged_store (void)
{
  g_autoptr(AgClock) clock = clock_at (2026, 11, 3, 9, 0);
  g_autoptr(AgApplication) application = NULL;
  g_autofree char *path = store_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  AgWindow *window;
  GtkWidget *page;
  GtkWidget *status;
  const char *description;

  remove_store ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, "Das ist keine Datenbank.", -1, &error);
  g_assert_no_error (error);

  application = ag_application_new_with_clock (clock);
  window = start (application);

  /* The core's error message reaches the patient in German too. */
  page = gtk_stack_get_visible_child (GTK_STACK (find_descendant (GTK_WIDGET (window),
                                                                  GTK_TYPE_STACK)));
  status = find_descendant (page, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Ihre Daten konnten nicht geöffnet werden");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (status));
  g_test_message ("description: %s", description);
  g_assert_cmpstr (description, ==, ag_application_get_store_error (application)->message);
  g_assert_true (strstr (description, "Afterglow") != NULL);
  g_assert_true (strstr (description, "Datei") != NULL);
  g_assert_null (strstr (description, "file"));

  finish (window, &application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *po_dir = NULL;
  int status;

  data_dir = g_dir_make_tmp ("afterglow-german-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* After gtk_test_init(), which may choose a locale of its own. */
  has_german_dates = ag_test_choose_german_locale (&locale_dir);
  g_test_message ("locale: %s (German dates: %s)", setlocale (LC_ALL, NULL),
                  has_german_dates ? "yes" : "no");

  po_dir = ag_test_find_build_locale_dir ();
  g_assert_nonnull (po_dir);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Plan Your First Treatment"), ==, "Planen Sie Ihre erste Behandlung");

  g_test_add_func ("/german/empty-state", test_empty_state);
  g_test_add_func ("/german/day", test_day);
  g_test_add_func ("/german/damaged-store", test_damaged_store);

  status = g_test_run ();

  ag_test_remove_tree (data_dir);
  if (locale_dir != NULL)
    ag_test_remove_tree (locale_dir);

  return status;
}
