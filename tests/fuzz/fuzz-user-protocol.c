/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-user-protocol.c: feeds arbitrary bytes to the parser of the user's protocol.ini. */

#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ag-error.h"
#include "ag-user-protocol.h"

int LLVMFuzzerInitialize   (int             *argc,
                            char          ***argv);
int LLVMFuzzerTestOneInput (const uint8_t   *data,
                            size_t           size);

/* The parser reads only $XDG_DATA_HOME/afterglow/protocol.ini, so each input goes there. */
static char *data_home;
static char *ini_path;

static void
remove_data_home (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = NULL;
  const char *name;

  if (data_home == NULL)
    return;

  folder = g_build_filename (data_home, "afterglow", NULL);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
  g_rmdir (data_home);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

  /* Before anything asks GLib for the user's folders: it remembers the first answer. */
  data_home = g_dir_make_tmp ("afterglow-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (g_getenv ("AFTERGLOW_PROTOCOL_DIR") == NULL)
    g_setenv ("AFTERGLOW_PROTOCOL_DIR", AG_FUZZ_PROTOCOL_DIR, TRUE);

  folder = g_build_filename (data_home, "afterglow", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  ini_path = ag_user_protocol_dup_path ();
  g_assert_true (g_str_has_prefix (ini_path, folder));
  atexit (remove_data_home);

  return 0;
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  g_autoptr(GError) error = NULL;

  /* Plain, not durable: the fuzzer writes thousands of these a second. Unlinked first:
   * GLib 2.74 writes G_FILE_SET_CONTENTS_NONE in place without truncating. */
  g_unlink (ini_path);
  if (!g_file_set_contents_full (ini_path, (const char *)data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("Cannot write the input: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgProtocol) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize left_len = 0;
  gsize before_len = 0;
  gsize after_len = 0;

  write_input (data, size);

  protocol = ag_user_protocol_load (&error);
  if (protocol == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == AG_PROTOCOL_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      /* Loading never changes a file it cannot use. */
      g_assert_true (g_file_get_contents (ini_path, &left, &left_len, NULL));
      g_assert_cmpmem (left, left_len, data, size);
      return 0;
    }

  /* Accepted: saving the values must give a file that loads to the same protocol. */
  before = ag_protocol_to_data (protocol, &before_len);
  if (!ag_user_protocol_save (protocol, &error))
    g_error ("Saving accepted changes failed: %s", error->message);

  reloaded = ag_user_protocol_load (&error);
  if (reloaded == NULL)
    g_error ("Changes Afterglow saved cannot be loaded again: %s", error->message);

  after = ag_protocol_to_data (reloaded, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  return 0;
}
