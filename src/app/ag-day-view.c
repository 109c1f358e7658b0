/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-day-view.c: one local day's aftercare: sessions, checklist, restrictions and preparation. */

#define G_LOG_DOMAIN "ag-day-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-alarm.h"
#include "ag-check-paintable.h"
#include "ag-checklist-row.h"
#include "ag-day-checklist.h"
#include "ag-day-view.h"
#include "ag-restriction-list.h"
#include "ag-restriction-row.h"
#include "ag-session-list.h"
#include "ag-warning-signs-dialog.h"

struct _AgDayView
{
  AdwBin parent_instance;

  /* template widgets */
  AdwPreferencesGroup *checklist_group;
  GtkListBox *checklist_list;
  GtkButton *empty_warning_signs_button;
  AdwPreferencesGroup *prep_group;
  GtkListBox *prep_list;
  AdwPreferencesGroup *restrictions_group;
  GtkListBox *restrictions_list;
  AdwPreferencesGroup *sessions_group;
  GtkListBox *sessions_list;
  GtkStack *stack;
  AdwToastOverlay *toast_overlay;
  GtkButton *warning_signs_button;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  AgClock *clock;
  AgAlarm *alarm;
  AgDayChecklist *checklist;
  AgRestrictionList *restrictions;
  GtkSortListModel *sorted_restrictions;
  AgSessionList *sessions;
  GtkCustomFilter *day_filter;
  GtkFilterListModel *day_sessions;
  GListStore *prep_steps;
  GDateTime *pinned_instant;
  char *title;
  char *subtitle;
  gulong clock_handler;

  GDate day;
  AgRoutine routine;
  gboolean is_today;
  gboolean has_sessions;
};

G_DEFINE_FINAL_TYPE (AgDayView, ag_day_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
local_date_of (GDateTime *instant,
               GTimeZone *tz,
               GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);
  int year;
  int month;
  int day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

static GTimeZone *
get_timezone (AgDayView *self)
{
  return ag_clock_get_timezone (self->clock);
}

static GDateTime *
dup_now (AgDayView *self)
{
  g_autoptr(GDateTime) now = ag_clock_get_now (self->clock);

  return g_date_time_to_timezone (now, get_timezone (self));
}

static GDateTime *
dup_day_time (AgDayView   *self,
              const GDate *day,
              int          hour)
{
  return g_date_time_new (get_timezone (self), g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), hour, 0, 0);
}

static void
set_string (AgDayView  *self,
            char      **field,
            char       *value,
            guint       prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static char *
format_date (AgDayView   *self,
             const GDate *day)
{
  g_autoptr(GDateTime) noon = dup_day_time (self, day, 12);
  g_autoptr(GDateTime) now = dup_now (self);

  if (g_date_time_get_year (noon) == g_date_time_get_year (now))
    /* Translators: a day of this year, "Tuesday, 3 November"; see g_date_time_format() */
    return g_date_time_format (noon, _("%A, %-d %B"));

  /* Translators: a day of another year, "Tuesday, 3 November 2026"; see g_date_time_format() */
  return g_date_time_format (noon, _("%A, %-d %B %Y"));
}

/* The title names the most recent session on or before the day, or the first one after it. */
static void
update_title (AgDayView *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  AgSession *last = NULL;
  AgSession *next = NULL;
  GDate last_day;
  GDate next_day;
  char *title;

  if (self->sessions == NULL)
    return;

  sessions = ag_session_list_dup_sessions (self->sessions);
  self->has_sessions = sessions->len > 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);
      GDate start_day;

      if (ag_session_get_status (session) == AG_SESSION_CANCELLED ||
          ag_session_get_start (session) == NULL)
        continue;

      local_date_of (ag_session_get_start (session), get_timezone (self), &start_day);
      if (g_date_compare (&start_day, &self->day) <= 0)
        {
          last = session;
          last_day = start_day;
        }
      else if (next == NULL)
        {
          next = session;
          next_day = start_day;
        }
    }

  if (last != NULL)
    {
      int days = (int) g_date_get_julian (&self->day) - (int) g_date_get_julian (&last_day);
      guint number = ag_session_get_number (last);
      guint count = ag_session_get_count (last);
      const char *area = ag_area_get_label (ag_session_get_area (last));

      if (days == 0)
        /* Translators: the day of a session, "Day of session 2 of 4 · Face" */
        title = g_strdup_printf (_("Day of session %u of %u · %s"), number, count, area);
      else
        /* Translators: days since a session, "Day 2 after session 1 of 4 · Face" */
        title = g_strdup_printf (ngettext ("Day %d after session %u of %u · %s",
                                           "Day %d after session %u of %u · %s", days),
                                 days, number, count, area);
    }
  else if (next != NULL)
    {
      int days = (int) g_date_get_julian (&next_day) - (int) g_date_get_julian (&self->day);

      /* Translators: days until the first session, "3 days before session 1 of 4 · Face" */
      title = g_strdup_printf (ngettext ("%d day before session %u of %u · %s",
                                         "%d days before session %u of %u · %s", days),
                               days, ag_session_get_number (next), ag_session_get_count (next),
                               ag_area_get_label (ag_session_get_area (next)));
    }
  else
    {
      title = g_strdup (_("No sessions"));
    }

  set_string (self, &self->title, title, PROP_TITLE);
}

static void
update_subtitle (AgDayView *self)
{
  g_autofree char *date = format_date (self, &self->day);

  if (self->is_today)
    /* Translators: the day shown is today, "Today · Tuesday, 3 November" */
    set_string (self, &self->subtitle, g_strdup_printf (_("Today · %s"), date), PROP_SUBTITLE);
  else
    set_string (self, &self->subtitle, g_steal_pointer (&date), PROP_SUBTITLE);
}

static gboolean
update_is_today (AgDayView *self)
{
  g_autoptr(GDateTime) now = dup_now (self);
  GDate today;
  gboolean is_today;

  local_date_of (now, get_timezone (self), &today);
  is_today = g_date_compare (&today, &self->day) == 0;
  if (is_today == self->is_today)
    return FALSE;

  self->is_today = is_today;
  return TRUE;
}

/* Today's restrictions follow the clock and end on their own; another day's are those that
 * apply at its noon, which every local day has whatever daylight saving does. */
static void
update_restriction_instant (AgDayView *self)
{
  g_autoptr(GDateTime) noon = NULL;

  if (!self->is_today)
    noon = dup_day_time (self, &self->day, 12);

  if (noon == NULL && self->pinned_instant == NULL)
    return;
  if (noon != NULL && self->pinned_instant != NULL && g_date_time_equal (noon, self->pinned_instant))
    return;

  g_clear_pointer (&self->pinned_instant, g_date_time_unref);
  self->pinned_instant = noon ? g_date_time_ref (noon) : NULL;

  adw_preferences_group_set_description (self->restrictions_group,
                                         self->is_today ? NULL : _("As they stand at noon on this day"));
  ag_restriction_list_set_instant (self->restrictions, self->pinned_instant);
}

static gboolean
prep_steps_equal (GListModel *model,
                  GPtrArray  *steps)
{
  if (g_list_model_get_n_items (model) != steps->len)
    return FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      g_autoptr(AgChecklistItem) old = g_list_model_get_item (model, i);
      AgChecklistItem *fresh = g_ptr_array_index (steps, i);

      if (g_strcmp0 (ag_checklist_item_get_key (old), ag_checklist_item_get_key (fresh)) != 0 ||
          g_strcmp0 (ag_checklist_item_get_title (old), ag_checklist_item_get_title (fresh)) != 0 ||
          g_strcmp0 (ag_checklist_item_get_detail (old), ag_checklist_item_get_detail (fresh)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_session_id (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

/* Names the first session the steps prepare for, which may be on this very day. */
static void
update_prep_description (AgDayView *self,
                         GPtrArray *sessions,
                         GPtrArray *steps)
{
  g_autofree char *description = NULL;

  for (guint i = 0; i < sessions->len && description == NULL; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);

      for (guint j = 0; j < steps->len; j++)
        {
          AgChecklistItem *step = g_ptr_array_index (steps, j);
          g_autofree char *date = NULL;
          GDate start_day;

          if (!has_session_id (ag_checklist_item_get_session_ids (step), ag_session_get_id (session)))
            continue;

          local_date_of (ag_session_get_start (session), get_timezone (self), &start_day);
          date = format_date (self, &start_day);
          /* Translators: the session preparation is for and its date, "For session 2 of 4 · Face on Tuesday, 1 December" */
          description = g_strdup_printf (_("For session %u of %u · %s on %s"),
                                         ag_session_get_number (session),
                                         ag_session_get_count (session),
                                         ag_area_get_label (ag_session_get_area (session)),
                                         date);
          break;
        }
    }

  adw_preferences_group_set_description (self->prep_group, description);
}

/* Steps that start on this very day are in the checklist, to tick; the others began earlier
 * and still apply until the session, so they are listed as reminders. */
static void
update_prep_steps (AgDayView *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->sessions == NULL)
    return;

  sessions = ag_session_list_dup_sessions (self->sessions);
  all = ag_engine_prep_steps_for_day (self->protocol, sessions, get_timezone (self),
                                      &self->routine, &self->day);

  for (guint i = 0; i < all->len; i++)
    {
      AgChecklistItem *step = g_ptr_array_index (all, i);

      if (g_date_compare (ag_checklist_item_get_date (step), &self->day) != 0)
        g_ptr_array_add (steps, g_object_ref (step));
    }

  update_prep_description (self, sessions, steps);

  if (prep_steps_equal (G_LIST_MODEL (self->prep_steps), steps))
    return;

  g_list_store_splice (self->prep_steps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->prep_steps)),
                       steps->pdata, steps->len);
}

/* Rewrites the countdowns and wakes again at the next moment any of them would read
 * differently, or at midnight, when "today" moves on. */
static void
update_countdowns (AgDayView *self)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 next;

  if (self->clock == NULL)
    return;

  now = dup_now (self);
  next = ag_alarm_next_local_midnight (self->clock);

  for (guint i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->restrictions_list, i);
      gint64 change;

      if (row == NULL)
        break;
      if (!AG_IS_RESTRICTION_ROW (row))
        continue;

      ag_restriction_row_update (AG_RESTRICTION_ROW (row), now);
      change = ag_restriction_row_get_next_change (AG_RESTRICTION_ROW (row), now);
      if (change != 0 && change < next)
        next = change;
    }

  ag_alarm_schedule (self->alarm, next);
}

static void
update_visibility (AgDayView *self)
{
  gboolean any = FALSE;
  struct {
    AdwPreferencesGroup *group;
    GListModel *model;
  } sections[] = {
    { self->sessions_group, G_LIST_MODEL (self->day_sessions) },
    { self->checklist_group, G_LIST_MODEL (self->checklist) },
    { self->restrictions_group, G_LIST_MODEL (self->sorted_restrictions) },
    { self->prep_group, G_LIST_MODEL (self->prep_steps) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gboolean visible = sections[i].model != NULL && g_list_model_get_n_items (sections[i].model) > 0;

      gtk_widget_set_visible (GTK_WIDGET (sections[i].group), visible);
      any |= visible;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warning_signs_button), self->has_sessions);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_warning_signs_button), self->has_sessions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "day-view.show-warning-signs",
                                 self->has_sessions && self->protocol != NULL);
  gtk_stack_set_visible_child_name (self->stack, any ? "content" : "empty");
}

static void
refresh (AgDayView *self)
{
  if (self->store == NULL)
    return;

  update_is_today (self);
  update_restriction_instant (self);
  gtk_filter_changed (GTK_FILTER (self->day_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_title (self);
  update_subtitle (self);
  update_prep_steps (self);
  update_countdowns (self);
  update_visibility (self);
}

static gboolean
session_on_day (gpointer item,
                gpointer user_data)
{
  AgDayView *self = user_data;
  GDateTime *start = ag_session_get_start (item);
  GDate start_day;

  if (start == NULL || self->clock == NULL)
    return FALSE;

  local_date_of (start, get_timezone (self), &start_day);
  return g_date_compare (&start_day, &self->day) == 0;
}

static int
compare_restriction_ends (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return g_date_time_compare (ag_restriction_get_ends ((AgRestriction *) a),
                              ag_restriction_get_ends ((AgRestriction *) b));
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  AgDayView *self = user_data;
  AgSession *session = item;
  g_autoptr(GDateTime) start = g_date_time_to_timezone (ag_session_get_start (session),
                                                        get_timezone (self));
  g_autoptr(GDateTime) end_utc = ag_session_dup_end (session);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (end_utc, get_timezone (self));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *start_text = g_date_time_format (start, "%R");
  g_autofree char *end_text = g_date_time_format (end, "%R");
  const char *clinic = ag_session_get_clinic (session);
  AgSessionStatus status = ag_session_get_status (session);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "x-office-calendar-symbolic",
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  if (status == AG_SESSION_CANCELLED)
    /* Translators: a cancelled session and the treated area, "Cancelled session · Face" */
    title = g_strdup_printf (_("Cancelled session · %s"),
                             ag_area_get_label (ag_session_get_area (session)));
  else
    /* Translators: a session in its series and the treated area, "Session 2 of 4 · Face" */
    title = g_strdup_printf (_("Session %u of %u · %s"),
                             ag_session_get_number (session), ag_session_get_count (session),
                             ag_area_get_label (ag_session_get_area (session)));

  /* Translators: start and end time of a session, "10:00–10:30" */
  g_ptr_array_add (parts, g_strdup_printf (_("%s–%s"), start_text, end_text));
  if (clinic != NULL && clinic[0] != '\0')
    g_ptr_array_add (parts, g_strdup (clinic));
  /* Translators: needle depth in millimetres */
  g_ptr_array_add (parts, g_strdup_printf (_("%.1f mm"), ag_session_get_effective_depth_mm (session)));
  if (status == AG_SESSION_DONE)
    g_ptr_array_add (parts, g_strdup (ag_session_status_get_label (status)));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the details of a session, "10:00–10:30 · Skin Clinic · 1.0 mm" */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit Session"));

  return row;
}

/* The store's messages say what happened and what to do, which is too long for a toast's
 * one-line title at 360 px: the toast says what failed, its button shows why. */
static void
show_error_toast (AgDayView  *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (_("Tick not saved"));

  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "day-view.show-error");
  adw_toast_set_action_target_value (toast, g_variant_new_string (message));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
checklist_row_done_toggled_cb (AgDayView      *self,
                               gboolean        done,
                               AgChecklistRow *row)
{
  g_autoptr(GError) error = NULL;

  if (ag_day_checklist_set_item_done (self->checklist, ag_checklist_row_get_item (row), done, &error))
    return;

  g_debug ("Could not save a tick: %s", error->message);
  ag_checklist_row_show_saved_state (row);
  show_error_toast (self, error->message);
}

static GtkWidget *
create_checklist_row (gpointer item,
                      gpointer user_data)
{
  AgDayView *self = user_data;
  GtkWidget *row = ag_checklist_row_new (item);

  g_signal_connect_object (row, "done-toggled", G_CALLBACK (checklist_row_done_toggled_cb),
                           self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
create_restriction_row (gpointer item,
                        gpointer user_data)
{
  AgDayView *self = user_data;
  GtkWidget *row = ag_restriction_row_new (item);
  g_autoptr(GDateTime) now = dup_now (self);

  ag_restriction_row_update (AG_RESTRICTION_ROW (row), now);

  return row;
}

static GtkWidget *
create_prep_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "task-due-symbolic",
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ag_checklist_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ag_checklist_item_get_detail (item));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
session_row_activated_cb (AgDayView     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  g_autoptr(AgSession) session = NULL;

  session = g_list_model_get_item (G_LIST_MODEL (self->day_sessions),
                                   gtk_list_box_row_get_index (row));
  if (session == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-session", "x",
                              ag_session_get_id (session));
}

static void
sections_changed_cb (AgDayView  *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  update_visibility (self);
}

static void
sessions_changed_cb (AgDayView  *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *model)
{
  /* Sessions came, went or moved: the title and the preparation depend on them. */
  update_title (self);
  update_prep_steps (self);
  update_visibility (self);
}

static void
restrictions_changed_cb (AgDayView  *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *model)
{
  update_countdowns (self);
  update_visibility (self);
}

static void
clock_changed_cb (AgDayView *self,
                  AgClock   *clock)
{
  /* The time or the zone changed: local days, "today" and every countdown may differ. */
  refresh (self);
}

static void
alarm_fired_cb (AgDayView *self,
                AgAlarm   *alarm)
{
  if (update_is_today (self))
    {
      update_restriction_instant (self);
      update_subtitle (self);
    }

  update_countdowns (self);
}

static void
show_warning_signs_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AgDayView *self = AG_DAY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->protocol == NULL)
    return;

  dialog = ag_warning_signs_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->protocol);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Your tick was not saved"),
                                   g_variant_get_string (parameter, NULL));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_context (AgDayView *self)
{
  gtk_list_box_bind_model (self->sessions_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->checklist_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->restrictions_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->prep_list, NULL, NULL, NULL, NULL);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_handler, self->clock);
  if (self->alarm != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->alarm, self);
      ag_alarm_cancel (self->alarm);
    }
  if (self->day_sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->day_sessions, self);
  if (self->sessions != NULL)
    g_signal_handlers_disconnect_by_data (self->sessions, self);
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  if (self->sorted_restrictions != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted_restrictions, self);
  if (self->prep_steps != NULL)
    g_signal_handlers_disconnect_by_data (self->prep_steps, self);

  g_clear_object (&self->alarm);
  g_clear_object (&self->day_sessions);
  g_clear_object (&self->day_filter);
  g_clear_object (&self->sessions);
  g_clear_object (&self->checklist);
  g_clear_object (&self->sorted_restrictions);
  g_clear_object (&self->restrictions);
  g_clear_object (&self->prep_steps);
  g_clear_pointer (&self->pinned_instant, g_date_time_unref);
  g_clear_object (&self->clock);
  g_clear_object (&self->protocol);
  g_clear_object (&self->store);
}

static void
ag_day_view_dispose (GObject *object)
{
  AgDayView *self = (AgDayView *)object;

  clear_context (self);
  /* AdwBin keeps its own pointer to the template's top widget: let it go first, or both
   * would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_DAY_VIEW);

  G_OBJECT_CLASS (ag_day_view_parent_class)->dispose (object);
}

static void
ag_day_view_finalize (GObject *object)
{
  AgDayView *self = (AgDayView *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (ag_day_view_parent_class)->finalize (object);
}

static void
ag_day_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AgDayView *self = AG_DAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_day_view_class_init (AgDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_day_view_dispose;
  object_class->finalize = ag_day_view_finalize;
  object_class->get_property = ag_day_view_get_property;

  /**
   * AgDayView:title:
   *
   * Where the day stands in the treatment, "Day 2 after session 1 of 4 · Face".
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AgDayView:subtitle:
   *
   * The date, "Today · Tuesday, 3 November".
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "day-view.show-error", "s", show_error_action);
  gtk_widget_class_install_action (widget_class, "day-view.show-warning-signs", NULL,
                                   show_warning_signs_action);

  g_type_ensure (AG_TYPE_CHECK_PAINTABLE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ag-day-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AgDayView, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, empty_warning_signs_button);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, prep_group);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, prep_list);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, restrictions_group);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, restrictions_list);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, stack);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AgDayView, warning_signs_button);
  gtk_widget_class_bind_template_callback (widget_class, session_row_activated_cb);
}

static void
ag_day_view_init (AgDayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ag_routine_init_default (&self->routine);
  g_date_clear (&self->day, 1);
  self->title = g_strdup (_("No sessions"));
  update_visibility (self);
}

/**
 * ag_day_view_new:
 *
 * Returns: (transfer floating): a new day view; give it a store with ag_day_view_set_context()
 */
AgDayView *
ag_day_view_new (void)
{
  return g_object_new (AG_TYPE_DAY_VIEW, NULL);
}

/**
 * ag_day_view_set_context:
 * @store: the store to show and change
 * @protocol: the protocol that turns sessions into aftercare
 *
 * Shows @store's aftercare for the view's day, today if none was set yet.
 */
void
ag_day_view_set_context (AgDayView  *self,
                         AgStore    *store,
                         AgProtocol *protocol)
{
  g_return_if_fail (AG_IS_DAY_VIEW (self));
  g_return_if_fail (AG_IS_STORE (store));
  g_return_if_fail (AG_IS_PROTOCOL (protocol));

  clear_context (self);

  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->clock = g_object_ref (ag_store_get_clock (store));
  self->is_today = FALSE;

  if (!g_date_valid (&self->day))
    {
      g_autoptr(GDateTime) now = dup_now (self);

      local_date_of (now, get_timezone (self), &self->day);
    }

  self->alarm = ag_alarm_new (self->clock);
  g_signal_connect_object (self->alarm, "fired", G_CALLBACK (alarm_fired_cb), self,
                           G_CONNECT_SWAPPED);

  self->sessions = ag_session_list_new (store, 0);
  self->day_filter = gtk_custom_filter_new (session_on_day, self, NULL);
  self->day_sessions = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sessions)),
                                                  g_object_ref (GTK_FILTER (self->day_filter)));
  self->checklist = ag_day_checklist_new (store, protocol, &self->day);
  ag_day_checklist_set_routine (self->checklist, &self->routine);
  self->restrictions = ag_restriction_list_new (store, protocol);
  /* What is allowed again soonest comes first. */
  self->sorted_restrictions =
    gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->restrictions)),
                             GTK_SORTER (gtk_custom_sorter_new (compare_restriction_ends,
                                                                NULL, NULL)));
  self->prep_steps = g_list_store_new (AG_TYPE_CHECKLIST_ITEM);

  gtk_list_box_bind_model (self->sessions_list, G_LIST_MODEL (self->day_sessions),
                           create_session_row, self, NULL);
  gtk_list_box_bind_model (self->checklist_list, G_LIST_MODEL (self->checklist),
                           create_checklist_row, self, NULL);
  gtk_list_box_bind_model (self->restrictions_list, G_LIST_MODEL (self->sorted_restrictions),
                           create_restriction_row, self, NULL);
  gtk_list_box_bind_model (self->prep_list, G_LIST_MODEL (self->prep_steps),
                           create_prep_row, self, NULL);

  /* Connected after binding, so the rows exist by the time these run. */
  g_signal_connect_object (self->sessions, "items-changed", G_CALLBACK (sessions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_sessions, "items-changed", G_CALLBACK (sections_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checklist, "items-changed", G_CALLBACK (sections_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->prep_steps, "items-changed", G_CALLBACK (sections_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted_restrictions, "items-changed",
                           G_CALLBACK (restrictions_changed_cb), self, G_CONNECT_SWAPPED);
  self->clock_handler = g_signal_connect_object (self->clock, "changed",
                                                 G_CALLBACK (clock_changed_cb), self,
                                                 G_CONNECT_SWAPPED);

  /* A pinned instant no day has at noon makes refresh() choose between following the clock
   * and pinning afresh. */
  self->pinned_instant = g_date_time_new_from_unix_utc (0);
  refresh (self);
}

/**
 * ag_day_view_set_day:
 * @day: the local calendar day to show, in the zone of the store's clock
 */
void
ag_day_view_set_day (AgDayView   *self,
                     const GDate *day)
{
  g_return_if_fail (AG_IS_DAY_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (g_date_valid (&self->day) && g_date_compare (&self->day, day) == 0)
    return;

  self->day = *day;
  if (self->checklist != NULL)
    ag_day_checklist_set_day (self->checklist, day);
  refresh (self);
}

/**
 * ag_day_view_set_routine:
 * @routine: the user's times of day
 */
void
ag_day_view_set_routine (AgDayView       *self,
                         const AgRoutine *routine)
{
  g_return_if_fail (AG_IS_DAY_VIEW (self));
  g_return_if_fail (routine != NULL);

  self->routine = *routine;
  if (self->checklist != NULL)
    ag_day_checklist_set_routine (self->checklist, routine);
  update_prep_steps (self);
  if (self->store != NULL)
    update_visibility (self);
}

/**
 * ag_day_view_get_title:
 *
 * Returns: where the day stands in the treatment, "Day 2 after session 1 of 4 · Face"
 */
const char *
ag_day_view_get_title (AgDayView *self)
{
  g_return_val_if_fail (AG_IS_DAY_VIEW (self), NULL);

  return self->title;
}

/**
 * ag_day_view_get_subtitle:
 *
 * Returns: (nullable): the day's date, "Today · Tuesday, 3 November"
 */
const char *
ag_day_view_get_subtitle (AgDayView *self)
{
  g_return_val_if_fail (AG_IS_DAY_VIEW (self), NULL);

  return self->subtitle;
}
