/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session-row.h: one session of a treatment: its number, date and time, and status. */

#pragma once

#include <gtk/gtk.h>

#include "ag-session.h"

G_BEGIN_DECLS

#define AG_TYPE_SESSION_ROW (ag_session_row_get_type ())

G_DECLARE_FINAL_TYPE (AgSessionRow, ag_session_row, AG, SESSION_ROW, GtkWidget)

AgSession *ag_session_row_get_session    (AgSessionRow *self);
void       ag_session_row_set_session    (AgSessionRow *self,
                                          AgSession    *session);

char      *ag_session_row_format_title   (AgSession    *session);
char      *ag_session_row_format_when    (AgSession    *session);
char      *ag_session_row_format_status  (AgSession    *session);
char      *ag_session_row_format_depth   (double        depth_mm);

G_END_DECLS
