/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-warning-signs-dialog.c: the signs that mean a patient should contact the clinic. */

#define G_LOG_DOMAIN "ag-warning-signs-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-warning-signs-dialog.h"

struct _AgWarningSignsDialog
{
  AdwMessageDialog parent_instance;

  /* template widgets */
  GtkLabel *contact_label;
  GtkListBox *signs_list;
};

G_DEFINE_FINAL_TYPE (AgWarningSignsDialog, ag_warning_signs_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
create_sign_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
ag_warning_signs_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AG_TYPE_WARNING_SIGNS_DIALOG);

  G_OBJECT_CLASS (ag_warning_signs_dialog_parent_class)->dispose (object);
}

static void
ag_warning_signs_dialog_class_init (AgWarningSignsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ag_warning_signs_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-warning-signs-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AgWarningSignsDialog, contact_label);
  gtk_widget_class_bind_template_child (widget_class, AgWarningSignsDialog, signs_list);
}

static void
ag_warning_signs_dialog_init (AgWarningSignsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_warning_signs_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @protocol: the protocol whose warning signs and contact advice to show
 *
 * Returns: (transfer floating): a new modal dialog; present it with gtk_window_present()
 */
GtkWidget *
ag_warning_signs_dialog_new (GtkWindow  *parent,
                             AgProtocol *protocol)
{
  AgWarningSignsDialog *self;
  g_autoptr(GtkStringList) signs = NULL;
  const char *contact;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  self = g_object_new (AG_TYPE_WARNING_SIGNS_DIALOG, "transient-for", parent, NULL);

  signs = gtk_string_list_new (ag_protocol_get_warning_signs (protocol));
  gtk_list_box_bind_model (self->signs_list, G_LIST_MODEL (signs), create_sign_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signs_list),
                          g_list_model_get_n_items (G_LIST_MODEL (signs)) > 0);

  contact = ag_protocol_get_contact_text (protocol);
  gtk_label_set_label (self->contact_label, contact);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), contact != NULL && contact[0] != '\0');

  return GTK_WIDGET (self);
}
