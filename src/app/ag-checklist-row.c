/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-checklist-row.c: a row of a day's checklist: a check button, the step and its detail. */

#define G_LOG_DOMAIN "ag-checklist-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-checklist-row.h"

struct _AgChecklistRow
{
  AdwActionRow parent_instance;

  /* template widgets */
  GtkCheckButton *check_button;

  /* owned */
  AgChecklistItem *item;
};

G_DEFINE_FINAL_TYPE (AgChecklistRow, ag_checklist_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  DONE_TOGGLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_row_title (AgChecklistItem *item)
{
  const char *slot_label = ag_checklist_item_get_slot_label (item);

  if (slot_label == NULL || slot_label[0] == '\0')
    return g_strdup (ag_checklist_item_get_title (item));

  /* Translators: when and what on a checklist row, "Morning · Gentle cleanser" */
  return g_strdup_printf (_("%s · %s"), slot_label, ag_checklist_item_get_title (item));
}

static void
check_button_toggled_cb (AgChecklistRow *self,
                         GtkCheckButton *check_button)
{
  gboolean active = gtk_check_button_get_active (check_button);

  /* The item's own change (through the binding) or a reset after a failure: nothing to save. */
  if (self->item == NULL || active == ag_checklist_item_get_done (self->item))
    return;

  g_signal_emit (self, signals[DONE_TOGGLED], 0, active);
}

static void
ag_checklist_row_constructed (GObject *object)
{
  AgChecklistRow *self = (AgChecklistRow *)object;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (ag_checklist_row_parent_class)->constructed (object);

  g_assert (AG_IS_CHECKLIST_ITEM (self->item));

  title = dup_row_title (self->item);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), ag_checklist_item_get_detail (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (ag_checklist_item_get_detail (self->item) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    ag_checklist_item_get_detail (self->item),
                                    -1);

  /* The check shows the saved tick; a click only asks for a change (see done-toggled). */
  g_object_bind_property (self->item, "done", self->check_button, "active", G_BINDING_SYNC_CREATE);
}

static void
ag_checklist_row_dispose (GObject *object)
{
  AgChecklistRow *self = (AgChecklistRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_CHECKLIST_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ag_checklist_row_parent_class)->dispose (object);
}

static void
ag_checklist_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AgChecklistRow *self = AG_CHECKLIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_checklist_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AgChecklistRow *self = AG_CHECKLIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_checklist_row_class_init (AgChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ag_checklist_row_constructed;
  object_class->dispose = ag_checklist_row_dispose;
  object_class->get_property = ag_checklist_row_get_property;
  object_class->set_property = ag_checklist_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         AG_TYPE_CHECKLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgChecklistRow::done-toggled:
   * @done: what the user asked for
   *
   * The user ticked or unticked the step. The handler saves it; the check button keeps
   * following the item, so if saving fails it calls ag_checklist_row_show_saved_state().
   */
  signals[DONE_TOGGLED] =
    g_signal_new ("done-toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AgChecklistRow, check_button);
  gtk_widget_class_bind_template_callback (widget_class, check_button_toggled_cb);
}

static void
ag_checklist_row_init (AgChecklistRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_checklist_row_new:
 * @item: the step to show
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
ag_checklist_row_new (AgChecklistItem *item)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (item), NULL);

  return g_object_new (AG_TYPE_CHECKLIST_ROW, "item", item, NULL);
}

/**
 * ag_checklist_row_get_item:
 *
 * Returns: (transfer none): the step the row shows
 */
AgChecklistItem *
ag_checklist_row_get_item (AgChecklistRow *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ROW (self), NULL);

  return self->item;
}

/**
 * ag_checklist_row_get_check_button:
 *
 * Returns: (transfer none): the row's check button
 */
GtkCheckButton *
ag_checklist_row_get_check_button (AgChecklistRow *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ROW (self), NULL);

  return self->check_button;
}

/**
 * ag_checklist_row_show_saved_state:
 *
 * Sets the check button back to the item's saved tick, after a change could not be saved.
 */
void
ag_checklist_row_show_saved_state (AgChecklistRow *self)
{
  g_return_if_fail (AG_IS_CHECKLIST_ROW (self));

  gtk_check_button_set_active (self->check_button, ag_checklist_item_get_done (self->item));
}
