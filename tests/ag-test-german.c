/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-german.c: puts a test in German, with the translations the build made. */

#include "config.h"

#include <locale.h>

#include "ag-test-german.h"

/* Sets LC_ALL to a German locale, building one in a private folder when the system has none
 * (Debian generates only the locales picked in /etc/locale.gen). Without one, C.UTF-8 still
 * lets gettext follow LANGUAGE — glibc ignores LANGUAGE only in the "C" locale — but month
 * and day names stay English. @locale_dir is set to the folder made for it, if any, which the
 * caller removes at the end. Returns whether the locale is German. */
gboolean
ag_test_choose_german_locale (char **locale_dir)
{
  static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8" };
  g_autofree char *target = NULL;

  *locale_dir = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (setlocale (LC_ALL, names[i]) != NULL)
        {
          g_setenv ("LC_ALL", names[i], TRUE);
          return TRUE;
        }
    }

  *locale_dir = g_dir_make_tmp ("afterglow-locale-XXXXXX", NULL);
  if (*locale_dir != NULL)
    {
      const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", NULL, NULL };

      target = g_build_filename (*locale_dir, "de_DE.UTF-8", NULL);
      argv[5] = target;
      /* localedef may exit non-zero for mere warnings; whether setlocale() accepts the result
       * is what counts. */
      if (g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, NULL, NULL))
        {
          g_setenv ("LOCPATH", *locale_dir, TRUE);
          if (setlocale (LC_ALL, "de_DE.UTF-8") != NULL)
            {
              g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
              return TRUE;
            }
          g_unsetenv ("LOCPATH");
        }
    }

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  return FALSE;
}

/* The .mo files meson built: <build>/po/<lang>/LC_MESSAGES/afterglow.mo. */
char *
ag_test_find_build_locale_dir (void)
{
  g_autofree char *dir = g_strdup (g_test_get_dir (G_TEST_BUILT));

  for (guint up = 0; up < 4; up++)
    {
      g_autofree char *po = g_build_filename (dir, "po", NULL);
      g_autofree char *mo = g_build_filename (po, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      char *parent;

      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&po);

      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }

  return NULL;
}
