/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatments-panel.c: the sidebar list of treatments, each with its next session. */

#define G_LOG_DOMAIN "ag-treatments-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-session-list.h"
#include "ag-treatment-list.h"
#include "ag-treatment-row.h"
#include "ag-treatments-panel.h"

struct _AgTreatmentsPanel
{
  AdwBin parent_instance;

  /* template widgets */
  GtkLabel *empty_label;
  GtkListView *list_view;
  GtkNoSelection *selection;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  AgTreatmentList *treatments;
  AgSessionList *sessions;
  gulong treatments_changed_handler;
};

G_DEFINE_FINAL_TYPE (AgTreatmentsPanel, ag_treatments_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_empty_state (AgTreatmentsPanel *self)
{
  guint n_items = 0;

  if (self->treatments != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->treatments));

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_items == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_view), n_items > 0);
}

static void
treatments_changed_cb (AgTreatmentsPanel *self,
                       guint              position,
                       guint              removed,
                       guint              added,
                       GListModel        *treatments)
{
  update_empty_state (self);
}

static void
list_view_activate_cb (AgTreatmentsPanel *self,
                       guint              position,
                       GtkListView       *list_view)
{
  g_autoptr(AgTreatment) treatment = NULL;

  treatment = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (treatment == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-treatment", "x",
                              ag_treatment_get_id (treatment));
}

static void
ag_treatments_panel_dispose (GObject *object)
{
  AgTreatmentsPanel *self = (AgTreatmentsPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_TREATMENTS_PANEL);
  g_clear_signal_handler (&self->treatments_changed_handler, self->treatments);
  g_clear_object (&self->treatments);
  g_clear_object (&self->sessions);
  g_clear_object (&self->protocol);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ag_treatments_panel_parent_class)->dispose (object);
}

static void
ag_treatments_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AgTreatmentsPanel *self = AG_TREATMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_treatments_panel_class_init (AgTreatmentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_treatments_panel_dispose;
  object_class->get_property = ag_treatments_panel_get_property;

  /**
   * AgTreatmentsPanel:sessions:
   *
   * Every session of every treatment, by start; the rows compute their subtitles from it.
   */
  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AG_TYPE_TREATMENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-treatments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, AgTreatmentsPanel, selection);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
}

static void
ag_treatments_panel_init (AgTreatmentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_empty_state (self);
}

/**
 * ag_treatments_panel_new:
 *
 * Returns: (transfer full): an empty panel; give it a store with
 *   ag_treatments_panel_set_context()
 */
AgTreatmentsPanel *
ag_treatments_panel_new (void)
{
  return g_object_new (AG_TYPE_TREATMENTS_PANEL, NULL);
}

/**
 * ag_treatments_panel_set_context:
 * @self: the panel
 * @store: the store whose treatments to list
 * @protocol: the aftercare protocol in use
 *
 * Shows the treatments of @store and follows its changes from then on. Activating a row
 * activates `win.show-treatment` with the treatment's id (an "x").
 */
void
ag_treatments_panel_set_context (AgTreatmentsPanel *self,
                                 AgStore           *store,
                                 AgProtocol        *protocol)
{
  g_return_if_fail (AG_IS_TREATMENTS_PANEL (self));
  g_return_if_fail (AG_IS_STORE (store));
  g_return_if_fail (AG_IS_PROTOCOL (protocol));

  g_set_object (&self->protocol, protocol);
  if (self->store == store)
    return;

  g_set_object (&self->store, store);

  g_clear_signal_handler (&self->treatments_changed_handler, self->treatments);
  g_clear_object (&self->treatments);
  g_clear_object (&self->sessions);

  /* Sessions first, so rows created for the new treatments already find them. */
  self->sessions = ag_session_list_new (store, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS]);

  self->treatments = ag_treatment_list_new (store);
  self->treatments_changed_handler =
    g_signal_connect_object (self->treatments, "items-changed",
                             G_CALLBACK (treatments_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->treatments));

  update_empty_state (self);
}

/**
 * ag_treatments_panel_get_sessions:
 *
 * Returns: (transfer none) (nullable): the model of every session the rows read from
 */
GListModel *
ag_treatments_panel_get_sessions (AgTreatmentsPanel *self)
{
  g_return_val_if_fail (AG_IS_TREATMENTS_PANEL (self), NULL);

  return G_LIST_MODEL (self->sessions);
}
