/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-window.c: Afterglow's main window: the calendar beside the selected day's aftercare. */

#define G_LOG_DOMAIN "ag-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-alarm.h"
#include "ag-error.h"
#include "ag-calendar-view.h"
#include "ag-day-view.h"
#include "ag-empty-page.h"
#include "ag-error-page.h"
#include "ag-plan-dialog.h"
#include "ag-session-dialog.h"
#include "ag-treatment-dialog.h"
#include "ag-treatment-list.h"
#include "ag-treatments-panel.h"
#include "ag-ui-util.h"
#include "ag-window.h"

struct _AgWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AgCalendarView *calendar_view;
  GtkWidget *content;
  AgDayView *day_view;
  AdwWindowTitle *day_title;
  AdwLeaflet *leaflet;
  GtkStack *main_stack;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  GtkWidget *sidebar;
  AdwToastOverlay *toast_overlay;
  AgTreatmentsPanel *treatments_panel;

  /* owned */
  AgTreatmentList *treatments;
  AgAlarm *midnight_alarm;
  GSettings *settings;
  gulong clock_handler;

  /* borrowed: the application owns them and outlives the window */
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;

  GDate today;
};

G_DEFINE_FINAL_TYPE (AgWindow, ag_window, ADW_TYPE_APPLICATION_WINDOW)

static void
date_from_date_time (GDateTime *date_time,
                     GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time), g_date_time_get_year (date_time));
}

static void
restore_window_state (AgWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
apply_routine (AgWindow *self)
{
  AgRoutine routine;

  routine.morning_minutes = g_settings_get_int (self->settings, "morning-time");
  routine.evening_minutes = g_settings_get_int (self->settings, "evening-time");
  routine.sunscreen_interval_hours = g_settings_get_int (self->settings, "sunscreen-interval-hours");

  ag_calendar_view_set_routine (self->calendar_view, &routine);
  ag_day_view_set_routine (self->day_view, &routine);
}

static void
routine_changed_cb (AgWindow   *self,
                    const char *key,
                    GSettings  *settings)
{
  apply_routine (self);
}

/* The invitation to plan ("empty") and the error page are made the first time they are
 * needed: most starts show neither. */
static GtkWidget *
ensure_page (AgWindow   *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->main_stack, name);

  if (page == NULL)
    {
      g_assert (!g_str_equal (name, "plan"));
      if (g_str_equal (name, "error"))
        page = ag_error_page_new (self->primary_menu);
      else
        page = ag_empty_page_new (self->primary_menu);
      gtk_stack_add_named (self->main_stack, page, name);
    }

  return page;
}

static void
update_stack (AgWindow *self)
{
  const char *name = "plan";

  if (self->store == NULL)
    name = "error";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->treatments)) == 0)
    name = "empty";

  gtk_stack_set_visible_child (self->main_stack, ensure_page (self, name));
}

static void
treatments_changed_cb (AgWindow   *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  update_stack (self);
}

static void
schedule_midnight (AgWindow *self)
{
  ag_alarm_schedule (self->midnight_alarm, ag_alarm_next_local_midnight (self->clock));
}

/* At midnight, or when the clock or time zone jumps, "today" may be another day. A patient
 * looking at today keeps looking at today; one looking at another day stays there. */
static void
refresh_today (AgWindow *self)
{
  g_autoptr(GDateTime) now = ag_clock_get_now (self->clock);
  const GDate *selected = ag_calendar_view_get_selected_date (self->calendar_view);
  gboolean was_on_today = selected != NULL && g_date_valid (&self->today) &&
                          g_date_compare (selected, &self->today) == 0;
  GDate today;

  date_from_date_time (now, &today);
  schedule_midnight (self);

  if (g_date_valid (&self->today) && g_date_compare (&today, &self->today) == 0)
    return;

  self->today = today;
  ag_calendar_view_set_today (self->calendar_view, &self->today);
  if (was_on_today)
    ag_calendar_view_select_date (self->calendar_view, &self->today);
  else
    ag_day_view_set_day (self->day_view, ag_calendar_view_get_selected_date (self->calendar_view));
}

static void
midnight_fired_cb (AgWindow *self,
                   AgAlarm  *alarm)
{
  refresh_today (self);
}

static void
clock_changed_cb (AgWindow *self,
                  AgClock  *clock)
{
  refresh_today (self);
}

static void
day_view_title_cb (AgWindow   *self,
                   GParamSpec *pspec,
                   AgDayView  *day_view)
{
  g_autofree char *subtitle = NULL;

  /* The day view shows its long title ("Day 2 after session 1 of 4 · Face") as its heading;
   * the header names the day, which fits even at 360 pixels. */
  g_object_get (day_view, "subtitle", &subtitle, NULL);
  adw_window_title_set_title (self->day_title, subtitle ? subtitle : "");
}

static void
calendar_selected_date_cb (AgWindow       *self,
                           GParamSpec     *pspec,
                           AgCalendarView *calendar_view)
{
  const GDate *selected = ag_calendar_view_get_selected_date (calendar_view);

  if (selected != NULL && g_date_valid (selected))
    ag_day_view_set_day (self->day_view, selected);
}

/* Folded, the calendar page has its own Today button and the day's title needs the room. */
static gboolean
invert_boolean_cb (gpointer unused,
                   gboolean value)
{
  return !value;
}

static void
show_content (AgWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
plan_planned_cb (AgWindow     *self,
                 gint64        treatment_id,
                 AgPlanDialog *dialog)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = ag_store_list_sessions (self->store, treatment_id, &error);
  if (sessions != NULL && sessions->len > 0)
    {
      AgSession *first = g_ptr_array_index (sessions, 0);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (ag_session_get_start (first),
                                                            ag_clock_get_timezone (self->clock));
      GDate day;

      date_from_date_time (local, &day);
      ag_calendar_view_select_date (self->calendar_view, &day);
    }

  ag_window_add_toast (self, adw_toast_new (_("Treatment planned")));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);
  AgPlanDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = ag_plan_dialog_new (GTK_WINDOW (self), self->store, self->protocol);
  g_signal_connect_object (dialog, "planned", G_CALLBACK (plan_planned_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);

  if (self->store == NULL)
    return;

  refresh_today (self);
  ag_calendar_view_select_date (self->calendar_view, &self->today);
  show_content (self);
}

static void
show_calendar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
show_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, g_variant_get_string (parameter, NULL));
  if (!g_date_valid (&day))
    {
      g_warning ("Cannot show the day “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  ag_window_show_day (self, &day);
}

static void
edit_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);
  AgSessionDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = ag_session_dialog_new (GTK_WINDOW (self), self->store, self->protocol,
                                  g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_treatment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);
  AgTreatmentDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = ag_treatment_dialog_new (GTK_WINDOW (self), self->store, self->protocol,
                                    g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_fresh_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AgWindow *self = AG_WINDOW (widget);
  AgApplication *application = AG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *kept_as = NULL;
  g_autoptr(GError) error = NULL;

  if (!ag_application_start_fresh (application, &kept_as, &error))
    {
      ag_error_page_set_note (AG_ERROR_PAGE (ensure_page (self, "error")), error->message);
      return;
    }

  ag_window_load (self);
  if (kept_as != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name the damaged file was kept under */
      message = g_strdup_printf (_("Your old file was kept as %s"), kept_as);
      ag_window_add_toast (self, adw_toast_new (message));
    }
}

/* The keyboard shortcuts window is built the first time it is asked for; then the window
 * keeps it as GtkApplicationWindow's help overlay, which shows the shortcuts' keys. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");

      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static gboolean
ag_window_close_request (GtkWindow *window)
{
  AgWindow *self = AG_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (ag_window_parent_class)->close_request (window);
}

static void
ag_window_dispose (GObject *object)
{
  AgWindow *self = (AgWindow *)object;

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_handler, self->clock);
  if (self->midnight_alarm != NULL)
    ag_alarm_cancel (self->midnight_alarm);
  g_clear_object (&self->midnight_alarm);
  g_clear_object (&self->treatments);

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ag_window_parent_class)->dispose (object);
}

static void
ag_window_constructed (GObject *object)
{
  AgWindow *self = (AgWindow *)object;

  G_OBJECT_CLASS (ag_window_parent_class)->constructed (object);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
ag_window_class_init (AgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ag_window_constructed;
  object_class->dispose = ag_window_dispose;
  window_class->close_request = ag_window_close_request;

  g_type_ensure (AG_TYPE_CALENDAR_VIEW);
  g_type_ensure (AG_TYPE_DAY_VIEW);
  g_type_ensure (AG_TYPE_TREATMENTS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ag-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AgWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, day_title);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, day_view);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, treatments_panel);
  gtk_widget_class_bind_template_callback (widget_class, calendar_selected_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, invert_boolean_cb);

  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.show-calendar", NULL, show_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.show-day", "s", show_day_action);
  gtk_widget_class_install_action (widget_class, "win.edit-session", "x", edit_session_action);
  gtk_widget_class_install_action (widget_class, "win.show-treatment", "x", show_treatment_action);
  gtk_widget_class_install_action (widget_class, "win.start-fresh", NULL, start_fresh_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.today", NULL);
}

static void
ag_window_init (AgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ag_ui_menu_button_set_menu_later (self->menu_button, self->primary_menu);

  g_date_clear (&self->today, 1);
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->day_view, "notify::title", G_CALLBACK (day_view_title_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_view, "notify::subtitle", G_CALLBACK (day_view_title_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::morning-time",
                           G_CALLBACK (routine_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::evening-time",
                           G_CALLBACK (routine_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sunscreen-interval-hours",
                           G_CALLBACK (routine_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ag_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer full): a new main window showing the application's store
 */
AgWindow *
ag_window_new (AgApplication *application)
{
  AgWindow *self;

  g_return_val_if_fail (AG_IS_APPLICATION (application), NULL);

  self = g_object_new (AG_TYPE_WINDOW, "application", application, NULL);
  restore_window_state (self);
  ag_window_load (self);

  return self;
}

/**
 * ag_window_load:
 *
 * Shows the application's store: the plan, the invitation to make one, or what went wrong
 * when the store could not be opened.
 */
void
ag_window_load (AgWindow *self)
{
  AgApplication *application;
  const GError *store_error;

  g_return_if_fail (AG_IS_WINDOW (self));

  application = AG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_handler, self->clock);
  g_clear_object (&self->midnight_alarm);
  if (self->treatments != NULL)
    g_signal_handlers_disconnect_by_data (self->treatments, self);
  g_clear_object (&self->treatments);

  self->clock = ag_application_get_clock (application);
  self->store = ag_application_get_store (application);
  self->protocol = ag_application_get_protocol (application);
  store_error = ag_application_get_store_error (application);

  if (self->store == NULL)
    {
      /* Only a file that cannot be read at all is worth setting aside: one written by a newer
       * Afterglow, a full disk or a folder that cannot be written holds good data, and
       * starting fresh would hide it. */
      gboolean offer_fresh_start = store_error != NULL &&
                                   (g_error_matches (store_error, AG_STORE_ERROR,
                                                     AG_STORE_ERROR_DAMAGED) ||
                                    g_error_matches (store_error, AG_STORE_ERROR,
                                                     AG_STORE_ERROR_NOT_A_DATABASE));

      ag_error_page_set_error (AG_ERROR_PAGE (ensure_page (self, "error")), store_error,
                               offer_fresh_start);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-fresh", offer_fresh_start);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today", FALSE);
      update_stack (self);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-fresh", FALSE);

  self->treatments = ag_treatment_list_new (self->store);
  g_signal_connect_object (self->treatments, "items-changed",
                           G_CALLBACK (treatments_changed_cb), self, G_CONNECT_SWAPPED);

  ag_calendar_view_set_context (self->calendar_view, self->store, self->protocol);
  ag_day_view_set_context (self->day_view, self->store, self->protocol);
  ag_treatments_panel_set_context (self->treatments_panel, self->store, self->protocol);
  apply_routine (self);

  self->midnight_alarm = ag_alarm_new (self->clock);
  g_signal_connect_object (self->midnight_alarm, "fired", G_CALLBACK (midnight_fired_cb), self,
                           G_CONNECT_SWAPPED);
  self->clock_handler = g_signal_connect_object (self->clock, "changed",
                                                 G_CALLBACK (clock_changed_cb), self,
                                                 G_CONNECT_SWAPPED);

  g_date_clear (&self->today, 1);
  refresh_today (self);
  ag_calendar_view_select_date (self->calendar_view, &self->today);
  ag_day_view_set_day (self->day_view, &self->today);

  update_stack (self);
}

/**
 * ag_window_show_day:
 * @day: a local calendar day
 *
 * Selects @day in the calendar and shows its aftercare.
 */
void
ag_window_show_day (AgWindow    *self,
                    const GDate *day)
{
  g_return_if_fail (AG_IS_WINDOW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (self->store == NULL)
    return;

  ag_calendar_view_select_date (self->calendar_view, day);
  show_content (self);
}

/**
 * ag_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
ag_window_add_toast (AgWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (AG_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ag_window_get_day_view:
 *
 * Returns: (transfer none): the view of the selected day
 */
AgDayView *
ag_window_get_day_view (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->day_view;
}

/**
 * ag_window_get_calendar_view:
 *
 * Returns: (transfer none): the month calendar
 */
AgCalendarView *
ag_window_get_calendar_view (AgWindow *self)
{
  g_return_val_if_fail (AG_IS_WINDOW (self), NULL);

  return self->calendar_view;
}
