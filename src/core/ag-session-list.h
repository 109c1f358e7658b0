/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session-list.h: the list model of one treatment's sessions, or of all, by start time. */

#pragma once

#include "ag-diff-list.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_SESSION_LIST (ag_session_list_get_type ())

G_DECLARE_FINAL_TYPE (AgSessionList, ag_session_list, AG, SESSION_LIST, AgDiffList)

AgSessionList *ag_session_list_new              (AgStore        *store,
                                                 gint64          treatment_id);
gboolean       ag_session_list_reload           (AgSessionList  *self,
                                                 GError        **error);
gint64         ag_session_list_get_treatment_id (AgSessionList  *self);
GPtrArray     *ag_session_list_dup_sessions     (AgSessionList  *self);

G_END_DECLS
