/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-error-page.h: what the window shows when the patient's data cannot be opened. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AG_TYPE_ERROR_PAGE (ag_error_page_get_type ())

G_DECLARE_FINAL_TYPE (AgErrorPage, ag_error_page, AG, ERROR_PAGE, GtkBox)

GtkWidget *ag_error_page_new       (GMenuModel   *menu);
void       ag_error_page_set_error (AgErrorPage  *self,
                                    const GError *error,
                                    gboolean      offer_fresh_start);
void       ag_error_page_set_note  (AgErrorPage  *self,
                                    const char   *note);

G_END_DECLS
