/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app-start.c: starts the real Afterglow application as main.c does and reports its first
 * frame, its peak memory and the frames of month switches; tests/bench/bench-app runs it. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ag-application.h"
#include "ag-bench-probe.h"
#include "ag-calendar-view.h"
#include "ag-window.h"

/* Months of the fixture before its "now" (November 2026), which the window shows first. */
#define FIRST_YEAR 2024
#define FIRST_MONTH 11

static void
change_month (AgBenchProbe *probe,
              GtkWidget    *window,
              guint         index)
{
  AgCalendarView *calendar = ag_window_get_calendar_view (AG_WINDOW (window));
  guint month = FIRST_YEAR * 12 + (FIRST_MONTH - 1) + index;

  ag_calendar_view_show_month (calendar, (int) (month / 12), (int) (month % 12) + 1);
}

/* The app adds its window while it activates; only the main window is watched. */
static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 AgBenchProbe   *probe)
{
  gboolean *watching = ag_bench_probe_get_user_data (probe);

  if (*watching || !AG_IS_WINDOW (window))
    return;

  *watching = TRUE;
  ag_bench_probe_watch (probe, GTK_WIDGET (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AgApplication) application = NULL;
  gboolean watching = FALSE;
  AgBenchProbe *probe;
  int status;

  /* From here on as in src/app/main.c. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Afterglow"));

  application = ag_application_new ();
  probe = ag_bench_probe_new (G_APPLICATION (application), "bench-app-start", argc, argv,
                              change_month, &watching);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), probe);

  status = g_application_run (G_APPLICATION (application), 1, argv);
  ag_bench_probe_free (probe);

  return status;
}
