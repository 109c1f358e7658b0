/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-fixture.c: writes the ten-year fixture store to a path, for benchmarks and by hand. */

#include "config.h"

#include <locale.h>

#include "ag-fixture.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint n_ticks = 0;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("Usage: %s PATH\n", argv[0]);
      return 2;
    }

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s already exists\n", argv[1]);
      return 1;
    }

  if (!ag_fixture_make (argv[1], &n_ticks, &error))
    {
      g_printerr ("Could not make the fixture: %s\n", error->message);
      return 1;
    }

  g_print ("%s: %d treatments, %d sessions, %u ticks\n", argv[1],
           AG_FIXTURE_TREATMENTS, AG_FIXTURE_SESSIONS, n_ticks);

  return 0;
}
