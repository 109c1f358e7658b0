/* SPDX-License-Identifier: GPL-3.0-or-later */
/* minimal-window.c: the anchor for bench-app: a libadwaita window with a header bar and a label,
 * timed to its first frame and through label changes exactly as bench-app-start times Afterglow. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "ag-bench-probe.h"

static void
change_label (AgBenchProbe *probe,
              GtkWidget    *window,
              guint         index)
{
  g_autofree char *text = g_strdup_printf ("Month %u", index + 1);
  GtkWidget **label = ag_bench_probe_get_user_data (probe);

  gtk_label_set_text (GTK_LABEL (*label), text);
}

static void
activate_cb (GApplication *application,
             AgBenchProbe *probe)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget **label_slot = ag_bench_probe_get_user_data (probe);
  GtkWidget *label = gtk_label_new ("Afterglow");
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  *label_slot = label;

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);

  /* Afterglow's default size, so both draw the same number of pixels. */
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  ag_bench_probe_watch (probe, window);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;
  GtkWidget *label = NULL;
  AgBenchProbe *probe;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Minimal");

  /* Unique on the session bus, as Afterglow is. */
  application = adw_application_new ("io.github.afterglow.Afterglow.BenchMinimal",
                                     G_APPLICATION_DEFAULT_FLAGS);
  probe = ag_bench_probe_new (G_APPLICATION (application), "minimal-window", argc, argv,
                              change_label, &label);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), probe);

  status = g_application_run (G_APPLICATION (application), 1, argv);
  ag_bench_probe_free (probe);

  return status;
}
