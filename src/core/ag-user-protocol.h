/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-user-protocol.h: the user's own changes to the aftercare protocol, kept in their data folder. */

#pragma once

#include <gio/gio.h>

#include "ag-protocol.h"

G_BEGIN_DECLS

char       *ag_user_protocol_dup_path    (void);
AgProtocol *ag_user_protocol_load        (GError     **error);
gboolean    ag_user_protocol_save        (AgProtocol  *protocol,
                                          GError     **error);
gboolean    ag_user_protocol_reset       (GError     **error);
gboolean    ag_user_protocol_copy_values (AgProtocol  *protocol,
                                          AgProtocol  *source,
                                          GError     **error);

G_END_DECLS
