/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session-dialog.c: one session: move it, mark it done or cancelled, edit its details. */

#define G_LOG_DOMAIN "ag-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-session-dialog.h"
#include "ag-session-list.h"
#include "ag-session-row.h"

/*
 * Every button is one core call. When it succeeds the dialog closes: the change shows in
 * the lists behind it. When it fails the dialog stays, with the reason under the button,
 * and the store is as it was.
 */

struct _AgSessionDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkListBox *actual_depth_list;
  GtkLabel *actual_depth_warning_label;
  GtkSpinButton *actual_depth_spin;
  AdwEntryRow *clinic_row;
  AdwEntryRow *date_row;
  GtkLabel *depth_warning_label;
  GtkSpinButton *depth_spin;
  GtkLabel *details_error_label;
  GtkSpinButton *duration_spin;
  GtkLabel *heading_label;
  GtkLabel *move_error_label;
  AdwEntryRow *notes_row;
  GtkButton *replan_button;
  GtkCheckButton *shift_later_check;
  GtkBox *status_actions_box;
  GtkLabel *status_error_label;
  GtkLabel *status_label;
  AdwEntryRow *time_row;
  GtkLabel *when_label;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  AgSessionList *sessions;
  gulong sessions_changed_handler;

  gint64 session_id;
  gboolean fields_loaded;
};

G_DEFINE_FINAL_TYPE (AgSessionDialog, ag_session_dialog, ADW_TYPE_WINDOW)

static AgSession *
lookup_session (AgSessionDialog *self)
{
  guint n_items;

  if (self->sessions == NULL)
    return NULL;

  n_items = ag_diff_list_get_size (AG_DIFF_LIST (self->sessions));
  for (guint i = 0; i < n_items; i++)
    {
      AgSession *session = ag_diff_list_peek (AG_DIFF_LIST (self->sessions), i);

      if (ag_session_get_id (session) == self->session_id)
        return session;
    }

  return NULL;
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_label (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
clear_errors (AgSessionDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->move_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_error_label), FALSE);
}

/* The same sentence the plan dialog shows, so a deep session reads the same everywhere. */
static char *
dup_deep_warning (double depth_mm)
{
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (NULL, AG_SESSIONS_RECOMMENDED, 4);
  g_autoptr(GPtrArray) texts = NULL;

  ag_series_plan_set_depth_mm (plan, depth_mm);
  texts = ag_series_plan_dup_warning_texts (plan, NULL);
  if (texts->len == 0)
    return NULL;

  return g_strdup (g_ptr_array_index (texts, 0));
}

static void
update_warning (GtkLabel      *label,
                GtkSpinButton *spin)
{
  g_autofree char *warning = dup_deep_warning (gtk_spin_button_get_value (spin));

  gtk_label_set_label (label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (label), warning != NULL);
}

static void
sync_from_session (AgSessionDialog *self)
{
  AgSession *session = lookup_session (self);
  AgSessionStatus status;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  GDateTime *start;

  if (session == NULL)
    {
      /* Deleted with its treatment, maybe by the other program: nothing left to edit. */
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  status = ag_session_get_status (session);
  start = ag_session_get_start (session);
  title = ag_session_row_format_title (session);
  /* Translators: the session dialog's heading: "Session 2 of 4 · Face" */
  heading = g_strdup_printf (_("%s · %s"), title, ag_area_get_label (ag_session_get_area (session)));
  when = ag_session_row_format_when (session);
  status_text = ag_session_row_format_status (session);
  date = g_date_time_format (start, "%Y-%m-%d");
  time = g_date_time_format (start, "%R");

  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->status_label, status_text);
  if (status == AG_SESSION_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");

  gtk_widget_set_visible (GTK_WIDGET (self->actual_depth_list), status == AG_SESSION_PLANNED);
  gtk_widget_set_visible (GTK_WIDGET (self->status_actions_box), status == AG_SESSION_PLANNED);
  gtk_widget_set_visible (GTK_WIDGET (self->replan_button), status != AG_SESSION_PLANNED);

  /* The fields are filled once: a later change to the series (by the other program, or a
   * reload after the clock moved) must not throw away what the patient is typing. */
  if (!self->fields_loaded)
    {
      self->fields_loaded = TRUE;

      gtk_spin_button_set_value (self->actual_depth_spin, ag_session_get_depth_mm (session));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
      gtk_spin_button_set_value (self->depth_spin, ag_session_get_depth_mm (session));
      gtk_spin_button_set_value (self->duration_spin, ag_session_get_duration_minutes (session));
      gtk_editable_set_text (GTK_EDITABLE (self->clinic_row),
                             ag_session_get_clinic (session) ? ag_session_get_clinic (session) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                             ag_session_get_notes (session) ? ag_session_get_notes (session) : "");
    }

  update_warning (self->actual_depth_warning_label, self->actual_depth_spin);
  if (status != AG_SESSION_PLANNED)
    gtk_widget_set_visible (GTK_WIDGET (self->actual_depth_warning_label), FALSE);
  update_warning (self->depth_warning_label, self->depth_spin);
}

static void
set_status (AgSessionDialog *self,
            AgSessionStatus  status,
            double           actual_depth_mm)
{
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  if (!ag_store_set_session_status (self->store, self->session_id, status, actual_depth_mm,
                                    &error))
    {
      show_error (self->status_error_label, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sessions_changed_cb (AgSessionDialog *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *sessions)
{
  sync_from_session (self);
}

static void
depth_value_changed_cb (AgSessionDialog *self,
                        GtkSpinButton   *spin)
{
  if (spin == self->depth_spin)
    update_warning (self->depth_warning_label, spin);
  else
    update_warning (self->actual_depth_warning_label, spin);
}

static void
done_clicked_cb (AgSessionDialog *self)
{
  gtk_spin_button_update (self->actual_depth_spin);
  set_status (self, AG_SESSION_DONE, gtk_spin_button_get_value (self->actual_depth_spin));
}

static void
replan_clicked_cb (AgSessionDialog *self)
{
  set_status (self, AG_SESSION_PLANNED, 0.0);
}

static void
cancel_response_cb (AgSessionDialog  *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "cancel-session") != 0)
    return;

  /* We close on success, while the confirmation is still being disposed of: it must not
   * point at us any more. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  set_status (self, AG_SESSION_CANCELLED, 0.0);
}

static void
cancel_session_clicked_cb (AgSessionDialog *self)
{
  AgSession *session = lookup_session (self);
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (session == NULL)
    return;

  title = ag_session_row_format_title (session);
  when = ag_session_row_format_when (session);
  /* Translators: %s is "Session 2 of 4", then its date and time */
  body = g_strdup_printf (_("%s on %s is taken out of your plan and its reminders stop. "
                            "You can set it back to planned later."),
                          title, when);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel This Session?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Session"),
                                    "cancel-session", _("_Cancel Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-session",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_clicked_cb (AgSessionDialog *self)
{
  AgSession *session = lookup_session (self);
  g_autoptr(GDateTime) new_start = NULL;
  g_autoptr(GError) error = NULL;
  GTimeZone *zone;

  clear_errors (self);

  if (session == NULL)
    return;

  /* The session keeps the zone it was planned in; the time typed is a time there. */
  zone = g_date_time_get_timezone (ag_session_get_start (session));
  if (!ag_parse_local_date_time (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->time_row)),
                                 zone, &new_start, &error) ||
      !ag_store_move_session (self->store, self->session_id, new_start,
                              gtk_check_button_get_active (self->shift_later_check), &error))
    {
      show_error (self->move_error_label, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (AgSessionDialog *self)
{
  AgSession *session = lookup_session (self);
  g_autoptr(AgSession) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *clinic;
  const char *notes;

  clear_errors (self);

  if (session == NULL)
    return;

  gtk_spin_button_update (self->depth_spin);
  gtk_spin_button_update (self->duration_spin);
  clinic = gtk_editable_get_text (GTK_EDITABLE (self->clinic_row));
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));

  edited = ag_session_copy (session);
  ag_session_set_depth_mm (edited, gtk_spin_button_get_value (self->depth_spin));
  ag_session_set_duration_minutes (edited,
                                   (guint)gtk_spin_button_get_value_as_int (self->duration_spin));
  ag_session_set_clinic (edited, clinic[0] != '\0' ? clinic : NULL);
  ag_session_set_notes (edited, notes[0] != '\0' ? notes : NULL);

  if (!ag_store_update_session (self->store, edited, &error))
    {
      show_error (self->details_error_label, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ag_session_dialog_dispose (GObject *object)
{
  AgSessionDialog *self = (AgSessionDialog *)object;

  g_clear_signal_handler (&self->sessions_changed_handler, self->sessions);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_SESSION_DIALOG);
  g_clear_object (&self->sessions);
  g_clear_object (&self->protocol);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ag_session_dialog_parent_class)->dispose (object);
}

static void
ag_session_dialog_class_init (AgSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_session_dialog_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, actual_depth_list);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, actual_depth_spin);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, actual_depth_warning_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, depth_spin);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, depth_warning_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, move_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, replan_button);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, shift_later_check);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, status_actions_box);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, status_error_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AgSessionDialog, when_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_session_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, depth_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, replan_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
ag_session_dialog_init (AgSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_session_dialog_new:
 * @parent: (nullable): the window it is modal for
 * @store: the store the session is in
 * @protocol: the aftercare protocol in use
 * @session_id: the session to show
 *
 * Opens on one session and follows the store: if the session goes away (its treatment
 * was deleted), the dialog closes. Each action closes the dialog once it is saved.
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
AgSessionDialog *
ag_session_dialog_new (GtkWindow  *parent,
                       AgStore    *store,
                       AgProtocol *protocol,
                       gint64      session_id)
{
  AgSessionDialog *self;
  g_autoptr(AgSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  self = g_object_new (AG_TYPE_SESSION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->session_id = session_id;

  /* Only to learn the treatment; what is shown comes from the list, which follows changes. */
  session = ag_store_get_session (store, session_id, &error);
  if (session == NULL)
    {
      g_warning ("Cannot show session %" G_GINT64_FORMAT ": %s", session_id, error->message);
      return self;
    }

  self->sessions = ag_session_list_new (store, ag_session_get_treatment_id (session));
  self->sessions_changed_handler =
    g_signal_connect_object (self->sessions, "items-changed",
                             G_CALLBACK (sessions_changed_cb), self, G_CONNECT_SWAPPED);
  sync_from_session (self);

  return self;
}

gint64
ag_session_dialog_get_session_id (AgSessionDialog *self)
{
  g_return_val_if_fail (AG_IS_SESSION_DIALOG (self), 0);

  return self->session_id;
}
