/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: runs a fuzz harness over its seed corpus without libFuzzer, as a TAP test. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int             *argc,
                            char          ***argv);
int LLVMFuzzerTestOneInput (const uint8_t   *data,
                            size_t           size);

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Every corpus file is one test: a crash or a failed check aborts the run, which the TAP
 * reader reports as a failure with the file last named on stdout. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      /* GTest's options, which `meson test --test-args` gives every test alike. */
      if (g_str_equal (argv[i], "-s") || g_str_equal (argv[i], "-p"))
        i++;
      else if (argv[i][0] != '-')
        collect (argv[i], files);
    }
  g_ptr_array_sort (files, compare_paths);

  if (files->len == 0)
    {
      printf ("1..0 # SKIP no corpus files\n");
      return 0;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      printf ("# %s\n", base);
      fflush (stdout);
      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, base, error->message);
          continue;
        }

      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
      printf ("ok %u - %s\n", i + 1, base);
      fflush (stdout);
    }

  return 0;
}
