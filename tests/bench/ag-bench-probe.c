/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-bench-probe.c: times a window's first frame, its peak memory and the frames of changes,
 * the same way for Afterglow (bench-app-start) and its anchor (minimal-window). */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ag-bench-probe.h"

#define SETTLE_MS 50
#define STUCK_MS 5000
#define HWM_AFTER 12

struct _AgBenchProbe
{
  GApplication *application;
  GtkWidget *window;
  char *name;
  AgBenchChange change;
  gpointer user_data;
  gint64 spawn_us;
  gboolean rendered;
  gboolean first_frame_seen;
  guint n_changes;
  guint done_changes;
  gint64 change_start;
  gint64 change_built;
  gboolean waiting;
  guint stuck_id;
};

static gint64
read_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");

  return line != NULL ? g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static gboolean
stuck_cb (gpointer user_data)
{
  AgBenchProbe *probe = user_data;

  g_printerr ("%s: no frame came within %d ms\n", probe->name, STUCK_MS);
  exit (1);
}

static gboolean
start_change_cb (gpointer user_data)
{
  AgBenchProbe *probe = user_data;

  probe->rendered = FALSE;
  probe->waiting = TRUE;
  probe->change_start = g_get_monotonic_time ();
  probe->change (probe, probe->window, probe->done_changes);
  probe->change_built = g_get_monotonic_time ();
  probe->stuck_id = g_timeout_add (STUCK_MS, stuck_cb, probe);

  return G_SOURCE_REMOVE;
}

/* An emission hook, because the window's own handler stops the emission of "render". */
static gboolean
render_hook_cb (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               user_data)
{
  AgBenchProbe *probe = user_data;

  if (g_value_get_object (&values[0]) == gtk_native_get_surface (GTK_NATIVE (probe->window)))
    probe->rendered = TRUE;

  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                AgBenchProbe  *probe)
{
  gint64 now = g_get_monotonic_time ();

  /* A frame that only ran layout drew nothing: wait for one that drew. */
  if (!probe->rendered)
    return;

  if (!probe->first_frame_seen)
    {
      probe->first_frame_seen = TRUE;
      printf ("first_frame_us %" G_GINT64_FORMAT "\n", now - probe->spawn_us);
      printf ("hwm_first_frame_kib %" G_GINT64_FORMAT "\n", read_hwm_kib ());
    }
  else if (probe->waiting)
    {
      probe->waiting = FALSE;
      g_clear_handle_id (&probe->stuck_id, g_source_remove);
      printf ("switch_us %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
              now - probe->change_start, probe->change_built - probe->change_start);
      probe->done_changes++;
      if (probe->done_changes == HWM_AFTER)
        printf ("hwm_after_12_kib %" G_GINT64_FORMAT "\n", read_hwm_kib ());
    }
  else
    {
      return;
    }

  fflush (stdout);
  if (probe->done_changes < probe->n_changes)
    g_timeout_add (SETTLE_MS, start_change_cb, probe);
  else
    g_application_quit (probe->application);
}

static void
realize_cb (GtkWidget    *window,
            AgBenchProbe *probe)
{
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              render_hook_cb, probe, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), probe);
}

/**
 * ag_bench_probe_new:
 * @application: the application that will show the window
 * @name: the program's name, for messages
 * @argc: the program's argument count; argv[1] is how many changes to time
 * @argv: the program's arguments
 * @change: makes one change
 * @user_data: for @change, through ag_bench_probe_get_user_data()
 *
 * The spawn time comes from $AG_BENCH_SPAWN_US (CLOCK_MONOTONIC, µs), set by bench-app just
 * before it started the program; without it, from now.
 *
 * Returns: (transfer full): the probe
 */
AgBenchProbe *
ag_bench_probe_new (GApplication  *application,
                    const char    *name,
                    int            argc,
                    char         **argv,
                    AgBenchChange  change,
                    gpointer       user_data)
{
  AgBenchProbe *probe = g_new0 (AgBenchProbe, 1);
  const char *spawn = g_getenv ("AG_BENCH_SPAWN_US");

  probe->spawn_us = spawn != NULL ? g_ascii_strtoll (spawn, NULL, 10) : g_get_monotonic_time ();
  probe->application = application;
  probe->name = g_strdup (name);
  probe->n_changes = argc > 1 ? (guint) atoi (argv[1]) : 0;
  probe->change = change;
  probe->user_data = user_data;

  return probe;
}

gpointer
ag_bench_probe_get_user_data (AgBenchProbe *probe)
{
  return probe->user_data;
}

/**
 * ag_bench_probe_watch:
 * @window: the window to time, before it is realized
 */
void
ag_bench_probe_watch (AgBenchProbe *probe,
                      GtkWidget    *window)
{
  probe->window = window;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), probe);
}

void
ag_bench_probe_free (AgBenchProbe *probe)
{
  g_clear_handle_id (&probe->stuck_id, g_source_remove);
  g_free (probe->name);
  g_free (probe);
}
