/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-application.h: the afterglow application: actions, settings, the store and windows. */

#pragma once

#include <adwaita.h>

#include "ag-clock.h"
#include "ag-protocol.h"
#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_APPLICATION (ag_application_get_type ())

G_DECLARE_FINAL_TYPE (AgApplication, ag_application, AG, APPLICATION, AdwApplication)

AgApplication *ag_application_new             (void);
AgApplication *ag_application_new_with_clock  (AgClock        *clock);
GSettings     *ag_application_get_settings    (AgApplication  *self);
AgClock       *ag_application_get_clock       (AgApplication  *self);
AgStore       *ag_application_get_store       (AgApplication  *self);
const GError  *ag_application_get_store_error (AgApplication  *self);
AgProtocol    *ag_application_get_protocol    (AgApplication  *self);
gboolean       ag_application_start_fresh     (AgApplication  *self,
                                               char          **kept_as,
                                               GError        **error);

G_END_DECLS
