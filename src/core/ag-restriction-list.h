/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-restriction-list.h: the list model of the restrictions active at an instant, or now. */

#pragma once

#include "ag-diff-list.h"
#include "ag-engine.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_RESTRICTION_LIST (ag_restriction_list_get_type ())

G_DECLARE_FINAL_TYPE (AgRestrictionList, ag_restriction_list, AG, RESTRICTION_LIST, AgDiffList)

AgRestrictionList *ag_restriction_list_new                 (AgStore           *store,
                                                            AgProtocol        *protocol);
void               ag_restriction_list_set_instant         (AgRestrictionList *self,
                                                            GDateTime         *instant);
GDateTime         *ag_restriction_list_dup_instant         (AgRestrictionList *self);
void               ag_restriction_list_set_protocol        (AgRestrictionList *self,
                                                            AgProtocol        *protocol);
gint64             ag_restriction_list_get_next_change     (AgRestrictionList *self);
gboolean           ag_restriction_list_reload              (AgRestrictionList *self,
                                                            GError           **error);

G_END_DECLS
