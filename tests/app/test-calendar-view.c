/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-view.c: the treatment calendar shows phases, sessions and ticks, and follows the keyboard. */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "ag-calendar-day.h"
#include "ag-calendar-view.h"
#include "ag-month-summary.h"
#include "ag-test-widgets.h"

typedef struct
{
  char *dir;
  GTimeZone *tz;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  GtkWindow *window;
  AgCalendarView *view;
  guint n_selected_notifies;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
selected_notify_cb (Fixture *fixture)
{
  fixture->n_selected_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(AgSeriesPlan) series = NULL;
  g_autoptr(AgTreatment) face = NULL;

  fixture->dir = ag_test_make_tmp_dir ("afterglow-calendar-XXXXXX");
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  /* Planned ahead, in October; the tests then look at the calendar on 10 November. */
  fixture->clock = ag_test_clock_at (2026, 10, 20, 12, 0, 0);
  fixture->store = ag_test_open_store (fixture->dir, fixture->clock);
  fixture->protocol = ag_test_load_protocol ();

  /* Face: sessions on 2 November, 30 November and 28 December 2026, at 10:00. */
  first = g_date_time_new (fixture->tz, 2026, 11, 2, 10, 0, 0);
  series = ag_series_plan_new (first, 3, 4);
  ag_series_plan_set_depth_mm (series, 1.0);
  face = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  ag_treatment_set_color (face, "#e01b24");
  ag_test_plan (fixture->store, face, series, 4);
  {
    g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, 11, 10, 12, 0, 0);

    ag_clock_set_now (fixture->clock, now);
  }

  fixture->view = ag_calendar_view_new ();
  ag_calendar_view_set_context (fixture->view, fixture->store, fixture->protocol);
  g_signal_connect_swapped (fixture->view, "notify::selected-date",
                            G_CALLBACK (selected_notify_cb), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  ag_test_wait_until_mapped (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  spin ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
collect_cells (GtkWidget *root,
               GPtrArray *cells)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (AG_IS_CALENDAR_DAY (child))
        g_ptr_array_add (cells, child);
      else
        collect_cells (child, cells);
    }
}

/* The cell showing @day/@month/@year, or %NULL if the grid does not show it. */
static AgCalendarDay *
find_cell (Fixture *fixture,
           int      year,
           int      month,
           int      day)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect_cells (GTK_WIDGET (fixture->view), cells);
  g_assert_cmpuint (cells->len, ==, 42);

  for (guint i = 0; i < cells->len; i++)
    {
      AgDaySummary *summary = ag_calendar_day_get_summary (g_ptr_array_index (cells, i));
      const GDate *date;

      g_assert_nonnull (summary);
      date = ag_day_summary_get_date (summary);
      if (g_date_get_year (date) == year && g_date_get_month (date) == (GDateMonth) month &&
          g_date_get_day (date) == day)
        return g_ptr_array_index (cells, i);
    }

  return NULL;
}

typedef struct
{
  GType type;
  const char *css_class;
} Classed;

static gboolean
has_type_and_class (GtkWidget     *widget,
                    gconstpointer  data)
{
  const Classed *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         gtk_widget_has_css_class (widget, wanted->css_class);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  Classed wanted = { type, css_class };

  return ag_test_find_widget (root, has_type_and_class, &wanted);
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  return ag_test_find_widget (root, is_button_for_action, action_name);
}

static const char *
get_title (Fixture *fixture)
{
  GtkWidget *label = find_with_class (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "calendar-title");

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
assert_selected (Fixture *fixture,
                 int      year,
                 int      month,
                 int      day)
{
  const GDate *selected = ag_calendar_view_get_selected_date (fixture->view);
  GDate *from_property = NULL;

  g_assert_nonnull (selected);
  g_assert_cmpint (g_date_get_year (selected), ==, year);
  g_assert_cmpint (g_date_get_month (selected), ==, month);
  g_assert_cmpint (g_date_get_day (selected), ==, day);

  g_object_get (fixture->view, "selected-date", &from_property, NULL);
  g_assert_nonnull (from_property);
  g_assert_cmpint (g_date_compare (from_property, selected), ==, 0);
  g_date_free (from_property);

  /* The selected cell shows it, and it is the grid's one Tab stop. */
  g_assert_true (ag_calendar_day_get_selected (find_cell (fixture, year, month, day)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (find_cell (fixture, year, month, day))));
}

static AgCalendarDay *
get_focused_cell (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_assert_true (AG_IS_CALENDAR_DAY (focus));
  return AG_CALENDAR_DAY (focus);
}

/* Runs what pressing @keyval does where the focus is: the shortcuts of the focused widget
 * and then its ancestors, in the order GTK hands a key press up the tree. */
static void
press_key (Fixture *fixture,
           guint    keyval)
{
  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (fixture->window));
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != 0)
                continue;

              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                {
                  spin ();
                  return;
                }
            }
        }
    }

  g_assert_not_reached ();
}

/* The healing phase (the day's tint) and what its checklist mark shows are classes of the
 * day, which has no child widgets. */
static gboolean
has_face_class (AgCalendarDay *cell,
                const char    *name)
{
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (cell)));
  return gtk_widget_has_css_class (GTK_WIDGET (cell), name);
}

static gboolean
has_phase (AgCalendarDay *cell,
           const char    *phase_class)
{
  return has_face_class (cell, phase_class);
}

static void
test_month_and_phases (Fixture       *fixture,
                       gconstpointer  data)
{
  AgCalendarDay *cell;
  AgCalendarDay *padding = NULL;

  g_assert_cmpstr (get_title (fixture), ==, "November 2026");
  /* Today is selected at first. */
  assert_selected (fixture, 2026, 11, 10);

  cell = find_cell (fixture, 2026, 11, 2);
  g_assert_nonnull (cell);
  g_assert_true (has_phase (cell, "phase-strict"));
  g_assert_cmpuint (ag_day_summary_get_n_sessions (ag_calendar_day_get_summary (cell)), ==, 1);
  g_assert_cmpstr (ag_day_summary_get_session_color (ag_calendar_day_get_summary (cell), 0), ==,
                   "#e01b24");

  cell = find_cell (fixture, 2026, 11, 3);
  g_assert_true (has_phase (cell, "phase-strict"));
  g_assert_cmpuint (ag_day_summary_get_n_sessions (ag_calendar_day_get_summary (cell)), ==, 0);

  cell = find_cell (fixture, 2026, 11, 5);
  g_assert_true (has_phase (cell, "phase-careful"));
  g_assert_false (has_phase (cell, "phase-strict"));

  cell = find_cell (fixture, 2026, 11, 10);
  g_assert_true (has_phase (cell, "phase-normal"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "today"));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (cell)), ==, 1.0);

  cell = find_cell (fixture, 2026, 11, 1);
  g_assert_false (has_phase (cell, "phase-strict"));
  g_assert_false (has_phase (cell, "phase-careful"));
  g_assert_false (has_phase (cell, "phase-normal"));

  /* The next session, and the second session starting the phases again. */
  cell = find_cell (fixture, 2026, 11, 30);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "next-session"));
  g_assert_true (has_phase (cell, "phase-strict"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_cell (fixture, 2026, 11, 2)),
                                            "next-session"));

  /* Whatever the locale's first weekday, six weeks show days of October or December too. */
  for (int day = 1; day <= 12 && padding == NULL; day++)
    padding = find_cell (fixture, 2026, 12, day);
  g_assert_nonnull (padding);
  /* Faded, so the month itself stands out. */
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (padding)), <, 1.0);
}

static void
test_month_buttons (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *next = find_button (GTK_WIDGET (fixture->view), "calendar.next-month");
  GtkWidget *previous = find_button (GTK_WIDGET (fixture->view), "calendar.previous-month");

  g_assert_nonnull (next);
  g_assert_nonnull (previous);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (next), ==, "Next Month");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (previous), ==, "Previous Month");

  g_signal_emit_by_name (next, "clicked");
  spin ();
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  g_assert_null (find_cell (fixture, 2026, 11, 2));
  g_assert_nonnull (find_cell (fixture, 2026, 12, 31));
  g_assert_true (ag_day_summary_get_in_month (ag_calendar_day_get_summary (find_cell (fixture, 2026, 12, 28))));
  g_assert_cmpuint (ag_day_summary_get_n_sessions (ag_calendar_day_get_summary (find_cell (fixture, 2026, 12, 28))), ==, 1);

  /* Showing a month does not change the selected day. */
  g_assert_cmpuint (fixture->n_selected_notifies, ==, 0);
  g_assert_cmpint (g_date_get_day (ag_calendar_view_get_selected_date (fixture->view)), ==, 10);

  g_signal_emit_by_name (next, "clicked");
  spin ();
  g_assert_cmpstr (get_title (fixture), ==, "January 2027");
  g_assert_nonnull (find_cell (fixture, 2027, 1, 31));

  g_signal_emit_by_name (previous, "clicked");
  g_signal_emit_by_name (previous, "clicked");
  g_signal_emit_by_name (previous, "clicked");
  spin ();
  g_assert_cmpstr (get_title (fixture), ==, "October 2026");
  g_assert_nonnull (find_cell (fixture, 2026, 10, 1));
  g_assert_null (find_cell (fixture, 2026, 11, 30));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n_focusable = 0;

  /* One Tab stop for the grid: the selected day. */
  collect_cells (GTK_WIDGET (fixture->view), cells);
  for (guint i = 0; i < cells->len; i++)
    n_focusable += gtk_widget_get_focusable (g_ptr_array_index (cells, i));
  g_assert_cmpuint (n_focusable, ==, 1);

  gtk_widget_grab_focus (GTK_WIDGET (find_cell (fixture, 2026, 11, 10)));
  g_assert_true (get_focused_cell (fixture) == find_cell (fixture, 2026, 11, 10));

  press_key (fixture, GDK_KEY_Right);
  assert_selected (fixture, 2026, 11, 11);
  g_assert_true (get_focused_cell (fixture) == find_cell (fixture, 2026, 11, 11));
  g_assert_cmpuint (fixture->n_selected_notifies, ==, 1);

  press_key (fixture, GDK_KEY_Down);
  assert_selected (fixture, 2026, 11, 18);

  press_key (fixture, GDK_KEY_Left);
  assert_selected (fixture, 2026, 11, 17);

  press_key (fixture, GDK_KEY_Page_Down);
  assert_selected (fixture, 2026, 12, 17);
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
  g_assert_true (get_focused_cell (fixture) == find_cell (fixture, 2026, 12, 17));

  /* Up across the top of the month goes back into November. */
  press_key (fixture, GDK_KEY_Up);
  press_key (fixture, GDK_KEY_Up);
  press_key (fixture, GDK_KEY_Up);
  assert_selected (fixture, 2026, 11, 26);
  g_assert_cmpstr (get_title (fixture), ==, "November 2026");

  press_key (fixture, GDK_KEY_Page_Up);
  assert_selected (fixture, 2026, 10, 26);
  g_assert_cmpstr (get_title (fixture), ==, "October 2026");

  press_key (fixture, GDK_KEY_Home);
  assert_selected (fixture, 2026, 11, 10);
  g_assert_cmpstr (get_title (fixture), ==, "November 2026");
  g_assert_true (get_focused_cell (fixture) == find_cell (fixture, 2026, 11, 10));

  /* After the month buttons, the keyboard starts from the 1st of the month shown. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (fixture->view), "calendar.next-month"), "clicked");
  spin ();
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (find_cell (fixture, 2026, 12, 1))));
  gtk_widget_grab_focus (GTK_WIDGET (find_cell (fixture, 2026, 12, 1)));
  press_key (fixture, GDK_KEY_Right);
  assert_selected (fixture, 2026, 12, 2);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  AgCalendarDay *padding = NULL;

  g_signal_emit_by_name (find_cell (fixture, 2026, 11, 20), "clicked");
  spin ();
  assert_selected (fixture, 2026, 11, 20);
  g_assert_cmpuint (fixture->n_selected_notifies, ==, 1);
  g_assert_false (ag_calendar_day_get_selected (find_cell (fixture, 2026, 11, 10)));

  /* A day of the next month shown in the grid selects it and turns the page. */
  for (int day = 1; day <= 12 && padding == NULL; day++)
    padding = find_cell (fixture, 2026, 12, day);
  g_assert_nonnull (padding);
  g_signal_emit_by_name (padding, "clicked");
  spin ();
  g_assert_cmpuint (fixture->n_selected_notifies, ==, 2);
  g_assert_cmpint (g_date_get_month (ag_calendar_view_get_selected_date (fixture->view)), ==, 12);
  g_assert_cmpstr (get_title (fixture), ==, "December 2026");
}

static void
test_ticks_update_cell (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  AgCalendarDay *cell = find_cell (fixture, 2026, 11, 4);
  AgCalendarDay *today = find_cell (fixture, 2026, 11, 10);
  GDate day;

  /* A past day with nothing ticked. */
  g_assert_true (has_face_class (cell, "missed"));
  g_assert_nonnull (strstr (ag_calendar_day_get_label (cell), "checklist missed"));
  /* Today and later days have no mark. */
  g_assert_false (has_face_class (today, "missed"));
  g_assert_false (has_face_class (today, "partial"));
  g_assert_false (has_face_class (today, "complete"));

  sessions = ag_store_list_sessions (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 4, 11, 2026);
  items = ag_engine_items_for_day (fixture->protocol, sessions, fixture->tz, NULL, &day);
  g_assert_cmpuint (items->len, >, 2);

  /* One tick: partly done. */
  g_assert_true (ag_store_set_item_done (fixture->store,
                                         ag_checklist_item_get_key (g_ptr_array_index (items, 0)),
                                         "2026-11-04", TRUE, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (find_cell (fixture, 2026, 11, 4) == cell);
  g_assert_true (has_face_class (cell, "partial"));
  g_assert_false (has_face_class (cell, "missed"));
  g_assert_nonnull (strstr (ag_calendar_day_get_label (cell), "checklist partly done, 1 of"));

  /* Every tick: complete, in the same cell. */
  for (guint i = 1; i < items->len; i++)
    {
      g_assert_true (ag_store_set_item_done (fixture->store,
                                             ag_checklist_item_get_key (g_ptr_array_index (items, i)),
                                             "2026-11-04", TRUE, &error));
      g_assert_no_error (error);
    }
  spin ();
  g_assert_true (find_cell (fixture, 2026, 11, 4) == cell);
  g_assert_true (has_face_class (cell, "complete"));
  g_assert_false (has_face_class (cell, "partial"));
  g_assert_cmpint (ag_day_summary_get_completion (ag_calendar_day_get_summary (cell)), ==,
                   AG_COMPLETION_COMPLETE);
  g_assert_nonnull (strstr (ag_calendar_day_get_label (cell), "checklist complete"));

  /* Other days kept their state. */
  g_assert_true (has_face_class (find_cell (fixture, 2026, 11, 5), "missed"));

  /* Cancelling a session redraws too: 30 November is no longer a session day. */
  g_assert_true (ag_store_set_session_status (fixture->store,
                                              ag_session_get_id (g_ptr_array_index (sessions, 1)),
                                              AG_SESSION_CANCELLED, 0, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (ag_day_summary_get_n_sessions (ag_calendar_day_get_summary (find_cell (fixture, 2026, 11, 30))), ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_cell (fixture, 2026, 11, 30)),
                                            "next-session"));
}

static void
test_accessible_labels (Fixture       *fixture,
                        gconstpointer  data)
{
  AgCalendarDay *cell = find_cell (fixture, 2026, 11, 2);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_cmpstr (ag_calendar_day_get_label (cell), ==,
                   "Monday 2 November, Session 1 of 3 · Face, strict aftercare, checklist missed");

  cell = find_cell (fixture, 2026, 11, 3);
  g_assert_cmpstr (ag_calendar_day_get_label (cell), ==,
                   "Tuesday 3 November, day 1 after session 1 of 3 · Face, strict aftercare, "
                   "checklist missed");

  cell = find_cell (fixture, 2026, 11, 10);
  g_assert_cmpstr (ag_calendar_day_get_label (cell), ==,
                   "Tuesday 10 November, today, day 8 after session 1 of 3 · Face, "
                   "normal aftercare");

  cell = find_cell (fixture, 2026, 11, 30);
  g_assert_cmpstr (ag_calendar_day_get_label (cell), ==,
                   "Monday 30 November, Session 2 of 3 · Face, your next session, "
                   "strict aftercare");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/calendar-view/month-and-phases", test_month_and_phases);
  ADD ("/calendar-view/month-buttons", test_month_buttons);
  ADD ("/calendar-view/keyboard", test_keyboard);
  ADD ("/calendar-view/click", test_click);
  ADD ("/calendar-view/ticks-update-cell", test_ticks_update_cell);
  ADD ("/calendar-view/accessible-labels", test_accessible_labels);

#undef ADD

  return g_test_run ();
}
