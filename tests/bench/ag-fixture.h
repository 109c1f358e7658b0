/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-fixture.h: builds a store that looks like ten years of real use, for benchmarks and tests. */

#pragma once

#include "ag-store.h"

G_BEGIN_DECLS

#define AG_FIXTURE_YEARS 10
#define AG_FIXTURE_TREATMENTS 3
#define AG_FIXTURE_SESSIONS 120

GDateTime *ag_fixture_dup_now   (void);
gboolean   ag_fixture_make      (const char  *path,
                                 guint       *n_ticks,
                                 GError     **error);

G_END_DECLS
