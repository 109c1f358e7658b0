/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-store-private.h: what the store's own files and its tests share, not for the app. */

#pragma once

#include <sqlite3.h>

#include "ag-store.h"

G_BEGIN_DECLS

/* "AGLW" in the SQLite header, so Afterglow never mistakes another program's file for its own. */
#define AG_STORE_APPLICATION_ID 0x41474c57

sqlite3 *ag_store_get_db (AgStore *self);

G_END_DECLS
