/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-reminders-anchor.c: a GLib + libnotify program that does nothing, the benchmark's yardstick. */

#include "config.h"

#include <libnotify/notify.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  notify_init ("anchor");
  g_list_free_full (notify_get_server_caps (), g_free);
  g_main_loop_run (loop);

  return 0;
}
