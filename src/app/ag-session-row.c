/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session-row.c: one session of a treatment: its number, date and time, and status. */

#define G_LOG_DOMAIN "ag-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-session-row.h"

struct _AgSessionRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel *status_label;
  GtkLabel *title_label;
  GtkLabel *when_label;

  /* owned */
  AgSession *session;
  gulong session_notify_handler;
};

G_DEFINE_FINAL_TYPE (AgSessionRow, ag_session_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (AgSessionRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *status = NULL;
  GtkWidget *status_widget = GTK_WIDGET (self->status_label);

  gtk_widget_remove_css_class (status_widget, "success");
  gtk_widget_remove_css_class (status_widget, "dim-label");

  if (self->session == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->when_label, "");
      gtk_label_set_label (self->status_label, "");
      return;
    }

  title = ag_session_row_format_title (self->session);
  when = ag_session_row_format_when (self->session);
  status = ag_session_row_format_status (self->session);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->when_label, when);
  gtk_label_set_label (self->status_label, status);

  switch (ag_session_get_status (self->session))
    {
    case AG_SESSION_DONE:
      gtk_widget_add_css_class (status_widget, "success");
      break;
    case AG_SESSION_CANCELLED:
      gtk_widget_add_css_class (status_widget, "dim-label");
      break;
    case AG_SESSION_PLANNED:
    case AG_N_SESSION_STATUSES:
    default:
      break;
    }
}

static void
session_notify_cb (AgSessionRow *self,
                   GParamSpec   *pspec,
                   AgSession    *session)
{
  update_labels (self);
}

static void
ag_session_row_dispose (GObject *object)
{
  AgSessionRow *self = (AgSessionRow *)object;
  GtkWidget *child;

  ag_session_row_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_SESSION_ROW);
  /* A plain GtkWidget does not drop its children by itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ag_session_row_parent_class)->dispose (object);
}

static void
ag_session_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AgSessionRow *self = AG_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_session_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AgSessionRow *self = AG_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ag_session_row_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_session_row_class_init (AgSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_session_row_dispose;
  object_class->get_property = ag_session_row_get_property;
  object_class->set_property = ag_session_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         AG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AgSessionRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AgSessionRow, when_label);
}

static void
ag_session_row_init (AgSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AgSession *
ag_session_row_get_session (AgSessionRow *self)
{
  g_return_val_if_fail (AG_IS_SESSION_ROW (self), NULL);

  return self->session;
}

/**
 * ag_session_row_set_session:
 * @self: the row
 * @session: (nullable): the session to show
 */
void
ag_session_row_set_session (AgSessionRow *self,
                            AgSession    *session)
{
  g_return_if_fail (AG_IS_SESSION_ROW (self));
  g_return_if_fail (session == NULL || AG_IS_SESSION (session));

  if (self->session == session)
    return;

  g_clear_signal_handler (&self->session_notify_handler, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->session_notify_handler = g_signal_connect_object (session, "notify",
                                                            G_CALLBACK (session_notify_cb),
                                                            self, G_CONNECT_SWAPPED);

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * ag_session_row_format_depth:
 * @depth_mm: a needle depth
 *
 * Returns: (transfer full): the depth with one or two decimals, as it was typed:
 *   "1.0", "1.25", in the user's number format
 */
char *
ag_session_row_format_depth (double depth_mm)
{
  gint64 hundredths = (gint64)(depth_mm * 100.0 + 0.5);

  if (hundredths % 10 == 0)
    return g_strdup_printf ("%.1f", hundredths / 100.0);

  return g_strdup_printf ("%.2f", hundredths / 100.0);
}

/**
 * ag_session_row_format_title:
 *
 * Returns: (transfer full): "Session 2 of 4", or "Cancelled Session"
 */
char *
ag_session_row_format_title (AgSession *session)
{
  g_return_val_if_fail (AG_IS_SESSION (session), NULL);

  if (ag_session_get_number (session) == 0)
    return g_strdup (_("Cancelled Session"));

  return g_strdup_printf (_("Session %u of %u"),
                          ag_session_get_number (session), ag_session_get_count (session));
}

/**
 * ag_session_row_format_when:
 *
 * Returns: (transfer full): "Tuesday 3 December 2026 · 10:00", in the session's zone
 */
char *
ag_session_row_format_when (AgSession *session)
{
  GDateTime *start;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (AG_IS_SESSION (session), NULL);

  start = ag_session_get_start (session);
  if (start == NULL)
    return g_strdup ("");

  /* Translators: a session's full date, "Tuesday 3 December 2026"; see g_date_time_format() */
  date = g_date_time_format (start, _("%A %-d %B %Y"));
  time = g_date_time_format (start, "%R");

  /* Translators: a session's date, then its time: "Tuesday 3 December 2026 · 10:00" */
  return g_strdup_printf (_("%s · %s"), date, time);
}

/**
 * ag_session_row_format_status:
 *
 * Returns: (transfer full): "Planned", "Done at 1.25 mm" or "Cancelled"
 */
char *
ag_session_row_format_status (AgSession *session)
{
  g_autofree char *depth = NULL;

  g_return_val_if_fail (AG_IS_SESSION (session), NULL);

  switch (ag_session_get_status (session))
    {
    case AG_SESSION_DONE:
      depth = ag_session_row_format_depth (ag_session_get_effective_depth_mm (session));
      /* Translators: a session that took place, with the needle depth used */
      return g_strdup_printf (_("Done at %s mm"), depth);
    case AG_SESSION_CANCELLED:
      return g_strdup (_("Cancelled"));
    case AG_SESSION_PLANNED:
    case AG_N_SESSION_STATUSES:
    default:
      return g_strdup (_("Planned"));
    }
}
