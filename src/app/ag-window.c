/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-window.c: Afterglow's main window. */

#define G_LOG_DOMAIN "ag-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-window.h"

struct _AgWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwStatusPage *empty_page;
  AdwHeaderBar *header_bar;
  GtkMenuButton *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (AgWindow, ag_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_window_state (AgWindow  *self,
                      GSettings *settings)
{
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
ag_window_close_request (GtkWindow *window)
{
  AgWindow *self = AG_WINDOW (window);
  GtkApplication *application = gtk_window_get_application (window);
  GSettings *settings;
  int width;
  int height;

  if (AG_IS_APPLICATION (application))
    {
      settings = ag_application_get_settings (AG_APPLICATION (application));
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (ag_window_parent_class)->close_request (window);
}

static void
ag_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AG_TYPE_WINDOW);

  G_OBJECT_CLASS (ag_window_parent_class)->dispose (object);
}

static void
ag_window_constructed (GObject *object)
{
  AgWindow *self = (AgWindow *)object;

  G_OBJECT_CLASS (ag_window_parent_class)->constructed (object);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
ag_window_class_init (AgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ag_window_constructed;
  object_class->dispose = ag_window_dispose;
  window_class->close_request = ag_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ag-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AgWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AgWindow, primary_menu_button);
}

static void
ag_window_init (AgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer full): a new main window
 */
AgWindow *
ag_window_new (AgApplication *application)
{
  AgWindow *self;

  g_return_val_if_fail (AG_IS_APPLICATION (application), NULL);

  self = g_object_new (AG_TYPE_WINDOW, "application", application, NULL);
  restore_window_state (self, ag_application_get_settings (application));

  return self;
}
