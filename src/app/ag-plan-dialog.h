/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-plan-dialog.h: the "Plan a Treatment" dialog, which saves a series of sessions. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_PLAN_DIALOG (ag_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AgPlanDialog, ag_plan_dialog, AG, PLAN_DIALOG, AdwWindow)

AgPlanDialog *ag_plan_dialog_new (GtkWindow  *parent,
                                  AgStore    *store,
                                  AgProtocol *protocol);

G_END_DECLS
