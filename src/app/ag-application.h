/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-application.h: the afterglow application: actions, settings and windows. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AG_TYPE_APPLICATION (ag_application_get_type ())

G_DECLARE_FINAL_TYPE (AgApplication, ag_application, AG, APPLICATION, AdwApplication)

AgApplication *ag_application_new          (void);
GSettings     *ag_application_get_settings (AgApplication *self);

G_END_DECLS
