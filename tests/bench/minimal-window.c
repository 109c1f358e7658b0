/* SPDX-License-Identifier: GPL-3.0-or-later */
/* minimal-window.c: the anchor for bench-app: a libadwaita window with a header bar and a label,
 * timed to its first frame and through label changes exactly as bench-app-start times Afterglow. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The same probe as bench-app-start.c; keep the two in step. */

#define SETTLE_MS 50
#define STUCK_MS 5000
#define HWM_AFTER 12

typedef struct
{
  GApplication *application;
  GtkWidget *window;
  GtkLabel *label;
  gint64 spawn_us;
  gboolean rendered;
  gboolean first_frame_seen;
  guint n_changes;
  guint done_changes;
  gint64 change_start;
  gint64 change_built;
  gboolean waiting;
  guint stuck_id;
} Probe;

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
  g_printerr ("minimal-window: no frame came within %d ms\n", STUCK_MS);
  exit (1);
}

static void
change_label (Probe *probe)
{
  g_autofree char *text = g_strdup_printf ("Month %u", probe->done_changes + 1);

  gtk_label_set_text (probe->label, text);
}

static gboolean
start_change_cb (gpointer user_data)
{
  Probe *probe = user_data;

  probe->rendered = FALSE;
  probe->waiting = TRUE;
  probe->change_start = g_get_monotonic_time ();
  change_label (probe);
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
  Probe *probe = user_data;

  if (g_value_get_object (&values[0]) == gtk_native_get_surface (GTK_NATIVE (probe->window)))
    probe->rendered = TRUE;

  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Probe         *probe)
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
realize_cb (GtkWidget *window,
            Probe     *probe)
{
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              render_hook_cb, probe, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), probe);
}

static void
activate_cb (GApplication *application,
             Probe        *probe)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Afterglow");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);

  probe->label = GTK_LABEL (label);
  probe->window = adw_application_window_new (GTK_APPLICATION (application));
  /* Afterglow's default size, so both draw the same number of pixels. */
  gtk_window_set_default_size (GTK_WINDOW (probe->window), 960, 720);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (probe->window), box);
  g_signal_connect (probe->window, "realize", G_CALLBACK (realize_cb), probe);
  gtk_window_present (GTK_WINDOW (probe->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;
  const char *spawn = g_getenv ("AG_BENCH_SPAWN_US");
  Probe probe = { 0 };

  /* Taken first, for a run without the variable. */
  probe.spawn_us = g_get_monotonic_time ();
  if (spawn != NULL)
    probe.spawn_us = g_ascii_strtoll (spawn, NULL, 10);
  probe.n_changes = argc > 1 ? (guint) atoi (argv[1]) : 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Minimal");

  /* Unique on the session bus, as Afterglow is. */
  application = adw_application_new ("io.github.afterglow.Afterglow.BenchMinimal",
                                     G_APPLICATION_DEFAULT_FLAGS);
  probe.application = G_APPLICATION (application);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), &probe);

  return g_application_run (G_APPLICATION (application), 1, argv);
}
