/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-warning-signs-dialog.h: the signs that mean a patient should contact the clinic. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"

G_BEGIN_DECLS

#define AG_TYPE_WARNING_SIGNS_DIALOG (ag_warning_signs_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AgWarningSignsDialog, ag_warning_signs_dialog, AG, WARNING_SIGNS_DIALOG,
                      AdwMessageDialog)

GtkWidget *ag_warning_signs_dialog_new (GtkWindow  *parent,
                                        AgProtocol *protocol);

G_END_DECLS
