/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatments-panel.h: the sidebar list of treatments, each with its next session. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_TREATMENTS_PANEL (ag_treatments_panel_get_type ())

G_DECLARE_FINAL_TYPE (AgTreatmentsPanel, ag_treatments_panel, AG, TREATMENTS_PANEL, AdwBin)

AgTreatmentsPanel *ag_treatments_panel_new          (void);
void               ag_treatments_panel_set_context  (AgTreatmentsPanel *self,
                                                     AgStore           *store,
                                                     AgProtocol        *protocol);
GListModel        *ag_treatments_panel_get_sessions (AgTreatmentsPanel *self);

G_END_DECLS
