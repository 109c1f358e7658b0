/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment-row.c: one treatment in the sidebar: its colour, title and what comes next. */

#define G_LOG_DOMAIN "ag-treatment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-session.h"
#include "ag-treatment-row.h"
#include "ag-treatments-panel.h"

struct _AgTreatmentRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *color_dot;
  GtkLabel *subtitle_label;
  GtkLabel *title_label;

  /* owned */
  AgTreatment *treatment;
  GListModel *sessions;
  GBinding *sessions_binding;
  char *color_class;
  gulong sessions_changed_handler;
  gulong treatment_notify_handler;
};

G_DEFINE_FINAL_TYPE (AgTreatmentRow, ag_treatment_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TREATMENT,
  PROP_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* libadwaita's palette, as in the plan dialog; style.css draws each "ag-color-NAME". */
static const AgTreatmentColor colors[] = {
  { "blue", "#3584e4", N_("Blue") },
  { "green", "#33d17a", N_("Green") },
  { "yellow", "#f6d32d", N_("Yellow") },
  { "orange", "#ff7800", N_("Orange") },
  { "red", "#e01b24", N_("Red") },
  { "purple", "#9141ac", N_("Purple") },
};

static void
update_labels (AgTreatmentRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const AgTreatmentColor *color;

  if (self->color_class != NULL)
    gtk_widget_remove_css_class (self->color_dot, self->color_class);
  g_clear_pointer (&self->color_class, g_free);

  if (self->treatment == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      return;
    }

  title = ag_treatment_dup_title (self->treatment);
  subtitle = ag_treatment_row_format_progress (self->treatment, self->sessions);
  color = ag_treatment_row_lookup_color (ag_treatment_get_color (self->treatment));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  /* A narrow sidebar may cut the subtitle short. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), subtitle);
  self->color_class = g_strconcat ("ag-color-", color->name, NULL);
  gtk_widget_add_css_class (self->color_dot, self->color_class);
}

static void
sessions_changed_cb (AgTreatmentRow *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *sessions)
{
  update_labels (self);
}

static void
treatment_notify_cb (AgTreatmentRow *self,
                     GParamSpec     *pspec,
                     AgTreatment    *treatment)
{
  update_labels (self);
}

static void
ag_treatment_row_root (GtkWidget *widget)
{
  AgTreatmentRow *self = AG_TREATMENT_ROW (widget);
  GtkWidget *panel;

  GTK_WIDGET_CLASS (ag_treatment_row_parent_class)->root (widget);

  /* The panel owns the one session model every row reads its subtitle from. */
  panel = gtk_widget_get_ancestor (widget, AG_TYPE_TREATMENTS_PANEL);
  if (panel != NULL && self->sessions_binding == NULL)
    self->sessions_binding = g_object_bind_property (panel, "sessions", self, "sessions",
                                                     G_BINDING_SYNC_CREATE);
}

static void
ag_treatment_row_unroot (GtkWidget *widget)
{
  AgTreatmentRow *self = AG_TREATMENT_ROW (widget);

  if (self->sessions_binding != NULL)
    {
      g_binding_unbind (self->sessions_binding);
      self->sessions_binding = NULL;
    }

  GTK_WIDGET_CLASS (ag_treatment_row_parent_class)->unroot (widget);
}

static void
ag_treatment_row_dispose (GObject *object)
{
  AgTreatmentRow *self = (AgTreatmentRow *)object;
  GtkWidget *child;

  ag_treatment_row_set_sessions (self, NULL);
  ag_treatment_row_set_treatment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_TREATMENT_ROW);
  /* A plain GtkWidget does not drop its children by itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ag_treatment_row_parent_class)->dispose (object);
}

static void
ag_treatment_row_finalize (GObject *object)
{
  AgTreatmentRow *self = (AgTreatmentRow *)object;

  g_clear_pointer (&self->color_class, g_free);

  G_OBJECT_CLASS (ag_treatment_row_parent_class)->finalize (object);
}

static void
ag_treatment_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AgTreatmentRow *self = AG_TREATMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_TREATMENT:
      g_value_set_object (value, self->treatment);
      break;
    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_treatment_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AgTreatmentRow *self = AG_TREATMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_TREATMENT:
      ag_treatment_row_set_treatment (self, g_value_get_object (value));
      break;
    case PROP_SESSIONS:
      ag_treatment_row_set_sessions (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_treatment_row_class_init (AgTreatmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_treatment_row_dispose;
  object_class->finalize = ag_treatment_row_finalize;
  object_class->get_property = ag_treatment_row_get_property;
  object_class->set_property = ag_treatment_row_set_property;
  widget_class->root = ag_treatment_row_root;
  widget_class->unroot = ag_treatment_row_unroot;

  properties[PROP_TREATMENT] =
    g_param_spec_object ("treatment", NULL, NULL,
                         AG_TYPE_TREATMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-treatment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentRow, color_dot);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentRow, title_label);
}

static void
ag_treatment_row_init (AgTreatmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AgTreatment *
ag_treatment_row_get_treatment (AgTreatmentRow *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT_ROW (self), NULL);

  return self->treatment;
}

/**
 * ag_treatment_row_set_treatment:
 * @self: the row
 * @treatment: (nullable): the treatment to show
 */
void
ag_treatment_row_set_treatment (AgTreatmentRow *self,
                                AgTreatment    *treatment)
{
  g_return_if_fail (AG_IS_TREATMENT_ROW (self));
  g_return_if_fail (treatment == NULL || AG_IS_TREATMENT (treatment));

  if (self->treatment == treatment)
    return;

  g_clear_signal_handler (&self->treatment_notify_handler, self->treatment);
  g_set_object (&self->treatment, treatment);
  if (treatment != NULL)
    self->treatment_notify_handler = g_signal_connect_object (treatment, "notify",
                                                              G_CALLBACK (treatment_notify_cb),
                                                              self, G_CONNECT_SWAPPED);

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TREATMENT]);
}

GListModel *
ag_treatment_row_get_sessions (AgTreatmentRow *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT_ROW (self), NULL);

  return self->sessions;
}

/**
 * ag_treatment_row_set_sessions:
 * @self: the row
 * @sessions: (nullable): a model of #AgSession, of this treatment or of all treatments;
 *   the subtitle follows it
 */
void
ag_treatment_row_set_sessions (AgTreatmentRow *self,
                               GListModel     *sessions)
{
  g_return_if_fail (AG_IS_TREATMENT_ROW (self));
  g_return_if_fail (sessions == NULL || G_IS_LIST_MODEL (sessions));

  if (self->sessions == sessions)
    return;

  g_clear_signal_handler (&self->sessions_changed_handler, self->sessions);
  g_set_object (&self->sessions, sessions);
  if (sessions != NULL)
    self->sessions_changed_handler = g_signal_connect_object (sessions, "items-changed",
                                                              G_CALLBACK (sessions_changed_cb),
                                                              self, G_CONNECT_SWAPPED);

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS]);
}

/**
 * ag_treatment_row_get_colors:
 * @n_colors: (out): how many colours there are
 *
 * Returns: (array length=n_colors): the colours a treatment can have, the default first
 */
const AgTreatmentColor *
ag_treatment_row_get_colors (guint *n_colors)
{
  g_return_val_if_fail (n_colors != NULL, NULL);

  *n_colors = G_N_ELEMENTS (colors);
  return colors;
}

/**
 * ag_treatment_row_lookup_color:
 * @hex: (nullable): a colour as the store keeps it, "#3584e4"
 *
 * A colour written by another version may not be in the palette: it is shown as the
 * nearest one, so every dot is drawn through the style sheet.
 *
 * Returns: (transfer none): the palette colour for @hex
 */
const AgTreatmentColor *
ag_treatment_row_lookup_color (const char *hex)
{
  GdkRGBA wanted;
  const AgTreatmentColor *nearest = &colors[0];
  float best = G_MAXFLOAT;

  if (hex == NULL || !gdk_rgba_parse (&wanted, hex))
    return &colors[0];

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      GdkRGBA rgba;
      float distance;

      if (g_ascii_strcasecmp (hex, colors[i].hex) == 0)
        return &colors[i];

      gdk_rgba_parse (&rgba, colors[i].hex);
      distance = (rgba.red - wanted.red) * (rgba.red - wanted.red) +
                 (rgba.green - wanted.green) * (rgba.green - wanted.green) +
                 (rgba.blue - wanted.blue) * (rgba.blue - wanted.blue);
      if (distance < best)
        {
          best = distance;
          nearest = &colors[i];
        }
    }

  return nearest;
}

/**
 * ag_treatment_row_format_progress:
 * @treatment: a stored treatment
 * @sessions: (nullable): a model of #AgSession containing at least this treatment's
 *
 * The next session is the first one still planned, whatever its date: a session that
 * passed without being marked done is still the one to deal with.
 *
 * Returns: (transfer full): "Next: session 2 of 4 · Tue 3 Dec", "All 3 sessions done"
 *   or "No sessions planned"
 */
char *
ag_treatment_row_format_progress (AgTreatment *treatment,
                                GListModel  *sessions)
{
  gint64 treatment_id;
  AgSession *next = NULL;
  guint count = 0;
  guint n_items;

  g_return_val_if_fail (AG_IS_TREATMENT (treatment), NULL);
  g_return_val_if_fail (sessions == NULL || G_IS_LIST_MODEL (sessions), NULL);

  treatment_id = ag_treatment_get_id (treatment);
  n_items = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AgSession) session = g_list_model_get_item (sessions, i);

      if (ag_session_get_treatment_id (session) != treatment_id ||
          ag_session_get_status (session) == AG_SESSION_CANCELLED)
        continue;

      count = ag_session_get_count (session);
      if (next == NULL && ag_session_get_status (session) == AG_SESSION_PLANNED)
        next = g_object_ref (session);
    }

  if (next != NULL)
    {
      g_autoptr(AgSession) owned = next;
      /* Translators: a short date in the sidebar, "Tue 3 Dec"; see g_date_time_format() */
      g_autofree char *date = g_date_time_format (ag_session_get_start (next), _("%a %-d %b"));

      /* Translators: the next session of a treatment, "Next: session 2 of 4 · Tue 3 Dec" */
      return g_strdup_printf (_("Next: session %u of %u · %s"),
                              ag_session_get_number (next), ag_session_get_count (next), date);
    }

  if (count > 0)
    return g_strdup_printf (ngettext ("The only session is done", "All %u sessions done", count),
                            count);

  return g_strdup (_("No sessions planned"));
}
