/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-util.c: small helpers the core's files share. */

#define G_LOG_DOMAIN "ag-util"

#include "config.h"

#include "ag-util.h"

/**
 * ag_set_str:
 * @str_pointer: a pointer to an owned string
 * @new_str: (nullable): the new value
 *
 * Replaces the string if it differs (GLib 2.74 has no g_set_str()).
 *
 * Returns: %TRUE if the value changed
 */
gboolean
ag_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}
