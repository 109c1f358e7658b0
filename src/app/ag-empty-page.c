/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-empty-page.c: the window's invitation to plan a first treatment. The window makes it only
 * when there is no treatment, so a patient with a plan never pays for building it. */

#define G_LOG_DOMAIN "ag-empty-page"

#include "config.h"

#include "ag-empty-page.h"
#include "ag-ui-util.h"

struct _AgEmptyPage
{
  GtkBox parent_instance;

  /* template widgets */
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (AgEmptyPage, ag_empty_page, GTK_TYPE_BOX)

static void
ag_empty_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AG_TYPE_EMPTY_PAGE);

  G_OBJECT_CLASS (ag_empty_page_parent_class)->dispose (object);
}

static void
ag_empty_page_class_init (AgEmptyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ag_empty_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ag-empty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AgEmptyPage, menu_button);
}

static void
ag_empty_page_init (AgEmptyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_empty_page_new:
 * @menu: the window's main menu, for the header bar's menu button
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
ag_empty_page_new (GMenuModel *menu)
{
  AgEmptyPage *self;

  g_return_val_if_fail (G_IS_MENU_MODEL (menu), NULL);

  self = g_object_new (AG_TYPE_EMPTY_PAGE, NULL);
  ag_ui_menu_button_set_menu_later (self->menu_button, menu);

  return GTK_WIDGET (self);
}
