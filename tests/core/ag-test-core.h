/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-core.h: what the tests share: a store in a temporary folder, a manual clock, planning a series. */

#pragma once

#include <glib.h>

#include "ag-clock.h"
#include "ag-plan.h"
#include "ag-protocol.h"
#include "ag-store.h"
#include "ag-treatment.h"

G_BEGIN_DECLS

AgClock *ag_test_clock_at           (int           year,
                                     int           month,
                                     int           day,
                                     int           hour,
                                     int           minute,
                                     int           second);
char    *ag_test_make_tmp_dir       (const char   *tmpl);
AgStore *ag_test_open_store         (const char   *dir,
                                     AgClock      *clock);
AgProtocol *ag_test_load_protocol   (void);
char    *ag_test_read_user_protocol (void);
void     ag_test_remove_store_files (const char   *dir);
int      ag_test_remove_tree        (const char   *path);
void     ag_test_plan               (AgStore      *store,
                                     AgTreatment  *treatment,
                                     AgSeriesPlan *plan,
                                     guint         min_interval_weeks);

G_END_DECLS
