/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session-dialog.h: one session: move it, mark it done or cancelled, edit its details. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_SESSION_DIALOG (ag_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AgSessionDialog, ag_session_dialog, AG, SESSION_DIALOG, AdwWindow)

AgSessionDialog *ag_session_dialog_new            (GtkWindow       *parent,
                                                   AgStore         *store,
                                                   AgProtocol      *protocol,
                                                   gint64           session_id);
gint64           ag_session_dialog_get_session_id (AgSessionDialog *self);

G_END_DECLS
