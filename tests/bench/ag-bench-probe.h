/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-bench-probe.h: times a window's first frame, its peak memory and the frames of changes. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _AgBenchProbe AgBenchProbe;

/**
 * AgBenchChange:
 * @probe: the probe
 * @window: the window watched
 * @index: which change this is, from 0
 *
 * Makes one change of the kind being timed (the next month, another label text).
 */
typedef void (*AgBenchChange) (AgBenchProbe *probe,
                               GtkWidget    *window,
                               guint         index);

AgBenchProbe *ag_bench_probe_new   (GApplication  *application,
                                    const char    *name,
                                    int            argc,
                                    char         **argv,
                                    AgBenchChange  change,
                                    gpointer       user_data);
gpointer      ag_bench_probe_get_user_data (AgBenchProbe *probe);
void          ag_bench_probe_watch (AgBenchProbe  *probe,
                                    GtkWidget     *window);
void          ag_bench_probe_free  (AgBenchProbe  *probe);

G_END_DECLS
