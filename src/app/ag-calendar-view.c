/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-calendar-view.c: the treatment calendar, a month of sessions, healing phases and checklists. */

#define G_LOG_DOMAIN "ag-calendar-view"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "ag-calendar-day.h"
#include "ag-calendar-view.h"
#include "ag-month-summary.h"

#define N_COLUMNS 7
#define N_CELLS (6 * N_COLUMNS)

struct _AgCalendarView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkBox *completion_legend;
  GtkGrid *day_grid;
  GtkLabel *month_label;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  GListStore *days;           /* AgDaySummary, one per cell */
  gulong store_handler;
  gulong clock_handler;

  /* borrowed: children of day_grid */
  AgCalendarDay *cells[N_CELLS];

  AgRoutine routine;
  GDate today;
  GDate selected;
  int year;
  int month;
  GDateWeekday first_weekday;
};

G_DEFINE_FINAL_TYPE (AgCalendarView, ag_calendar_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The locale's first day of the week, as GtkCalendar finds it; Monday when unknown. */
static GDateWeekday
get_locale_first_weekday (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } langinfo;
  int week_1stday = 1;
  int first_weekday;
  guint week_origin;
  int week_start;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130) /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201) /* a Monday */
    week_1stday = 1;

  week_start = (week_1stday + first_weekday - 1) % 7;
  if (week_start < 0 || week_start > 6)
    return G_DATE_MONDAY;

  /* 0 is Sunday here, 7 in GDateWeekday. */
  return week_start == 0 ? G_DATE_SUNDAY : (GDateWeekday) week_start;
#else
  return G_DATE_MONDAY;
#endif
}

static gboolean
focus_is_in_grid (AgCalendarView *self)
{
  return gtk_widget_get_focus_child (GTK_WIDGET (self->day_grid)) != NULL;
}

static AgDaySummary *
peek_summary (AgCalendarView *self,
              guint           index)
{
  return ag_calendar_day_get_summary (self->cells[index]);
}

/* The cell the keyboard works from: the selected day if it is shown, else the 1st. */
static int
find_cursor (AgCalendarView *self)
{
  int first_of_month = -1;

  for (guint i = 0; i < N_CELLS; i++)
    {
      AgDaySummary *summary = peek_summary (self, i);
      const GDate *date;

      if (summary == NULL)
        continue;

      date = ag_day_summary_get_date (summary);
      if (g_date_valid (&self->selected) && g_date_compare (date, &self->selected) == 0)
        return (int) i;
      if (first_of_month < 0 && ag_day_summary_get_in_month (summary) && g_date_get_day (date) == 1)
        first_of_month = (int) i;
    }

  return first_of_month;
}

/* One Tab stop for the whole grid: the arrow keys move inside it. */
static void
update_cells_state (AgCalendarView *self)
{
  int cursor = find_cursor (self);

  for (guint i = 0; i < N_CELLS; i++)
    {
      AgDaySummary *summary = peek_summary (self, i);
      gboolean selected = summary != NULL && g_date_valid (&self->selected) &&
                          g_date_compare (ag_day_summary_get_date (summary), &self->selected) == 0;

      ag_calendar_day_set_selected (self->cells[i], selected);
      gtk_widget_set_focusable (GTK_WIDGET (self->cells[i]), (int) i == cursor);
    }
}

static void
focus_cursor (AgCalendarView *self)
{
  int cursor = find_cursor (self);

  if (cursor >= 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->cells[cursor]));
}

static GDateTime *
dup_now (AgCalendarView *self)
{
  AgClock *clock = ag_store_get_clock (self->store);
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  int y, m, d;

  /* Until the clock agrees, the day the window said it is wins. */
  g_date_time_get_ymd (now, &y, &m, &d);
  if (g_date_valid (&self->today) &&
      (g_date_get_year (&self->today) != y || g_date_get_month (&self->today) != (GDateMonth) m ||
       g_date_get_day (&self->today) != d))
    return g_date_time_new (ag_clock_get_timezone (clock), g_date_get_year (&self->today),
                            g_date_get_month (&self->today), g_date_get_day (&self->today),
                            0, 0, 0);

  return g_steal_pointer (&now);
}

/* Replaces only the runs of days that changed, so a tick redraws one cell. */
static void
replace_days (AgCalendarView *self,
              GPtrArray      *fresh)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->days));
  guint i = 0;

  if (n_old != fresh->len)
    {
      g_list_store_splice (self->days, 0, n_old, fresh->pdata, fresh->len);
      return;
    }

  while (i < fresh->len)
    {
      guint start;

      for (; i < fresh->len; i++)
        {
          g_autoptr(AgDaySummary) old = g_list_model_get_item (G_LIST_MODEL (self->days), i);

          if (!ag_day_summary_equal (old, g_ptr_array_index (fresh, i)))
            break;
        }

      start = i;
      for (; i < fresh->len; i++)
        {
          g_autoptr(AgDaySummary) old = g_list_model_get_item (G_LIST_MODEL (self->days), i);

          if (ag_day_summary_equal (old, g_ptr_array_index (fresh, i)))
            break;
        }

      if (i > start)
        g_list_store_splice (self->days, start, i - start, fresh->pdata + start, i - start);
    }
}

static void
reload (AgCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (self->store == NULL || self->protocol == NULL || self->month == 0)
    return;

  /* The store keeps the sessions it read until they change: a new month parses only its
   * ticks. */
  now = dup_now (self);
  fresh = ag_month_summary_build (self->store, NULL, NULL, self->protocol,
                                  ag_clock_get_timezone (ag_store_get_clock (self->store)),
                                  &self->routine, now, self->year, self->month,
                                  self->first_weekday, &error);
  if (fresh == NULL)
    {
      /* The store could not be read: keep showing what was last read. */
      g_warning ("Could not read the calendar’s month: %s", error->message);
      return;
    }

  replace_days (self, fresh);
}

static void
update_title (AgCalendarView *self)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (self->year, self->month, 1, 12, 0, 0);
  /* Translators: the calendar's title, month and year, "November 2026"; see
   * g_date_time_format() */
  g_autofree char *title = g_date_time_format (first, _("%B %Y"));

  gtk_label_set_label (self->month_label, title);
}

static void
move_selection (AgCalendarView *self,
                int             days,
                int             months)
{
  gboolean had_focus = focus_is_in_grid (self);
  int cursor = find_cursor (self);
  GDate date;

  /* From the focused cell, which is the 1st when the selected day is in another month. */
  if (had_focus && cursor >= 0)
    {
      date = *ag_day_summary_get_date (peek_summary (self, cursor));
    }
  else if (g_date_valid (&self->selected))
    {
      date = self->selected;
    }
  else
    {
      date = self->today;
    }

  if (!g_date_valid (&date))
    return;

  if (days > 0)
    g_date_add_days (&date, days);
  else if (days < 0)
    g_date_subtract_days (&date, -days);
  if (months > 0)
    g_date_add_months (&date, months);
  else if (months < 0)
    g_date_subtract_months (&date, -months);

  if (!g_date_valid (&date))
    return;

  ag_calendar_view_select_date (self, &date);
  if (had_focus)
    focus_cursor (self);
}

static void
days_changed_cb (AgCalendarView *self,
                 guint           position,
                 guint           removed,
                 guint           added,
                 GListModel     *days)
{
  guint n = g_list_model_get_n_items (days);

  /* Only a change in length moves the days after the change. */
  for (guint i = position; i < N_CELLS; i++)
    {
      g_autoptr(AgDaySummary) summary = i < n ? g_list_model_get_item (days, i) : NULL;

      if (removed == added && i >= position + added)
        break;
      ag_calendar_day_set_summary (self->cells[i], summary);
    }

  update_cells_state (self);
}

static void
day_clicked_cb (AgCalendarView *self,
                AgCalendarDay  *cell)
{
  AgDaySummary *summary = ag_calendar_day_get_summary (cell);

  if (summary == NULL)
    return;

  ag_calendar_view_select_date (self, ag_day_summary_get_date (summary));
  focus_cursor (self);
}

static void
store_changed_cb (AgCalendarView *self,
                  AgStoreChange   change,
                  AgStore        *store)
{
  if (change & (AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS | AG_STORE_CHANGE_TICKS))
    reload (self);
}

static void
clock_changed_cb (AgCalendarView *self,
                  AgClock        *clock)
{
  /* A new time zone can move local days. */
  reload (self);
}

static gboolean
move_days_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  AgCalendarView *self = AG_CALENDAR_VIEW (widget);
  int days;

  /* Arrow keys belong to the grid: elsewhere (the header buttons) they move focus. */
  if (!focus_is_in_grid (self))
    return FALSE;

  days = g_variant_get_int32 (args);
  /* Left and Right follow the reading direction. */
  if ((days == 1 || days == -1) && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;

  move_selection (self, days, 0);
  return TRUE;
}

static void
move_months_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_selection (AG_CALENDAR_VIEW (widget), 0, g_variant_get_int32 (parameter));
}

static void
previous_month_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AgCalendarView *self = AG_CALENDAR_VIEW (widget);

  if (self->month == 1)
    ag_calendar_view_show_month (self, self->year - 1, 12);
  else
    ag_calendar_view_show_month (self, self->year, self->month - 1);
}

static void
next_month_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AgCalendarView *self = AG_CALENDAR_VIEW (widget);

  if (self->month == 12)
    ag_calendar_view_show_month (self, self->year + 1, 1);
  else
    ag_calendar_view_show_month (self, self->year, self->month + 1);
}

static void
today_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  AgCalendarView *self = AG_CALENDAR_VIEW (widget);
  gboolean had_focus = focus_is_in_grid (self);

  if (!g_date_valid (&self->today))
    return;

  ag_calendar_view_select_date (self, &self->today);
  if (had_focus)
    focus_cursor (self);
}

static void
disconnect_store (AgCalendarView *self)
{
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->clock_handler, ag_store_get_clock (self->store));
      g_clear_signal_handler (&self->store_handler, self->store);
    }
  g_clear_object (&self->store);
}

static void
build_grid (AgCalendarView *self)
{
  /* A Monday, to name the weekdays through the locale. */
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      guint weekday = (self->first_weekday - 1 + column) % 7;    /* 0 is Monday */
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, (int) weekday);
      g_autofree char *name = g_date_time_format (day, "%a");
      g_autofree char *full_name = g_date_time_format (day, "%A");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "calendar-weekday");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full_name,
                                      -1);
      gtk_grid_attach (self->day_grid, label, (int) column, 0, 1, 1);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      self->cells[i] = ag_calendar_day_new ();
      g_signal_connect_object (self->cells[i], "clicked", G_CALLBACK (day_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (self->day_grid, GTK_WIDGET (self->cells[i]),
                       (int) (i % N_COLUMNS), (int) (1 + i / N_COLUMNS), 1, 1);
    }
}

static void
build_legend (AgCalendarView *self)
{
  static const struct {
    AgCompletion completion;
    const char *label;
    const char *tooltip;
  } entries[] = {
    { AG_COMPLETION_COMPLETE, N_("Done"), N_("Every step of the day’s checklist was ticked") },
    { AG_COMPLETION_PARTIAL, N_("Partly done"), N_("Some steps of the day’s checklist were ticked") },
    { AG_COMPLETION_MISSED, N_("Missed"), N_("No step of the day’s checklist was ticked") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (_(entries[i].label));

      gtk_widget_set_tooltip_text (label, _(entries[i].tooltip));
      gtk_box_append (GTK_BOX (box), ag_calendar_mark_new (entries[i].completion));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (self->completion_legend, box);
    }
}

static void
ag_calendar_view_dispose (GObject *object)
{
  AgCalendarView *self = (AgCalendarView *)object;

  disconnect_store (self);
  if (self->days != NULL)
    g_signal_handlers_disconnect_by_func (self->days, days_changed_cb, self);
  g_clear_object (&self->days);
  g_clear_object (&self->protocol);

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_CALENDAR_VIEW);

  G_OBJECT_CLASS (ag_calendar_view_parent_class)->dispose (object);
}

static void
ag_calendar_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AgCalendarView *self = AG_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      g_value_set_boxed (value, g_date_valid (&self->selected) ? &self->selected : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_calendar_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AgCalendarView *self = AG_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_DATE:
      if (g_value_get_boxed (value) != NULL)
        ag_calendar_view_select_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             days)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_days_cb, "i", days);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_days_cb, "i", days);
}

static void
ag_calendar_view_class_init (AgCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_calendar_view_dispose;
  object_class->get_property = ag_calendar_view_get_property;
  object_class->set_property = ag_calendar_view_set_property;

  /**
   * AgCalendarView:selected-date:
   *
   * The day the user chose, which the window shows in full.
   */
  properties[PROP_SELECTED_DATE] =
    g_param_spec_boxed ("selected-date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AgCalendarView, completion_legend);
  gtk_widget_class_bind_template_child (widget_class, AgCalendarView, day_grid);
  gtk_widget_class_bind_template_child (widget_class, AgCalendarView, month_label);

  gtk_widget_class_install_action (widget_class, "calendar.previous-month", NULL,
                                   previous_month_cb);
  gtk_widget_class_install_action (widget_class, "calendar.next-month", NULL, next_month_cb);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_cb);
  gtk_widget_class_install_action (widget_class, "calendar.move-months", "i", move_months_cb);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, -N_COLUMNS);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, N_COLUMNS);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "calendar.move-months", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0,
                                       "calendar.move-months", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "calendar.move-months", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0,
                                       "calendar.move-months", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "calendar.today", NULL);

  g_type_ensure (AG_TYPE_CALENDAR_DAY);
}

static void
ag_calendar_view_init (AgCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ag_routine_init_default (&self->routine);
  g_date_clear (&self->today, 1);
  g_date_clear (&self->selected, 1);
  self->first_weekday = get_locale_first_weekday ();
  self->days = g_list_store_new (AG_TYPE_DAY_SUMMARY);
  g_signal_connect_object (self->days, "items-changed", G_CALLBACK (days_changed_cb), self,
                           G_CONNECT_SWAPPED);

  build_grid (self);
  build_legend (self);
}

/**
 * ag_calendar_view_new:
 *
 * Returns: (transfer floating): a calendar that shows nothing until it gets a store
 */
AgCalendarView *
ag_calendar_view_new (void)
{
  return g_object_new (AG_TYPE_CALENDAR_VIEW, NULL);
}

/**
 * ag_calendar_view_set_context:
 * @store: the store to show and follow
 * @protocol: the protocol that sets the aftercare days and checklists
 *
 * Shows the month of the selected day, today's month if no day is selected yet, and
 * redraws whenever the store changes.
 */
void
ag_calendar_view_set_context (AgCalendarView *self,
                              AgStore        *store,
                              AgProtocol     *protocol)
{
  g_return_if_fail (AG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (AG_IS_STORE (store));
  g_return_if_fail (AG_IS_PROTOCOL (protocol));

  if (self->store != store)
    {
      disconnect_store (self);
      self->store = g_object_ref (store);
      self->store_handler = g_signal_connect_object (store, "changed",
                                                     G_CALLBACK (store_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
      self->clock_handler = g_signal_connect_object (ag_store_get_clock (store), "changed",
                                                     G_CALLBACK (clock_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
    }
  g_set_object (&self->protocol, protocol);

  if (!g_date_valid (&self->today))
    {
      g_autoptr(GDateTime) now = ag_clock_get_now (ag_store_get_clock (store));
      int y, m, d;

      g_date_time_get_ymd (now, &y, &m, &d);
      g_date_set_dmy (&self->today, d, m, y);
    }

  if (!g_date_valid (&self->selected))
    {
      self->selected = self->today;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATE]);
    }

  if (self->month == 0)
    ag_calendar_view_show_month (self, g_date_get_year (&self->selected),
                                 g_date_get_month (&self->selected));
  else
    reload (self);
}

/**
 * ag_calendar_view_set_routine:
 * @routine: the user's times of day, which decide some checklist steps
 */
void
ag_calendar_view_set_routine (AgCalendarView  *self,
                              const AgRoutine *routine)
{
  g_return_if_fail (AG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (routine != NULL);

  if (memcmp (&self->routine, routine, sizeof *routine) == 0)
    return;

  self->routine = *routine;
  reload (self);
}

/**
 * ag_calendar_view_set_today:
 * @today: the local day it is now
 *
 * Moves the "today" mark; the window calls it at midnight. The selection stays.
 */
void
ag_calendar_view_set_today (AgCalendarView *self,
                            const GDate    *today)
{
  g_return_if_fail (AG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (g_date_valid (&self->today) && g_date_compare (&self->today, today) == 0)
    return;

  self->today = *today;
  reload (self);
}

/**
 * ag_calendar_view_select_date:
 * @date: the day to select
 *
 * Selects @date and shows its month.
 */
void
ag_calendar_view_select_date (AgCalendarView *self,
                              const GDate    *date)
{
  g_return_if_fail (AG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_valid (&self->selected) && g_date_compare (&self->selected, date) == 0 &&
      self->year == g_date_get_year (date) && self->month == (int) g_date_get_month (date))
    return;

  self->selected = *date;
  ag_calendar_view_show_month (self, g_date_get_year (date), g_date_get_month (date));
  update_cells_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DATE]);
}

/**
 * ag_calendar_view_get_selected_date:
 *
 * Returns: (nullable): the selected day
 */
const GDate *
ag_calendar_view_get_selected_date (AgCalendarView *self)
{
  g_return_val_if_fail (AG_IS_CALENDAR_VIEW (self), NULL);

  return g_date_valid (&self->selected) ? &self->selected : NULL;
}

/**
 * ag_calendar_view_show_month:
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Shows a month without changing the selection.
 */
void
ag_calendar_view_show_month (AgCalendarView *self,
                             int             year,
                             int             month)
{
  g_return_if_fail (AG_IS_CALENDAR_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= 1 && year <= 9999);

  if (self->year == year && self->month == month)
    return;

  self->year = year;
  self->month = month;
  update_title (self);
  reload (self);
}
