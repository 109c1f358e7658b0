/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-ui-util.h: small widget helpers the dialogs and pages share: colour buttons, typed times,
 * menus made when first opened. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * AgTreatmentColor:
 * @name: the CSS class suffix, "blue" gives "ag-color-blue"
 * @hex: what the store keeps, "#3584e4"
 * @label: translatable name, for the colour buttons' accessible names
 *
 * One of the colours a treatment can be shown in.
 */
typedef struct
{
  const char *name;
  const char *hex;
  const char *label;
} AgTreatmentColor;

GtkWidget *ag_ui_color_button_new    (const AgTreatmentColor *color,
                                      const char             *label,
                                      GtkToggleButton        *group);
gboolean   ag_ui_parse_time_of_day   (const char             *text,
                                      guint                  *hours,
                                      guint                  *minutes);
void       ag_ui_menu_button_set_menu_later (GtkMenuButton   *button,
                                             GMenuModel      *menu);

G_END_DECLS
