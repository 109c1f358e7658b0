/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-user-protocol.c: the user's own changes to the aftercare protocol, kept in their data folder. */

#define G_LOG_DOMAIN "ag-user-protocol"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ag-error.h"
#include "ag-user-protocol.h"

/* The user's file holds only the numbers that differ from the protocol Afterglow ships
 * ("overrides"), not a whole protocol:
 *
 *   [Overrides]
 *   Version=1
 *
 *   [Restriction exercise]
 *   Hours=24;72;72;
 *
 *   [Task cleanse]
 *   FirstDay=1
 *   LastDay=10
 *
 * Loading applies them on top of the default protocol with its own setters, so they pass
 * the same checks as any edit. Titles and explanations are never copied, so they keep
 * following the user's language, and a value the user did not change follows the default
 * when a later version of Afterglow improves it.
 *
 * A file Afterglow cannot use (damaged, or naming an item a later default dropped) is
 * reported and left untouched by loading; the next save or reset renames it to
 * `protocol.ini.damaged-YYYYMMDD-HHMMSS` instead of writing over it, so nothing the user
 * typed is ever lost silently. */

#define USER_PROTOCOL_VERSION  1
#define USER_PROTOCOL_MAX_SIZE (64 * 1024)

/* Same spelling as the [Intervals] keys of a protocol file, in the order of AgArea. */
static const char * const area_keys[AG_N_AREAS + 1] = {
  "Face", "Neck", "Chest", "Hands", "Scalp", "Body", NULL,
};

static const char * const task_keys[] = {
  "FirstDay", "LastDay", "AfterHours", "RepeatFrom", "RepeatUntil", "RepeatEvery", NULL,
};

static void
set_write_error (GError     **error,
                 GFileError   code,
                 const char  *detail)
{
  g_debug ("Saving the aftercare plan: %s", detail);

  switch (code)
    {
    case G_FILE_ERROR_NOSPC:
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_DISK_FULL,
                           _("There is no space left on the disk, so your change was not saved."));
      break;

    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY,
                           _("Afterglow is not allowed to write to its data folder, so your "
                             "change was not saved. Check the permissions of your home folder."));
      break;

    default:
      g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_FAILED,
                   _("Your change to the aftercare plan was not saved (%s)."), detail);
      break;
    }
}

static void
set_write_error_from_errno (GError     **error,
                            int          saved_errno)
{
  set_write_error (error, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
}

/* Every problem with the user's file names the file: it is the one thing the user can open,
 * fix or delete. */
static void
set_damaged_error (GError     **error,
                   const char  *path,
                   int          code,
                   const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, AG_PROTOCOL_ERROR, code,
               _("Your changes to the aftercare plan in “%s” cannot be used, so the "
                 "standard plan is shown; the file was left as it is. %s"),
               display, reason);
}

static gboolean
read_uint (GKeyFile    *keyfile,
           const char  *group,
           const char  *key,
           guint       *out,
           GError     **error)
{
  g_autofree char *value = g_key_file_get_value (keyfile, group, key, NULL);
  guint64 number;

  if (value == NULL ||
      !g_ascii_string_to_unsigned (g_strstrip (value), 10, 0, G_MAXUINT, &number, NULL))
    {
      g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
                   _("“%s” in [%s] must be a whole number, not “%s”."),
                   key, group, value != NULL ? value : "");
      return FALSE;
    }

  *out = (guint) number;
  return TRUE;
}

static gboolean
check_keys (GKeyFile            *keyfile,
            const char          *group,
            const char * const  *known,
            GError             **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!g_strv_contains (known, keys[i]))
        {
          g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_UNKNOWN_KEY,
                       _("Afterglow does not know the key “%s” in [%s]."), keys[i], group);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_intervals (AgProtocol  *protocol,
                 GKeyFile    *keyfile,
                 GError     **error)
{
  if (!check_keys (keyfile, "Intervals", area_keys, error))
    return FALSE;

  for (guint area = 0; area < AG_N_AREAS; area++)
    {
      guint weeks;

      if (!g_key_file_has_key (keyfile, "Intervals", area_keys[area], NULL))
        continue;

      if (!read_uint (keyfile, "Intervals", area_keys[area], &weeks, error) ||
          !ag_protocol_set_min_interval_weeks (protocol, area, weeks, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_restriction (AgProtocol  *protocol,
                   GKeyFile    *keyfile,
                   const char  *group,
                   const char  *kind,
                   GError     **error)
{
  static const char * const keys[] = { "Hours", NULL };
  g_auto(GStrv) values = NULL;
  guint n_bands = ag_protocol_get_n_bands (protocol);
  gsize n_values = 0;

  if (!check_keys (keyfile, group, keys, error))
    return FALSE;

  if (!g_key_file_has_key (keyfile, group, "Hours", NULL))
    return TRUE;

  values = g_key_file_get_string_list (keyfile, group, "Hours", &n_values, NULL);
  if (n_values != n_bands)
    {
      g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
                   _("“Hours” must give one value per needle-depth band: %u values, not %u."),
                   n_bands, (guint) n_values);
      return FALSE;
    }

  for (guint band = 0; band < n_bands; band++)
    {
      guint64 hours;

      if (!g_ascii_string_to_unsigned (g_strstrip (values[band]), 10, 0, G_MAXUINT, &hours,
                                       NULL))
        {
          g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
                       _("“%s” in [%s] must be a whole number, not “%s”."),
                       "Hours", group, values[band]);
          return FALSE;
        }

      if (!ag_protocol_set_restriction_hours (protocol, kind, band, (guint) hours, error))
        return FALSE;
    }

  return TRUE;
}

/* A value the file leaves out keeps the protocol's own, so FirstDay can be changed alone. */
static gboolean
read_optional_uint (GKeyFile    *keyfile,
                    const char  *group,
                    const char  *key,
                    guint       *inout,
                    gboolean    *present,
                    GError     **error)
{
  if (!g_key_file_has_key (keyfile, group, key, NULL))
    return TRUE;

  *present = TRUE;
  return read_uint (keyfile, group, key, inout, error);
}

static gboolean
apply_task (AgProtocol  *protocol,
            GKeyFile    *keyfile,
            const char  *group,
            const char  *id,
            GError     **error)
{
  const AgProtocolTask *task = ag_protocol_find_task (protocol, id);
  guint first_day, last_day, after_hours, repeat_from, repeat_until, repeat_every;
  gboolean days = FALSE;
  gboolean after = FALSE;
  gboolean repeat = FALSE;

  if (!check_keys (keyfile, group, task_keys, error))
    return FALSE;

  if (task == NULL)
    {
      g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_UNKNOWN_KEY,
                   _("“%s” is not part of this protocol."), id);
      return FALSE;
    }

  first_day = task->first_day;
  last_day = task->last_day;
  after_hours = task->after_hours;
  repeat_from = task->repeat_from;
  repeat_until = task->repeat_until;
  repeat_every = task->repeat_every;

  if (!read_optional_uint (keyfile, group, "FirstDay", &first_day, &days, error) ||
      !read_optional_uint (keyfile, group, "LastDay", &last_day, &days, error) ||
      !read_optional_uint (keyfile, group, "AfterHours", &after_hours, &after, error) ||
      !read_optional_uint (keyfile, group, "RepeatFrom", &repeat_from, &repeat, error) ||
      !read_optional_uint (keyfile, group, "RepeatUntil", &repeat_until, &repeat, error) ||
      !read_optional_uint (keyfile, group, "RepeatEvery", &repeat_every, &repeat, error))
    return FALSE;

  if (days && !ag_protocol_set_task_days (protocol, id, first_day, last_day, error))
    return FALSE;
  if (after && !ag_protocol_set_task_after_hours (protocol, id, after_hours, error))
    return FALSE;
  if (repeat &&
      !ag_protocol_set_task_repeat (protocol, id, repeat_from, repeat_until, repeat_every, error))
    return FALSE;

  return TRUE;
}

static gboolean
apply_prep (AgProtocol  *protocol,
            GKeyFile    *keyfile,
            const char  *group,
            const char  *id,
            GError     **error)
{
  static const char * const keys[] = { "DaysBefore", NULL };
  guint days;

  if (!check_keys (keyfile, group, keys, error))
    return FALSE;

  if (!g_key_file_has_key (keyfile, group, "DaysBefore", NULL))
    return TRUE;

  return read_uint (keyfile, group, "DaysBefore", &days, error) &&
         ag_protocol_set_prep_days_before (protocol, id, days, error);
}

static gboolean
apply_header (GKeyFile  *keyfile,
              GError   **error)
{
  static const char * const keys[] = { "Version", NULL };
  guint version;

  if (!g_key_file_has_group (keyfile, "Overrides"))
    {
      g_set_error_literal (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_MISSING_KEY,
                           _("The file has no [Overrides] section."));
      return FALSE;
    }

  if (!check_keys (keyfile, "Overrides", keys, error) ||
      !read_uint (keyfile, "Overrides", "Version", &version, error))
    return FALSE;

  if (version != USER_PROTOCOL_VERSION)
    {
      g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
                   _("It was written in a format this version of Afterglow does not know (%u)."), version);
      return FALSE;
    }

  return TRUE;
}

/* Applies every override to @protocol, or stops at the first one it cannot use. */
static gboolean
apply_overrides (AgProtocol  *protocol,
                 GKeyFile    *keyfile,
                 GError     **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  if (!apply_header (keyfile, error))
    return FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      gboolean ok;

      if (g_str_equal (group, "Overrides"))
        continue;
      else if (g_str_equal (group, "Intervals"))
        ok = apply_intervals (protocol, keyfile, error);
      else if (g_str_has_prefix (group, "Restriction "))
        ok = apply_restriction (protocol, keyfile, group, group + strlen ("Restriction "), error);
      else if (g_str_has_prefix (group, "Task "))
        ok = apply_task (protocol, keyfile, group, group + strlen ("Task "), error);
      else if (g_str_has_prefix (group, "Preparation "))
        ok = apply_prep (protocol, keyfile, group, group + strlen ("Preparation "), error);
      else
        {
          g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_UNKNOWN_KEY,
                       _("Afterglow does not know the section [%s]."), group);
          ok = FALSE;
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Reads the user's file at @path into @protocol. Sets @exists to whether there is a file at
 * all; a missing file is not an error. */
static gboolean
read_user_file (const char  *path,
                AgProtocol  *protocol,
                gboolean    *exists,
                GError     **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  GStatBuf st;

  *exists = FALSE;

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;

      *exists = TRUE;
      set_damaged_error (error, path, AG_PROTOCOL_ERROR_NOT_FOUND, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      set_damaged_error (error, path, AG_PROTOCOL_ERROR_NOT_FOUND,
                         _("It is not a regular file."));
      return FALSE;
    }

  if (st.st_size > USER_PROTOCOL_MAX_SIZE)
    {
      set_damaged_error (error, path, AG_PROTOCOL_ERROR_TOO_LARGE,
                         _("It is far larger than any list of changes."));
      return FALSE;
    }

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      set_damaged_error (error, path, AG_PROTOCOL_ERROR_NOT_FOUND, local_error->message);
      return FALSE;
    }

  if (len > USER_PROTOCOL_MAX_SIZE || !g_utf8_validate (data, len, NULL))
    {
      set_damaged_error (error, path, AG_PROTOCOL_ERROR_PARSE, _("It is not UTF-8 text."));
      return FALSE;
    }

  keyfile = g_key_file_new ();
  if (!g_key_file_load_from_data (keyfile, data, len, G_KEY_FILE_NONE, &local_error) ||
      !apply_overrides (protocol, keyfile, &local_error))
    {
      int code = local_error->domain == AG_PROTOCOL_ERROR ? local_error->code
                                                          : AG_PROTOCOL_ERROR_PARSE;

      set_damaged_error (error, path, code, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Whether a file sits at @path that loading would refuse. */
static gboolean
user_file_is_damaged (const char *path)
{
  g_autoptr(AgProtocol) scratch = ag_protocol_load_default (NULL);
  gboolean exists;

  /* Without the default nothing can be checked; keeping the file is the safe side. */
  if (scratch == NULL)
    return TRUE;

  return !read_user_file (path, scratch, &exists, NULL) && exists;
}

static gboolean
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strconcat (path, ".damaged-", stamp, NULL);

  if (g_rename (path, target) != 0)
    {
      set_write_error_from_errno (error, errno);
      return FALSE;
    }

  g_message ("Kept the unreadable aftercare plan changes as %s", target);
  return TRUE;
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_write_error_from_errno (error, errno);
      return FALSE;
    }

  return TRUE;
}

static void
add_task_overrides (GKeyFile             *keyfile,
                    const AgProtocolTask *task,
                    const AgProtocolTask *base)
{
  g_autofree char *group = g_strconcat ("Task ", task->id, NULL);

  /* Both days go together: the setter takes them as a pair. */
  if (task->first_day != base->first_day || task->last_day != base->last_day)
    {
      g_key_file_set_integer (keyfile, group, "FirstDay", task->first_day);
      g_key_file_set_integer (keyfile, group, "LastDay", task->last_day);
    }

  if ((task->slots & base->slots & AG_SLOT_AFTER_SESSION) != 0 &&
      task->after_hours != base->after_hours)
    g_key_file_set_integer (keyfile, group, "AfterHours", task->after_hours);

  if ((task->slots & base->slots & AG_SLOT_REPEAT) != 0 &&
      (task->repeat_from != base->repeat_from || task->repeat_until != base->repeat_until ||
       task->repeat_every != base->repeat_every))
    {
      g_key_file_set_integer (keyfile, group, "RepeatFrom", task->repeat_from);
      g_key_file_set_integer (keyfile, group, "RepeatUntil", task->repeat_until);
      g_key_file_set_integer (keyfile, group, "RepeatEvery", task->repeat_every);
    }
}

/* The values of @protocol that differ from @base. Items @base does not have cannot be
 * written as overrides and are left out. */
static GKeyFile *
build_overrides (AgProtocol *protocol,
                 AgProtocol *base)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  guint n_bands = ag_protocol_get_n_bands (protocol);

  g_key_file_set_list_separator (keyfile, ';');
  g_key_file_set_integer (keyfile, "Overrides", "Version", USER_PROTOCOL_VERSION);

  for (guint area = 0; area < AG_N_AREAS; area++)
    {
      guint weeks = ag_protocol_get_min_interval_weeks (protocol, area);

      if (weeks != ag_protocol_get_min_interval_weeks (base, area))
        g_key_file_set_integer (keyfile, "Intervals", area_keys[area], weeks);
    }

  for (guint i = 0; i < ag_protocol_get_n_restrictions (protocol); i++)
    {
      const AgProtocolRestriction *restriction = ag_protocol_get_restriction (protocol, i);
      const AgProtocolRestriction *other = ag_protocol_find_restriction (base, restriction->kind);
      int values[AG_PROTOCOL_MAX_BANDS];
      gboolean differs = FALSE;

      if (other == NULL || n_bands != ag_protocol_get_n_bands (base))
        continue;

      for (guint band = 0; band < n_bands; band++)
        {
          values[band] = restriction->hours[band];
          differs |= restriction->hours[band] != other->hours[band];
        }

      if (differs)
        {
          g_autofree char *group = g_strconcat ("Restriction ", restriction->kind, NULL);

          g_key_file_set_integer_list (keyfile, group, "Hours", values, n_bands);
        }
    }

  for (guint i = 0; i < ag_protocol_get_n_tasks (protocol); i++)
    {
      const AgProtocolTask *task = ag_protocol_get_task (protocol, i);
      const AgProtocolTask *other = ag_protocol_find_task (base, task->id);

      if (other != NULL)
        add_task_overrides (keyfile, task, other);
    }

  for (guint i = 0; i < ag_protocol_get_n_preps (protocol); i++)
    {
      const AgProtocolPrep *prep = ag_protocol_get_prep (protocol, i);
      const AgProtocolPrep *other = ag_protocol_find_prep (base, prep->id);

      if (other != NULL && prep->days_before != other->days_before)
        {
          g_autofree char *group = g_strconcat ("Preparation ", prep->id, NULL);

          g_key_file_set_integer (keyfile, group, "DaysBefore", prep->days_before);
        }
    }

  return g_steal_pointer (&keyfile);
}

/**
 * ag_user_protocol_dup_path:
 *
 * Returns: (transfer full): where the user's changes to the protocol are kept,
 *   `$XDG_DATA_HOME/afterglow/protocol.ini`
 */
char *
ag_user_protocol_dup_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "afterglow", "protocol.ini", NULL);
}

/**
 * ag_user_protocol_load:
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Loads the default protocol with the user's changes applied. Without a user file this is
 * the default protocol. A user file Afterglow cannot use is an error naming the file, which
 * is left as it is; callers usually show the message and fall back to
 * ag_protocol_load_default().
 *
 * Returns: (transfer full) (nullable): the protocol, or %NULL with @error set
 */
AgProtocol *
ag_user_protocol_load (GError **error)
{
  g_autoptr(AgProtocol) protocol = NULL;
  g_autofree char *path = NULL;
  gboolean exists;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  protocol = ag_protocol_load_default (error);
  if (protocol == NULL)
    return NULL;

  path = ag_user_protocol_dup_path ();
  if (!read_user_file (path, protocol, &exists, error))
    return NULL;

  return g_steal_pointer (&protocol);
}

/**
 * ag_user_protocol_save:
 * @protocol: the protocol as the user edited it
 * @error: return location for an #AG_STORE_ERROR
 *
 * Writes the values of @protocol that differ from the default protocol to the user's file,
 * atomically and durably (a crash leaves the old file or the new one, never half of one).
 * A user file that could not be loaded is renamed aside first, not written over.
 *
 * Returns: %TRUE if the changes are on disk
 */
gboolean
ag_user_protocol_save (AgProtocol  *protocol,
                       GError     **error)
{
  g_autoptr(AgProtocol) base = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  base = ag_protocol_load_default (error);
  if (base == NULL)
    return FALSE;

  path = ag_user_protocol_dup_path ();
  if (!ensure_folder (path, error))
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK) &&
      user_file_is_damaged (path) &&
      !move_aside (path, error))
    return FALSE;

  keyfile = build_overrides (protocol, base);
  body = g_key_file_to_data (keyfile, NULL, NULL);
  data = g_strconcat ("# Your changes to Afterglow's aftercare plan. Every value not listed here\n"
                      "# comes from the standard plan.\n",
                      body, NULL);

  if (!g_file_set_contents_full (path, data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      set_write_error (error, local_error->code, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ag_user_protocol_reset:
 * @error: return location for an #AG_STORE_ERROR
 *
 * Removes the user's changes, so the next ag_user_protocol_load() gives the default
 * protocol. A user file that could not be loaded is renamed aside rather than deleted.
 * To show the default values in a protocol already loaded, follow with
 * ag_user_protocol_copy_values().
 *
 * Returns: %TRUE if no user file is left
 */
gboolean
ag_user_protocol_reset (GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = ag_user_protocol_dup_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return TRUE;

  if (user_file_is_damaged (path))
    return move_aside (path, error);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      set_write_error_from_errno (error, errno);
      return FALSE;
    }

  return TRUE;
}

/**
 * ag_user_protocol_copy_values:
 * @protocol: the protocol to change
 * @source: the protocol whose values to take, such as the default one
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Sets every value of @protocol that the user can edit to that of the same item in
 * @source, through the setters, so #AgProtocol::changed tells everyone showing it.
 * Items that only one of them has are left alone.
 *
 * Returns: %TRUE if every value was taken
 */
gboolean
ag_user_protocol_copy_values (AgProtocol  *protocol,
                              AgProtocol  *source,
                              GError     **error)
{
  guint n_bands;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), FALSE);
  g_return_val_if_fail (AG_IS_PROTOCOL (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_bands = ag_protocol_get_n_bands (protocol);

  for (guint area = 0; area < AG_N_AREAS; area++)
    {
      guint weeks = ag_protocol_get_min_interval_weeks (source, area);

      if (weeks != ag_protocol_get_min_interval_weeks (protocol, area) &&
          !ag_protocol_set_min_interval_weeks (protocol, area, weeks, error))
        return FALSE;
    }

  for (guint i = 0; i < ag_protocol_get_n_restrictions (protocol); i++)
    {
      const AgProtocolRestriction *restriction = ag_protocol_get_restriction (protocol, i);
      const AgProtocolRestriction *other = ag_protocol_find_restriction (source, restriction->kind);

      if (other == NULL || n_bands != ag_protocol_get_n_bands (source))
        continue;

      for (guint band = 0; band < n_bands; band++)
        {
          if (restriction->hours[band] != other->hours[band] &&
              !ag_protocol_set_restriction_hours (protocol, restriction->kind, band,
                                                  other->hours[band], error))
            return FALSE;
        }
    }

  for (guint i = 0; i < ag_protocol_get_n_tasks (protocol); i++)
    {
      const AgProtocolTask *task = ag_protocol_get_task (protocol, i);
      const AgProtocolTask *other = ag_protocol_find_task (source, task->id);

      if (other == NULL)
        continue;

      if ((task->first_day != other->first_day || task->last_day != other->last_day) &&
          !ag_protocol_set_task_days (protocol, task->id, other->first_day, other->last_day,
                                      error))
        return FALSE;

      if ((task->slots & other->slots & AG_SLOT_AFTER_SESSION) != 0 &&
          task->after_hours != other->after_hours &&
          !ag_protocol_set_task_after_hours (protocol, task->id, other->after_hours, error))
        return FALSE;

      if ((task->slots & other->slots & AG_SLOT_REPEAT) != 0 &&
          (task->repeat_from != other->repeat_from || task->repeat_until != other->repeat_until ||
           task->repeat_every != other->repeat_every) &&
          !ag_protocol_set_task_repeat (protocol, task->id, other->repeat_from,
                                        other->repeat_until, other->repeat_every, error))
        return FALSE;
    }

  for (guint i = 0; i < ag_protocol_get_n_preps (protocol); i++)
    {
      const AgProtocolPrep *prep = ag_protocol_get_prep (protocol, i);
      const AgProtocolPrep *other = ag_protocol_find_prep (source, prep->id);

      if (other != NULL && prep->days_before != other->days_before &&
          !ag_protocol_set_prep_days_before (protocol, prep->id, other->days_before, error))
        return FALSE;
    }

  return TRUE;
}
