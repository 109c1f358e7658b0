/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment-dialog.c: one treatment: its details, its sessions, adding one, deleting it. */

#define G_LOG_DOMAIN "ag-treatment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-session-dialog.h"
#include "ag-session-list.h"
#include "ag-session-row.h"
#include "ag-treatment-dialog.h"
#include "ag-treatment-list.h"
#include "ag-treatment-row.h"

/*
 * Details (area, device, goal, colour) are saved as soon as they are changed, each change
 * one core call; a failed save shows why and puts the control back to what is stored.
 * Deleting closes the dialog and offers undo in a toast on the parent window.
 */

#define DEFAULT_SESSION_HOUR 10
#define DEFAULT_DURATION_MINUTES 30
#define DEFAULT_DEPTH_MM 1.0
#define DEFAULT_INTERVAL_WEEKS 4

struct _AgTreatmentDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkLabel *add_error_label;
  GtkRevealer *add_revealer;
  GtkButton *add_session_button;
  AdwComboRow *area_row;
  GtkBox *color_box;
  GtkLabel *delete_error_label;
  GtkLabel *details_error_label;
  AdwComboRow *device_row;
  AdwEntryRow *goal_row;
  AdwEntryRow *new_date_row;
  AdwEntryRow *new_time_row;
  GtkLabel *no_sessions_label;
  GtkListBox *sessions_list;
  AdwWindowTitle *window_title;

  /* borrowed: children of color_box, in palette order */
  GPtrArray *color_buttons;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  AgTreatmentList *treatments;
  AgSessionList *sessions;
  gulong treatments_changed_handler;
  gulong sessions_changed_handler;

  gint64 treatment_id;
  gboolean deleting;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (AgTreatmentDialog, ag_treatment_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  AgStore *store;
  GWeakRef overlay;
  gint64 treatment_id;
  gboolean undone;
} UndoDelete;

static void
undo_delete_free (gpointer  data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_object (&undo->store);
  g_weak_ref_clear (&undo->overlay);
  g_free (undo);
}

static AgTreatment *
lookup_treatment (AgTreatmentDialog *self)
{
  if (self->treatments == NULL)
    return NULL;

  return ag_treatment_list_lookup (self->treatments, self->treatment_id);
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_label (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* The first toast overlay inside @widget, searched breadth-first. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *current = g_queue_pop_head (queue);

      if (ADW_IS_TOAST_OVERLAY (current))
        return ADW_TOAST_OVERLAY (current);

      for (GtkWidget *child = gtk_widget_get_first_child (current);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  return NULL;
}

static void
sync_from_treatment (AgTreatmentDialog *self)
{
  AgTreatment *treatment = lookup_treatment (self);
  const AgTreatmentColor *color;
  g_autofree char *title = NULL;

  if (treatment == NULL)
    {
      /* Deleted, maybe by the other program: there is nothing left to show. When we
       * deleted it ourselves, delete_response_cb() closes us after offering undo. */
      if (!self->deleting)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->syncing = TRUE;

  title = ag_treatment_dup_title (treatment);
  adw_window_title_set_subtitle (self->window_title, title);
  adw_combo_row_set_selected (self->area_row, ag_treatment_get_area (treatment));
  adw_combo_row_set_selected (self->device_row, ag_treatment_get_device (treatment));
  gtk_editable_set_text (GTK_EDITABLE (self->goal_row),
                         ag_treatment_get_goal (treatment) ? ag_treatment_get_goal (treatment) : "");

  color = ag_treatment_row_lookup_color (ag_treatment_get_color (treatment));
  for (guint i = 0; i < self->color_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->color_buttons, i);
      const AgTreatmentColor *button_color = g_object_get_data (G_OBJECT (button), "ag-color");

      gtk_toggle_button_set_active (button, button_color == color);
    }

  self->syncing = FALSE;
}

static void
update_sessions_state (AgTreatmentDialog *self)
{
  guint n_items = 0;

  if (self->sessions != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

  gtk_widget_set_visible (GTK_WIDGET (self->no_sessions_label), n_items == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_list), n_items > 0);
}

/* A fresh copy from the store to change one thing in, so the list's items stay as read. */
static void
save_treatment_change (AgTreatmentDialog *self,
                       void             (*change) (AgTreatment *treatment,
                                                   gconstpointer value),
                       gconstpointer      value)
{
  g_autoptr(AgTreatment) treatment = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), FALSE);

  treatment = ag_store_get_treatment (self->store, self->treatment_id, &error);
  if (treatment != NULL)
    {
      change (treatment, value);
      if (ag_store_update_treatment (self->store, treatment, &error))
        return;
    }

  show_error (self->details_error_label, error);
  sync_from_treatment (self);
}

static void
change_area (AgTreatment   *treatment,
             gconstpointer  value)
{
  ag_treatment_set_area (treatment, *(const AgArea *)value);
}

static void
change_device (AgTreatment   *treatment,
               gconstpointer  value)
{
  ag_treatment_set_device (treatment, *(const AgDevice *)value);
}

static void
change_goal (AgTreatment   *treatment,
             gconstpointer  value)
{
  const char *goal = value;

  ag_treatment_set_goal (treatment, goal[0] != '\0' ? goal : NULL);
}

static void
change_color (AgTreatment   *treatment,
              gconstpointer  value)
{
  ag_treatment_set_color (treatment, value);
}

static AgSession *
dup_last_session (AgTreatmentDialog *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

  for (guint i = n_items; i > 0; i--)
    {
      g_autoptr(AgSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i - 1);

      if (ag_session_get_status (session) != AG_SESSION_CANCELLED)
        return g_steal_pointer (&session);
    }

  return NULL;
}

static guint
get_interval_weeks (AgTreatmentDialog *self)
{
  AgTreatment *treatment = lookup_treatment (self);
  guint weeks = 0;

  if (treatment != NULL)
    {
      weeks = ag_treatment_get_interval_weeks (treatment);
      if (weeks == 0)
        weeks = ag_protocol_get_min_interval_weeks (self->protocol,
                                                    ag_treatment_get_area (treatment));
    }

  return weeks > 0 ? weeks : DEFAULT_INTERVAL_WEEKS;
}

/* After the last session by the series' interval; without any, tomorrow morning. */
static GDateTime *
dup_default_new_start (AgTreatmentDialog *self)
{
  g_autoptr(AgSession) last = dup_last_session (self);
  AgClock *clock = ag_store_get_clock (self->store);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  if (last != NULL)
    return ag_date_time_add_local_days (ag_session_get_start (last),
                                        7 * (int)get_interval_weeks (self));

  now = g_date_time_to_timezone (ag_clock_get_now (clock), ag_clock_get_timezone (clock));
  tomorrow = ag_date_time_add_local_days (now, 1);
  return g_date_time_new (ag_clock_get_timezone (clock),
                          g_date_time_get_year (tomorrow),
                          g_date_time_get_month (tomorrow),
                          g_date_time_get_day_of_month (tomorrow),
                          DEFAULT_SESSION_HOUR, 0, 0);
}

static void
treatments_changed_cb (AgTreatmentDialog *self,
                       guint              position,
                       guint              removed,
                       guint              added,
                       GListModel        *treatments)
{
  sync_from_treatment (self);
}

static void
sessions_changed_cb (AgTreatmentDialog *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *sessions)
{
  update_sessions_state (self);
}

static void
area_selected_cb (AgTreatmentDialog *self)
{
  AgArea area = adw_combo_row_get_selected (self->area_row);

  if (area < AG_N_AREAS)
    save_treatment_change (self, change_area, &area);
}

static void
device_selected_cb (AgTreatmentDialog *self)
{
  AgDevice device = adw_combo_row_get_selected (self->device_row);

  if (device < AG_N_DEVICES)
    save_treatment_change (self, change_device, &device);
}

static void
goal_apply_cb (AgTreatmentDialog *self)
{
  g_autofree char *goal = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->goal_row))));

  save_treatment_change (self, change_goal, goal);
}

static void
color_toggled_cb (AgTreatmentDialog *self,
                  GtkToggleButton   *button)
{
  const AgTreatmentColor *color = g_object_get_data (G_OBJECT (button), "ag-color");

  if (gtk_toggle_button_get_active (button))
    save_treatment_change (self, change_color, color->hex);
}

/* A list box, not a list view: a series has at most a dozen sessions, shown in full inside
 * the scrolled page, and a list view outside a scrolled window measures wrapped rows short. */
static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = g_object_new (AG_TYPE_SESSION_ROW, "session", item, NULL);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
sessions_list_row_activated_cb (AgTreatmentDialog *self,
                                GtkListBoxRow     *row)
{
  AgSessionRow *session_row = AG_SESSION_ROW (gtk_list_box_row_get_child (row));
  AgSession *session = ag_session_row_get_session (session_row);
  AgSessionDialog *dialog;

  if (session == NULL)
    return;

  dialog = ag_session_dialog_new (GTK_WINDOW (self), self->store, self->protocol,
                                  ag_session_get_id (session));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_session_clicked_cb (AgTreatmentDialog *self)
{
  g_autoptr(GDateTime) start = dup_default_new_start (self);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (!gtk_revealer_get_reveal_child (self->add_revealer) && start != NULL)
    {
      date = g_date_time_format (start, "%Y-%m-%d");
      time = g_date_time_format (start, "%R");
      gtk_editable_set_text (GTK_EDITABLE (self->new_date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->new_time_row), time);
      gtk_widget_set_visible (GTK_WIDGET (self->add_error_label), FALSE);
      gtk_revealer_set_reveal_child (self->add_revealer, TRUE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->new_date_row));
}

static void
add_cancel_clicked_cb (AgTreatmentDialog *self)
{
  gtk_revealer_set_reveal_child (self->add_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_session_button));
}

static void
add_confirm_clicked_cb (AgTreatmentDialog *self)
{
  g_autoptr(AgSession) last = dup_last_session (self);
  g_autoptr(AgSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  GTimeZone *zone;

  gtk_widget_set_visible (GTK_WIDGET (self->add_error_label), FALSE);

  /* A new session of a series is planned in the zone the series is in. */
  if (last != NULL)
    zone = g_date_time_get_timezone (ag_session_get_start (last));
  else
    zone = ag_clock_get_timezone (ag_store_get_clock (self->store));

  if (!ag_parse_local_date_time (gtk_editable_get_text (GTK_EDITABLE (self->new_date_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->new_time_row)),
                                 zone, &start, &error))
    {
      show_error (self->add_error_label, error);
      return;
    }

  session = ag_session_new (self->treatment_id, start);
  ag_session_set_duration_minutes (session, last ? ag_session_get_duration_minutes (last)
                                                 : DEFAULT_DURATION_MINUTES);
  ag_session_set_depth_mm (session, last ? ag_session_get_depth_mm (last) : DEFAULT_DEPTH_MM);
  ag_session_set_clinic (session, last ? ag_session_get_clinic (last) : NULL);

  if (!ag_store_add_session (self->store, session, &error))
    {
      show_error (self->add_error_label, error);
      return;
    }

  gtk_revealer_set_reveal_child (self->add_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_session_button));
}

static void
undo_clicked_cb (AdwToast   *toast,
                 UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToastOverlay) overlay = NULL;

  if (ag_store_restore_treatment (undo->store, undo->treatment_id, &error))
    {
      undo->undone = TRUE;
      return;
    }

  overlay = g_weak_ref_get (&undo->overlay);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (error->message));
  else
    g_warning ("Could not restore the treatment: %s", error->message);
}

/* Once undo is no longer offered, what the patient deleted is really gone from the file. */
static void
undo_dismissed_cb (AdwToast   *toast,
                   UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->undone)
    return;

  if (!ag_store_purge_treatment (undo->store, undo->treatment_id, &error) &&
      !g_error_matches (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND))
    g_warning ("Could not remove the deleted treatment for good: %s", error->message);
}

static void
show_undo_toast (AgTreatmentDialog *self,
                 AgArea             area)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AdwToastOverlay *overlay = NULL;
  AdwToast *toast;
  UndoDelete *undo;

  if (parent != NULL)
    overlay = find_toast_overlay (GTK_WIDGET (parent));
  if (overlay == NULL)
    {
      g_warning ("No toast overlay to offer undo in");
      return;
    }

  /* Translators: a toast after deleting; %s is the area, "Face treatment deleted" */
  toast = adw_toast_new_format (_("%s treatment deleted"), ag_area_get_label (area));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  undo = g_new0 (UndoDelete, 1);
  undo->store = g_object_ref (self->store);
  undo->treatment_id = self->treatment_id;
  g_weak_ref_init (&undo->overlay, overlay);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         undo_delete_free, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), undo);

  adw_toast_overlay_add_toast (overlay, toast);
}

static void
delete_response_cb (AgTreatmentDialog *self,
                    const char        *response,
                    AdwMessageDialog  *dialog)
{
  AgTreatment *treatment = lookup_treatment (self);
  g_autoptr(GError) error = NULL;
  AgArea area;

  if (g_strcmp0 (response, "delete") != 0 || treatment == NULL)
    return;

  /* We close below, while the confirmation is still being disposed of: it must not point
   * at us any more. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  area = ag_treatment_get_area (treatment);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_error_label), FALSE);

  self->deleting = TRUE;
  if (!ag_store_delete_treatment (self->store, self->treatment_id, &error))
    {
      self->deleting = FALSE;
      show_error (self->delete_error_label, error);
      return;
    }

  show_undo_toast (self, area);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_clicked_cb (AgTreatmentDialog *self)
{
  AgTreatment *treatment = lookup_treatment (self);
  const char *area;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_sessions;
  GtkWidget *dialog;

  if (treatment == NULL)
    return;

  area = ag_area_get_label (ag_treatment_get_area (treatment));
  n_sessions = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  /* Translators: %s is the area, "Delete Face treatment?" */
  heading = g_strdup_printf (_("Delete %s treatment?"), area);
  body = g_strdup_printf (ngettext ("Its %u session and its checklist are removed. "
                                    "You can undo this right after.",
                                    "Its %u sessions and their checklists are removed. "
                                    "You can undo this right after.",
                                    n_sessions),
                          n_sessions);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_choices (AgTreatmentDialog *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) devices = gtk_string_list_new (NULL);
  GtkToggleButton *group = NULL;
  const AgTreatmentColor *colors;
  guint n_colors;

  for (guint i = 0; i < AG_N_AREAS; i++)
    gtk_string_list_append (areas, ag_area_get_label (i));
  for (guint i = 0; i < AG_N_DEVICES; i++)
    gtk_string_list_append (devices, ag_device_get_label (i));

  self->syncing = TRUE;
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_combo_row_set_model (self->device_row, G_LIST_MODEL (devices));
  self->syncing = FALSE;

  colors = ag_treatment_row_get_colors (&n_colors);
  for (guint i = 0; i < n_colors; i++)
    {
      GtkWidget *button = ag_ui_color_button_new (&colors[i], _(colors[i].label), group);

      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);

      g_signal_connect_object (button, "toggled", G_CALLBACK (color_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->color_box, button);
      g_ptr_array_add (self->color_buttons, button);
    }
}

static void
ag_treatment_dialog_dispose (GObject *object)
{
  AgTreatmentDialog *self = (AgTreatmentDialog *)object;

  g_clear_signal_handler (&self->treatments_changed_handler, self->treatments);
  g_clear_signal_handler (&self->sessions_changed_handler, self->sessions);
  g_clear_pointer (&self->color_buttons, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_TREATMENT_DIALOG);
  g_clear_object (&self->treatments);
  g_clear_object (&self->sessions);
  g_clear_object (&self->protocol);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ag_treatment_dialog_parent_class)->dispose (object);
}

static void
ag_treatment_dialog_class_init (AgTreatmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_treatment_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-treatment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, add_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, add_revealer);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, add_session_button);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, color_box);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, delete_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, device_row);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, new_date_row);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, new_time_row);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, no_sessions_label);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, add_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_session_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, device_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, sessions_list_row_activated_cb);
}

static void
ag_treatment_dialog_init (AgTreatmentDialog *self)
{
  self->color_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_choices (self);
}

/**
 * ag_treatment_dialog_new:
 * @parent: (nullable): the window it is modal for; after a delete, the undo toast is
 *   shown in the first #AdwToastOverlay found inside @parent
 * @store: the store the treatment is in
 * @protocol: the aftercare protocol in use
 * @treatment_id: the treatment to show
 *
 * Opens on one treatment and follows the store: if the treatment goes away, the dialog
 * closes.
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
AgTreatmentDialog *
ag_treatment_dialog_new (GtkWindow  *parent,
                         AgStore    *store,
                         AgProtocol *protocol,
                         gint64      treatment_id)
{
  AgTreatmentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  self = g_object_new (AG_TYPE_TREATMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->treatment_id = treatment_id;

  self->treatments = ag_treatment_list_new (store);
  self->treatments_changed_handler =
    g_signal_connect_object (self->treatments, "items-changed",
                             G_CALLBACK (treatments_changed_cb), self, G_CONNECT_SWAPPED);
  self->sessions = ag_session_list_new (store, treatment_id);
  self->sessions_changed_handler =
    g_signal_connect_object (self->sessions, "items-changed",
                             G_CALLBACK (sessions_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->sessions_list, G_LIST_MODEL (self->sessions),
                           create_session_row, NULL, NULL);

  if (lookup_treatment (self) != NULL)
    sync_from_treatment (self);
  else
    g_warning ("Cannot show treatment %" G_GINT64_FORMAT ": it is not in the store",
               treatment_id);
  update_sessions_state (self);

  return self;
}

gint64
ag_treatment_dialog_get_treatment_id (AgTreatmentDialog *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT_DIALOG (self), 0);

  return self->treatment_id;
}
