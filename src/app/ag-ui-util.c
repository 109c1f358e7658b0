/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-ui-util.c: small widget helpers the dialogs and pages share: colour buttons, typed times,
 * menus made when first opened. */

#define G_LOG_DOMAIN "ag-ui-util"

#include "config.h"

#include <stdio.h>

#include "ag-ui-util.h"

/**
 * ag_ui_color_button_new:
 * @color: the palette colour the button picks
 * @label: @color's name, translated, for the tooltip and screen readers
 * @group: (nullable): the first button of the row, whose group the new one joins
 *
 * A round toggle button painted in @color by style.css, with a check mark shown when it is
 * active. @color is kept on the button as the "ag-color" data.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
ag_ui_color_button_new (const AgTreatmentColor *color,
                        const char             *label,
                        GtkToggleButton        *group)
{
  g_autofree char *css_class = NULL;
  GtkWidget *button;

  g_return_val_if_fail (color != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  css_class = g_strconcat ("ag-color-", color->name, NULL);
  button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "ag-color-button");
  gtk_widget_add_css_class (button, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_object_set_data (G_OBJECT (button), "ag-color", (gpointer) color);

  return button;
}

/**
 * ag_ui_parse_time_of_day:
 * @text: what the user typed: an hour, "7", or an hour and minutes, "07:30"
 * @hours: (out): the hour, from 0 to 23
 * @minutes: (out): the minutes, from 0 to 59; 0 when only the hour is given
 *
 * Reads a time of day typed into a spin button.
 *
 * Returns: whether @text is a time of day
 */
gboolean
ag_ui_parse_time_of_day (const char *text,
                         guint      *hours,
                         guint      *minutes)
{
  char extra;
  int n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (hours != NULL, FALSE);
  g_return_val_if_fail (minutes != NULL, FALSE);

  *hours = 0;
  *minutes = 0;
  n = sscanf (text, "%u:%u%c", hours, minutes, &extra);
  if (n == 1)
    *minutes = 0;

  return (n == 1 || n == 2) && *hours <= 23 && *minutes <= 59;
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/**
 * ag_ui_menu_button_set_menu_later:
 * @button: a menu button without a menu yet
 * @menu: the menu it opens
 *
 * Makes @button open @menu, building the menu's popover when it is first opened instead of
 * now: a window shows sooner when its menus are not built before its first frame.
 */
void
ag_ui_menu_button_set_menu_later (GtkMenuButton *button,
                                  GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, create_menu_cb, g_object_ref (menu),
                                         g_object_unref);
}
