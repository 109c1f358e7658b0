/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: starts afterglow-reminders, the headless service that sends Afterglow's reminders. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ag-reminders-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AgRemindersApplication) application = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Afterglow Reminders"));

  /* The service sleeps for hours between reminders. A worker thread that finished (connecting
   * to the system bus, say) ends at once instead of idling 15 s and waking up to end then. */
  g_thread_pool_set_max_unused_threads (0);

  application = ag_reminders_application_new ();

  status = g_application_run (G_APPLICATION (application), argc, argv);
  if (status == 0)
    status = ag_reminders_application_get_exit_status (application);

  return status;
}
