/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-preferences-window.h: the Preferences window, bound to Afterglow's settings. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"

G_BEGIN_DECLS

#define AG_TYPE_PREFERENCES_WINDOW (ag_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AgPreferencesWindow, ag_preferences_window, AG, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

AgPreferencesWindow *ag_preferences_window_new (GtkWindow  *parent,
                                                GSettings  *settings,
                                                AgProtocol *protocol);

G_END_DECLS
