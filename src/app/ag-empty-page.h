/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-empty-page.h: the window's invitation to plan a first treatment. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AG_TYPE_EMPTY_PAGE (ag_empty_page_get_type ())

G_DECLARE_FINAL_TYPE (AgEmptyPage, ag_empty_page, AG, EMPTY_PAGE, GtkBox)

GtkWidget *ag_empty_page_new (GMenuModel *menu);

G_END_DECLS
