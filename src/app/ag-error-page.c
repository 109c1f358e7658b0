/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-error-page.c: what the window shows when the patient's data cannot be opened: what
 * happened, in the store's words, and, for a file that cannot be read at all, the offer to keep
 * it aside and start fresh (the window's "win.start-fresh"). The window makes it only then. */

#define G_LOG_DOMAIN "ag-error-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-error-page.h"
#include "ag-ui-util.h"

struct _AgErrorPage
{
  GtkBox parent_instance;

  /* template widgets */
  GtkMenuButton *menu_button;
  GtkLabel *note;
  GtkWidget *start_fresh_button;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (AgErrorPage, ag_error_page, GTK_TYPE_BOX)

static void
ag_error_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AG_TYPE_ERROR_PAGE);

  G_OBJECT_CLASS (ag_error_page_parent_class)->dispose (object);
}

static void
ag_error_page_class_init (AgErrorPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ag_error_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ag-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AgErrorPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AgErrorPage, note);
  gtk_widget_class_bind_template_child (widget_class, AgErrorPage, start_fresh_button);
  gtk_widget_class_bind_template_child (widget_class, AgErrorPage, status_page);
}

static void
ag_error_page_init (AgErrorPage *self)
{
  GtkLabel *label;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The long button label wraps, so the page fits a phone-sized window with large text. */
  label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->start_fresh_button)));
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
}

/**
 * ag_error_page_new:
 * @menu: the window's main menu, for the header bar's menu button
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
ag_error_page_new (GMenuModel *menu)
{
  AgErrorPage *self;

  g_return_val_if_fail (G_IS_MENU_MODEL (menu), NULL);

  self = g_object_new (AG_TYPE_ERROR_PAGE, NULL);
  ag_ui_menu_button_set_menu_later (self->menu_button, menu);

  return GTK_WIDGET (self);
}

/**
 * ag_error_page_set_error:
 * @error: (nullable): why the store could not be opened, in words a patient understands
 * @offer_fresh_start: whether the file cannot be read at all, so that keeping it aside and
 *   starting fresh loses nothing
 *
 * Says what happened and what the patient can do.
 */
void
ag_error_page_set_error (AgErrorPage  *self,
                         const GError *error,
                         gboolean      offer_fresh_start)
{
  g_return_if_fail (AG_IS_ERROR_PAGE (self));

  adw_status_page_set_description (self->status_page, error != NULL ? error->message : NULL);
  if (offer_fresh_start)
    gtk_label_set_text (self->note,
                        _("Afterglow has not changed or deleted the file. If you start "
                          "fresh, it is kept next to the new one under another name, so "
                          "nothing is lost."));
  else
    gtk_label_set_text (self->note,
                        _("Afterglow has not changed or deleted the file. Once the problem "
                          "is solved, open Afterglow again."));
  gtk_widget_set_visible (self->start_fresh_button, offer_fresh_start);
}

/**
 * ag_error_page_set_note:
 * @note: what went wrong when the patient tried to start fresh
 */
void
ag_error_page_set_note (AgErrorPage *self,
                        const char  *note)
{
  g_return_if_fail (AG_IS_ERROR_PAGE (self));

  gtk_label_set_text (self->note, note);
}
