/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-protocol-page.h: the Aftercare Plan page of the Preferences window, where every value can change. */

#pragma once

#include <adwaita.h>

#include "ag-protocol.h"

G_BEGIN_DECLS

#define AG_TYPE_PROTOCOL_PAGE (ag_protocol_page_get_type ())

G_DECLARE_FINAL_TYPE (AgProtocolPage, ag_protocol_page, AG, PROTOCOL_PAGE, AdwPreferencesPage)

AgProtocolPage *ag_protocol_page_new          (AgProtocol     *protocol);
AgProtocol     *ag_protocol_page_get_protocol (AgProtocolPage *self);

G_END_DECLS
