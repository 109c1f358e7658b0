/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-window.h: Afterglow's main window. */

#pragma once

#include <adwaita.h>

#include "ag-application.h"

G_BEGIN_DECLS

#define AG_TYPE_WINDOW (ag_window_get_type ())

G_DECLARE_FINAL_TYPE (AgWindow, ag_window, AG, WINDOW, AdwApplicationWindow)

AgWindow *ag_window_new (AgApplication *application);

G_END_DECLS
