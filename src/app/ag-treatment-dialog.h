/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment-dialog.h: one treatment: its details, its sessions, adding one, deleting it. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_TREATMENT_DIALOG (ag_treatment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AgTreatmentDialog, ag_treatment_dialog, AG, TREATMENT_DIALOG, AdwWindow)

AgTreatmentDialog *ag_treatment_dialog_new              (GtkWindow         *parent,
                                                         AgStore           *store,
                                                         AgProtocol        *protocol,
                                                         gint64             treatment_id);
gint64             ag_treatment_dialog_get_treatment_id (AgTreatmentDialog *self);

G_END_DECLS
