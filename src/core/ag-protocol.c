/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-protocol.c: loads, checks, edits and saves aftercare protocol files (GKeyFile). */

#define G_LOG_DOMAIN "ag-protocol"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ag-error.h"
#include "ag-protocol.h"

/* A protocol is data only: numbers and texts. Nothing in it is a path, a command or a URL
 * that Afterglow follows, so a shared or edited file can at worst give wrong advice, which
 * the checks below keep within the ranges the reference sources give. */

struct _AgProtocol
{
  GObject parent_instance;

  /* owned */
  GKeyFile *keyfile;          /* the source of to_data(): keeps comments and translations */
  char *name;
  char *title;
  char *contact;
  GPtrArray *warnings;        /* char *, NULL-terminated */
  GPtrArray *bands;           /* AgProtocolBand * */
  GPtrArray *restrictions;    /* AgProtocolRestriction * */
  GPtrArray *tasks;           /* AgProtocolTask * */
  GPtrArray *preps;           /* AgProtocolPrep * */

  guint version;
  guint intervals[AG_N_AREAS];
};

G_DEFINE_FINAL_TYPE (AgProtocol, ag_protocol, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_TEXT_CHARS 2000
#define MAX_ID_CHARS 32

/* While loading: the file's name and where each group and key sits, for messages. */
typedef struct
{
  const char *name;
  GHashTable *lines;          /* "group" or "group\037key" → line number */
  GKeyFile *keyfile;
} LoadContext;

typedef struct
{
  const char *key;
  gboolean translatable;
} KnownKey;

static const KnownKey protocol_keys[] = {
  { "Version", FALSE }, { "Title", TRUE }, { "Contact", TRUE }, { NULL, FALSE },
};
static const KnownKey band_keys[] = {
  { "From", FALSE }, { "To", FALSE }, { NULL, FALSE },
};
static const KnownKey restriction_keys[] = {
  { "Title", TRUE }, { "Detail", TRUE }, { "Lifted", TRUE }, { "Category", FALSE },
  { "NoticeAtStart", FALSE }, { "Hours", FALSE }, { NULL, FALSE },
};
static const KnownKey task_keys[] = {
  { "Title", TRUE }, { "Detail", TRUE }, { "Category", FALSE }, { "FirstDay", FALSE },
  { "LastDay", FALSE }, { "Slot", FALSE }, { "AfterHours", FALSE }, { "RepeatFrom", FALSE },
  { "RepeatUntil", FALSE }, { "RepeatEvery", FALSE }, { NULL, FALSE },
};
static const KnownKey prep_keys[] = {
  { "Title", TRUE }, { "Detail", TRUE }, { "DaysBefore", FALSE }, { NULL, FALSE },
};
static const KnownKey warning_keys[] = {
  { "Text", TRUE }, { NULL, FALSE },
};
static const KnownKey interval_keys[] = {
  { "Face", FALSE }, { "Neck", FALSE }, { "Chest", FALSE }, { "Hands", FALSE },
  { "Scalp", FALSE }, { "Body", FALSE }, { NULL, FALSE },
};

/* Same order as AgArea. */
static const char * const interval_area_keys[AG_N_AREAS] = {
  "Face", "Neck", "Chest", "Hands", "Scalp", "Body",
};

static const char * const task_categories[] = { "sunscreen", "cleansing", "care", NULL };
static const char * const restriction_categories[] = { "exercise", "restrictions", NULL };

static void
band_free (AgProtocolBand *band)
{
  g_free (band->id);
  g_free (band);
}

static void
restriction_free (AgProtocolRestriction *restriction)
{
  g_free (restriction->kind);
  g_free (restriction->title);
  g_free (restriction->detail);
  g_free (restriction->lifted);
  g_free (restriction->category);
  g_free (restriction);
}

static void
task_free (AgProtocolTask *task)
{
  g_free (task->id);
  g_free (task->title);
  g_free (task->detail);
  g_free (task->category);
  g_free (task);
}

static void
prep_free (AgProtocolPrep *prep)
{
  g_free (prep->id);
  g_free (prep->title);
  g_free (prep->detail);
  g_free (prep);
}

/* The item of @items whose string member at @name_offset is @name, or %NULL. */
static gpointer
find_named (GPtrArray  *items,
            glong       name_offset,
            const char *name)
{
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (g_str_equal (G_STRUCT_MEMBER (const char *, item, name_offset), name))
        return item;
    }

  return NULL;
}

static char *
line_key (const char *group,
          const char *key)
{
  if (key == NULL)
    return g_strdup (group);
  return g_strconcat (group, "\037", key, NULL);
}

static guint
lookup_line (LoadContext *ctx,
             const char  *group,
             const char  *key)
{
  g_autofree char *lk = NULL;

  if (ctx == NULL || ctx->lines == NULL || group == NULL)
    return 0;

  lk = line_key (group, key);
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->lines, lk));
}

static void set_error_at (GError     **error,
                          const char  *name,
                          guint        line,
                          int          code,
                          const char  *format,
                          ...) G_GNUC_PRINTF (5, 6);

static void
set_error_at (GError     **error,
              const char  *name,
              guint        line,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: "default.protocol, line 12: Hours must be …" */
    g_set_error (error, AG_PROTOCOL_ERROR, code, _("%s, line %u: %s"), name, line, problem);
  else
    g_set_error (error, AG_PROTOCOL_ERROR, code, _("%s: %s"), name, problem);
}

static void set_error (GError      **error,
                       LoadContext  *ctx,
                       int           code,
                       const char   *group,
                       const char   *key,
                       const char   *format,
                       ...) G_GNUC_PRINTF (6, 7);

static void
set_error (GError      **error,
           LoadContext  *ctx,
           int           code,
           const char   *group,
           const char   *key,
           const char   *format,
           ...)
{
  g_autofree char *problem = NULL;
  guint line;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  line = lookup_line (ctx, group, key);
  if (line == 0 && key != NULL)
    line = lookup_line (ctx, group, NULL);

  set_error_at (error, ctx->name, line, code, "%s", problem);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

static gboolean
is_valid_id (const char *id)
{
  gsize n = strlen (id);

  if (n == 0 || n > MAX_ID_CHARS)
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
        return FALSE;
    }

  return TRUE;
}

/*
 * Walks the text once before GKeyFile sees it: GKeyFile keeps no line numbers and quietly
 * merges repeated groups or keys, and a patient should learn which line to fix.
 */
static gboolean
scan_lines (LoadContext  *ctx,
            const char   *data,
            gsize         len,
            GError      **error)
{
  g_autofree char *group = NULL;
  const char *p = data;
  const char *end = data + len;
  guint line = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      g_autofree char *text = g_strndup (p, line_end - p);
      char *stripped;

      line++;
      p = nl ? nl + 1 : end;
      stripped = g_strstrip (text);

      if (*stripped == '\0' || *stripped == '#')
        continue;

      if (*stripped == '[')
        {
          gsize n = strlen (stripped);

          if (n < 3 || stripped[n - 1] != ']')
            {
              set_error_at (error, ctx->name, line, AG_PROTOCOL_ERROR_PARSE,
                            _("“%s” is not a valid section header."), stripped);
              return FALSE;
            }

          g_free (group);
          group = g_strndup (stripped + 1, n - 2);

          if (g_hash_table_contains (ctx->lines, group))
            {
              set_error_at (error, ctx->name, line, AG_PROTOCOL_ERROR_PARSE,
                            _("The section [%s] appears twice."), group);
              return FALSE;
            }

          g_hash_table_insert (ctx->lines, g_strdup (group), GUINT_TO_POINTER (line));
        }
      else
        {
          const char *eq = strchr (stripped, '=');
          g_autofree char *key = NULL;
          g_autofree char *lk = NULL;

          if (eq == NULL)
            {
              set_error_at (error, ctx->name, line, AG_PROTOCOL_ERROR_PARSE,
                            _("This line is neither a section, a “Key=value” line nor a comment."));
              return FALSE;
            }

          if (group == NULL)
            {
              set_error_at (error, ctx->name, line, AG_PROTOCOL_ERROR_PARSE,
                            _("A value comes before the first section."));
              return FALSE;
            }

          key = g_strstrip (g_strndup (stripped, eq - stripped));
          lk = line_key (group, key);

          if (g_hash_table_contains (ctx->lines, lk))
            {
              set_error_at (error, ctx->name, line, AG_PROTOCOL_ERROR_PARSE,
                            _("The key “%s” appears twice in [%s]."), key, group);
              return FALSE;
            }

          g_hash_table_insert (ctx->lines, g_steal_pointer (&lk), GUINT_TO_POINTER (line));
        }
    }

  return TRUE;
}

static gboolean
check_keys (LoadContext     *ctx,
            const char      *group,
            const KnownKey  *known,
            GError         **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (ctx->keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *bracket = strchr (keys[i], '[');
      g_autofree char *base = bracket ? g_strndup (keys[i], bracket - keys[i]) : g_strdup (keys[i]);
      gboolean found = FALSE;

      for (guint k = 0; known[k].key != NULL; k++)
        {
          if (g_str_equal (known[k].key, base) && (bracket == NULL || known[k].translatable))
            {
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_UNKNOWN_KEY, group, keys[i],
                     _("Afterglow does not know the key “%s” in [%s]."), keys[i], group);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
require_key (LoadContext  *ctx,
             const char   *group,
             const char   *key,
             GError      **error)
{
  if (g_key_file_has_key (ctx->keyfile, group, key, NULL))
    return TRUE;

  set_error (error, ctx, AG_PROTOCOL_ERROR_MISSING_KEY, group, NULL,
             _("The section [%s] needs a “%s” key."), group, key);
  return FALSE;
}

static gboolean
read_text (LoadContext  *ctx,
           const char   *group,
           const char   *key,
           gboolean      required,
           char        **out,
           GError      **error)
{
  g_autofree char *value = NULL;

  if (!g_key_file_has_key (ctx->keyfile, group, key, NULL))
    {
      if (required)
        return require_key (ctx, group, key, error);
      *out = NULL;
      return TRUE;
    }

  /* An invalid escape (a backslash before a space) gives a value and an error at once,
   * and GLib 2.74's g_key_file_get_locale_string() then leaks that error: refuse it. */
  {
    g_autoptr(GError) local_error = NULL;

    g_free (g_key_file_get_string (ctx->keyfile, group, key, &local_error));
    if (local_error != NULL)
      {
        set_error (error, ctx, AG_PROTOCOL_ERROR_PARSE, group, key,
                   _("“%s” in [%s] has a backslash that is not followed by s, n, t, r "
                     "or another backslash."), key, group);
        return FALSE;
      }
  }

  value = g_key_file_get_locale_string (ctx->keyfile, group, key, NULL, NULL);
  if (value != NULL)
    g_strstrip (value);

  if (value == NULL || *value == '\0')
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, key,
                 _("“%s” in [%s] is empty."), key, group);
      return FALSE;
    }

  if (g_utf8_strlen (value, -1) > MAX_TEXT_CHARS)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, key,
                 _("“%s” in [%s] is longer than %u characters."), key, group, MAX_TEXT_CHARS);
      return FALSE;
    }

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            guint       min,
            guint       max,
            guint      *out)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
read_uint (LoadContext  *ctx,
           const char   *group,
           const char   *key,
           guint         min,
           guint         max,
           guint        *out,
           GError      **error)
{
  g_autofree char *value = NULL;

  if (!require_key (ctx, group, key, error))
    return FALSE;

  value = g_key_file_get_value (ctx->keyfile, group, key, NULL);
  g_strstrip (value);

  if (!parse_uint (value, min, max, out))
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, key,
                 _("“%s” must be a whole number from %u to %u, not “%s”."),
                 key, min, max, value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_depth (LoadContext  *ctx,
            const char   *group,
            const char   *key,
            double       *out,
            GError      **error)
{
  g_autofree char *value = NULL;
  char *end = NULL;
  double v;

  if (!require_key (ctx, group, key, error))
    return FALSE;

  value = g_key_file_get_value (ctx->keyfile, group, key, NULL);
  g_strstrip (value);
  v = g_ascii_strtod (value, &end);

  if (*value == '\0' || end == NULL || *end != '\0' || !isfinite (v) || v < 0.0 || v > 10.0)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, key,
                 _("“%s” must be a needle depth in millimetres from 0.0 to 10.0, not “%s”."),
                 key, value);
      return FALSE;
    }

  *out = v;
  return TRUE;
}

static gboolean
read_choice (LoadContext        *ctx,
             const char         *group,
             const char         *key,
             const char * const *choices,
             const char         *fallback,
             char              **out,
             GError            **error)
{
  g_autofree char *value = NULL;
  g_autofree char *list = NULL;

  if (!g_key_file_has_key (ctx->keyfile, group, key, NULL) && fallback != NULL)
    {
      *out = g_strdup (fallback);
      return TRUE;
    }

  if (!require_key (ctx, group, key, error))
    return FALSE;

  value = g_key_file_get_value (ctx->keyfile, group, key, NULL);
  g_strstrip (value);

  if (g_strv_contains (choices, value))
    {
      *out = g_steal_pointer (&value);
      return TRUE;
    }

  list = g_strjoinv (", ", (char **) choices);
  set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, key,
             _("“%s” must be one of %s, not “%s”."), key, list, value);
  return FALSE;
}

static gboolean
read_bool (LoadContext  *ctx,
           const char   *group,
           const char   *key,
           gboolean     *out,
           GError      **error)
{
  g_autofree char *value = NULL;

  *out = FALSE;
  if (!g_key_file_has_key (ctx->keyfile, group, key, NULL))
    return TRUE;

  value = g_key_file_get_value (ctx->keyfile, group, key, NULL);
  g_strstrip (value);

  if (g_str_equal (value, "true"))
    *out = TRUE;
  else if (!g_str_equal (value, "false"))
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, key,
                 _("“%s” must be “true” or “false”, not “%s”."), key, value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_count (LoadContext  *ctx,
             const char   *group,
             guint         count,
             GError      **error)
{
  if (count <= AG_PROTOCOL_MAX_ITEMS)
    return TRUE;

  set_error (error, ctx, AG_PROTOCOL_ERROR_TOO_LARGE, group, NULL,
             _("The protocol has more than %u sections of this kind."), AG_PROTOCOL_MAX_ITEMS);
  return FALSE;
}

static gboolean
load_protocol_group (AgProtocol   *self,
                     LoadContext  *ctx,
                     GError      **error)
{
  const char *group = "Protocol";

  if (!g_key_file_has_group (ctx->keyfile, group))
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_MISSING_KEY, NULL, NULL,
                 _("The file has no [Protocol] section; it is not an aftercare protocol."));
      return FALSE;
    }

  if (!check_keys (ctx, group, protocol_keys, error) ||
      !read_uint (ctx, group, "Version", 1, G_MAXUINT, &self->version, error))
    return FALSE;

  if (self->version > AG_PROTOCOL_VERSION)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "Version",
                 _("This protocol was written for a newer version of Afterglow (format %u)."),
                 self->version);
      return FALSE;
    }

  return read_text (ctx, group, "Title", TRUE, &self->title, error) &&
         read_text (ctx, group, "Contact", TRUE, &self->contact, error);
}

static gboolean
load_intervals (AgProtocol   *self,
                LoadContext  *ctx,
                GError      **error)
{
  const char *group = "Intervals";

  if (!g_key_file_has_group (ctx->keyfile, group))
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_MISSING_KEY, NULL, NULL,
                 _("The file has no [Intervals] section with the weeks between sessions."));
      return FALSE;
    }

  if (!check_keys (ctx, group, interval_keys, error))
    return FALSE;

  for (guint area = 0; area < AG_N_AREAS; area++)
    {
      if (!read_uint (ctx, group, interval_area_keys[area], 1, AG_PROTOCOL_MAX_WEEKS,
                      &self->intervals[area], error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_bands (gconstpointer a,
               gconstpointer b)
{
  const AgProtocolBand *ba = *(AgProtocolBand * const *) a;
  const AgProtocolBand *bb = *(AgProtocolBand * const *) b;

  return (ba->from_mm > bb->from_mm) - (ba->from_mm < bb->from_mm);
}

#define DEPTH_EPSILON 1e-6

static gboolean
check_bands (AgProtocol   *self,
             LoadContext  *ctx,
             GError      **error)
{
  AgProtocolBand *first;
  AgProtocolBand *last;
  g_autofree char *first_group = NULL;
  g_autofree char *last_group = NULL;

  if (self->bands->len == 0)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_MISSING_KEY, NULL, NULL,
                 _("The protocol has no needle-depth [Band …] sections."));
      return FALSE;
    }

  if (self->bands->len > AG_PROTOCOL_MAX_BANDS)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_TOO_LARGE, NULL, NULL,
                 _("The protocol has more than %u needle-depth bands."), AG_PROTOCOL_MAX_BANDS);
      return FALSE;
    }

  g_ptr_array_sort (self->bands, compare_bands);

  for (guint i = 0; i < self->bands->len; i++)
    {
      AgProtocolBand *band = g_ptr_array_index (self->bands, i);
      g_autofree char *group = g_strconcat ("Band ", band->id, NULL);

      if (band->to_mm <= band->from_mm + DEPTH_EPSILON)
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, group, "To",
                     _("The band “%s” must end deeper than it starts."), band->id);
          return FALSE;
        }

      if (i > 0)
        {
          AgProtocolBand *prev = g_ptr_array_index (self->bands, i - 1);

          if (band->from_mm < prev->to_mm - DEPTH_EPSILON)
            {
              set_error (error, ctx, AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, group, "From",
                         _("The needle-depth bands “%s” and “%s” overlap between %.2f and %.2f mm."),
                         prev->id, band->id, band->from_mm, MIN (prev->to_mm, band->to_mm));
              return FALSE;
            }
          if (band->from_mm > prev->to_mm + DEPTH_EPSILON)
            {
              set_error (error, ctx, AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, group, "From",
                         _("The needle-depth bands leave a gap between %.2f and %.2f mm."),
                         prev->to_mm, band->from_mm);
              return FALSE;
            }
        }
    }

  first = g_ptr_array_index (self->bands, 0);
  last = g_ptr_array_index (self->bands, self->bands->len - 1);
  first_group = g_strconcat ("Band ", first->id, NULL);
  last_group = g_strconcat ("Band ", last->id, NULL);

  if (first->from_mm > AG_DEPTH_MIN_MM + DEPTH_EPSILON)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, first_group, "From",
                 _("The needle-depth bands must start at %.1f mm; they leave a gap below %.2f mm."),
                 AG_DEPTH_MIN_MM, first->from_mm);
      return FALSE;
    }

  if (last->to_mm < AG_DEPTH_MAX_MM - DEPTH_EPSILON)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, last_group, "To",
                 _("The needle-depth bands must reach %.1f mm; they leave a gap above %.2f mm."),
                 AG_DEPTH_MAX_MM, last->to_mm);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_band (AgProtocol   *self,
           LoadContext  *ctx,
           const char   *group,
           const char   *id,
           GError      **error)
{
  AgProtocolBand *band;

  if (!check_keys (ctx, group, band_keys, error))
    return FALSE;

  band = g_new0 (AgProtocolBand, 1);
  band->id = g_strdup (id);
  g_ptr_array_add (self->bands, band);

  return read_depth (ctx, group, "From", &band->from_mm, error) &&
         read_depth (ctx, group, "To", &band->to_mm, error);
}

static gboolean
load_restriction (AgProtocol   *self,
                  LoadContext  *ctx,
                  const char   *group,
                  const char   *kind,
                  GError      **error)
{
  AgProtocolRestriction *restriction;
  g_auto(GStrv) hours = NULL;
  gsize n_hours = 0;

  if (!check_keys (ctx, group, restriction_keys, error))
    return FALSE;

  restriction = g_new0 (AgProtocolRestriction, 1);
  restriction->kind = g_strdup (kind);
  g_ptr_array_add (self->restrictions, restriction);

  if (!read_text (ctx, group, "Title", TRUE, &restriction->title, error) ||
      !read_text (ctx, group, "Detail", FALSE, &restriction->detail, error) ||
      !read_text (ctx, group, "Lifted", TRUE, &restriction->lifted, error) ||
      !read_choice (ctx, group, "Category", restriction_categories, "restrictions",
                    &restriction->category, error) ||
      !read_bool (ctx, group, "NoticeAtStart", &restriction->notice_at_start, error) ||
      !require_key (ctx, group, "Hours", error))
    return FALSE;

  hours = g_key_file_get_string_list (ctx->keyfile, group, "Hours", &n_hours, NULL);
  if (n_hours != self->bands->len)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "Hours",
                 _("“Hours” must give one value per needle-depth band: %u values, not %u."),
                 self->bands->len, (guint) n_hours);
      return FALSE;
    }

  for (guint i = 0; i < n_hours; i++)
    {
      g_strstrip (hours[i]);
      if (!parse_uint (hours[i], 0, AG_PROTOCOL_MAX_HOURS, &restriction->hours[i]))
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "Hours",
                     _("“Hours” must be whole numbers of hours from 0 to %u, not “%s”."),
                     AG_PROTOCOL_MAX_HOURS, hours[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_slots (LoadContext  *ctx,
            const char   *group,
            AgSlot       *slots,
            GError      **error)
{
  g_auto(GStrv) names = NULL;
  gsize n = 0;

  *slots = 0;
  if (!require_key (ctx, group, "Slot", error))
    return FALSE;

  names = g_key_file_get_string_list (ctx->keyfile, group, "Slot", &n, NULL);

  for (guint i = 0; i < n; i++)
    {
      AgSlot slot;

      g_strstrip (names[i]);
      if (g_str_equal (names[i], "morning"))
        slot = AG_SLOT_MORNING;
      else if (g_str_equal (names[i], "evening"))
        slot = AG_SLOT_EVENING;
      else if (g_str_equal (names[i], "after-session"))
        slot = AG_SLOT_AFTER_SESSION;
      else if (g_str_equal (names[i], "repeat"))
        slot = AG_SLOT_REPEAT;
      else
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "Slot",
                     _("“%s” is not a time of day Afterglow knows; use morning, evening, "
                       "after-session or repeat."), names[i]);
          return FALSE;
        }

      if (*slots & slot)
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "Slot",
                     _("“%s” is listed twice in “Slot”."), names[i]);
          return FALSE;
        }
      *slots |= slot;
    }

  if (*slots == 0)
    {
      set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "Slot",
                 _("“Slot” must name at least one time of day."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_task (AgProtocol   *self,
           LoadContext  *ctx,
           const char   *group,
           const char   *id,
           GError      **error)
{
  AgProtocolTask *task;

  if (!check_keys (ctx, group, task_keys, error))
    return FALSE;

  task = g_new0 (AgProtocolTask, 1);
  task->id = g_strdup (id);
  g_ptr_array_add (self->tasks, task);

  if (!read_text (ctx, group, "Title", TRUE, &task->title, error) ||
      !read_text (ctx, group, "Detail", TRUE, &task->detail, error) ||
      !read_choice (ctx, group, "Category", task_categories, NULL, &task->category, error) ||
      !read_uint (ctx, group, "FirstDay", 0, AG_PROTOCOL_MAX_DAY, &task->first_day, error) ||
      !read_uint (ctx, group, "LastDay", task->first_day, AG_PROTOCOL_MAX_DAY,
                  &task->last_day, error) ||
      !load_slots (ctx, group, &task->slots, error))
    return FALSE;

  if ((task->slots & AG_SLOT_AFTER_SESSION) != 0)
    {
      if (task->first_day != 0)
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_OUT_OF_RANGE, group, "FirstDay",
                     _("A task done after the session must start on day 0."));
          return FALSE;
        }
      if (!read_uint (ctx, group, "AfterHours", 0, 23, &task->after_hours, error))
        return FALSE;
    }

  if ((task->slots & AG_SLOT_REPEAT) != 0)
    {
      if (!read_uint (ctx, group, "RepeatFrom", 0, 23, &task->repeat_from, error) ||
          !read_uint (ctx, group, "RepeatUntil", task->repeat_from, 23,
                      &task->repeat_until, error) ||
          !read_uint (ctx, group, "RepeatEvery", 1, 12, &task->repeat_every, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_prep (AgProtocol   *self,
           LoadContext  *ctx,
           const char   *group,
           const char   *id,
           GError      **error)
{
  AgProtocolPrep *prep;

  if (!check_keys (ctx, group, prep_keys, error))
    return FALSE;

  prep = g_new0 (AgProtocolPrep, 1);
  prep->id = g_strdup (id);
  g_ptr_array_add (self->preps, prep);

  return read_text (ctx, group, "Title", TRUE, &prep->title, error) &&
         read_text (ctx, group, "Detail", TRUE, &prep->detail, error) &&
         read_uint (ctx, group, "DaysBefore", 0, AG_PROTOCOL_MAX_DAYS_BEFORE,
                    &prep->days_before, error);
}

static gboolean
load_warning (AgProtocol   *self,
              LoadContext  *ctx,
              const char   *group,
              GError      **error)
{
  char *text = NULL;

  if (!check_keys (ctx, group, warning_keys, error) ||
      !read_text (ctx, group, "Text", TRUE, &text, error))
    return FALSE;

  g_ptr_array_insert (self->warnings, self->warnings->len - 1, text);
  return TRUE;
}

static gboolean
check_id (LoadContext  *ctx,
          const char   *group,
          const char   *id,
          GError      **error)
{
  if (is_valid_id (id))
    return TRUE;

  set_error (error, ctx, AG_PROTOCOL_ERROR_PARSE, group, NULL,
             _("“%s” is not a valid name: use 1 to %u lowercase letters, digits and dashes."),
             id, MAX_ID_CHARS);
  return FALSE;
}

static gboolean
split_group (const char  *group,
             const char  *prefix,
             const char **id)
{
  gsize n = strlen (prefix);

  if (strncmp (group, prefix, n) != 0 || group[n] != ' ')
    return FALSE;

  *id = group + n + 1;
  return TRUE;
}

static gboolean
load_groups (AgProtocol   *self,
             LoadContext  *ctx,
             GError      **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (ctx->keyfile, NULL);
  g_autoptr(GHashTable) item_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (!load_protocol_group (self, ctx, error) || !load_intervals (self, ctx, error))
    return FALSE;

  /* Bands first: restrictions give one value per band, wherever the bands are written. */
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *id;

      if (!split_group (groups[i], "Band", &id))
        continue;
      if (!check_id (ctx, groups[i], id, error))
        return FALSE;
      if (!load_band (self, ctx, groups[i], id, error))
        return FALSE;
    }

  if (!check_bands (self, ctx, error))
    return FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      const char *id = NULL;

      if (g_str_equal (group, "Protocol") || g_str_equal (group, "Intervals") ||
          split_group (group, "Band", &id))
        continue;

      if (split_group (group, "Restriction", &id))
        {
          if (!check_id (ctx, group, id, error))
            return FALSE;
          if (ag_protocol_find_restriction (self, id) != NULL)
            goto duplicate_id;
          if (!check_count (ctx, group, self->restrictions->len + 1, error) ||
              !load_restriction (self, ctx, group, id, error))
            return FALSE;
        }
      else if (split_group (group, "Task", &id) || split_group (group, "Preparation", &id))
        {
          gboolean is_task = g_str_has_prefix (group, "Task");

          if (!check_id (ctx, group, id, error))
            return FALSE;
          /* Task and preparation ids share the checklist's keys, so they share one namespace. */
          if (!g_hash_table_add (item_ids, (gpointer) id))
            goto duplicate_id;
          if (!check_count (ctx, group, self->tasks->len + self->preps->len + 1, error))
            return FALSE;
          if (is_task ? !load_task (self, ctx, group, id, error)
                      : !load_prep (self, ctx, group, id, error))
            return FALSE;
        }
      else if (split_group (group, "Warning", &id))
        {
          if (!check_id (ctx, group, id, error))
            return FALSE;
          if (!check_count (ctx, group, self->warnings->len, error) ||
              !load_warning (self, ctx, group, error))
            return FALSE;
        }
      else
        {
          set_error (error, ctx, AG_PROTOCOL_ERROR_UNKNOWN_KEY, group, NULL,
                     _("Afterglow does not know the section [%s]."), group);
          return FALSE;
        }

      continue;

    duplicate_id:
      set_error (error, ctx, AG_PROTOCOL_ERROR_PARSE, group, NULL,
                 _("The name “%s” is used by two sections."), id);
      return FALSE;
    }

  return TRUE;
}

static void
ag_protocol_finalize (GObject *object)
{
  AgProtocol *self = (AgProtocol *)object;

  g_clear_pointer (&self->keyfile, g_key_file_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  g_clear_pointer (&self->restrictions, g_ptr_array_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->preps, g_ptr_array_unref);

  G_OBJECT_CLASS (ag_protocol_parent_class)->finalize (object);
}

static void
ag_protocol_class_init (AgProtocolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_protocol_finalize;

  /**
   * AgProtocol::changed:
   *
   * A value was edited through one of the setters.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ag_protocol_init (AgProtocol *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  self->bands = g_ptr_array_new_with_free_func ((GDestroyNotify) band_free);
  self->restrictions = g_ptr_array_new_with_free_func ((GDestroyNotify) restriction_free);
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  self->preps = g_ptr_array_new_with_free_func ((GDestroyNotify) prep_free);
}

/* @data's text with the carriage returns that end its lines (before a line feed or the end)
 * left out. */
static GString *
without_line_end_returns (const char *data,
                          gsize       len)
{
  GString *text = g_string_sized_new (len);
  gsize returns = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\r')
        {
          returns++;
          continue;
        }
      if (data[i] != '\n')
        while (returns > 0)
          {
            g_string_append_c (text, '\r');
            returns--;
          }
      returns = 0;
      g_string_append_c (text, data[i]);
    }

  return text;
}

/**
 * ag_protocol_new_from_data:
 * @data: the text of a protocol file
 * @len: its length in bytes
 * @name: the file name to use in error messages
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Parses and checks a protocol. A file with any problem is refused as a whole.
 *
 * Returns: (transfer full) (nullable): the protocol, or %NULL with @error set
 */
AgProtocol *
ag_protocol_new_from_data (const char  *data,
                           gsize        len,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(AgProtocol) self = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) unix_data = NULL;
  const char *invalid = NULL;
  LoadContext ctx = { 0 };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = _("Protocol");

  if (len > AG_PROTOCOL_MAX_SIZE)
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_TOO_LARGE,
                    _("The file is larger than %u KiB, far more than any protocol needs."),
                    AG_PROTOCOL_MAX_SIZE / 1024);
      return NULL;
    }

  if (!g_utf8_validate (data, len, &invalid))
    {
      set_error_at (error, name, line_of_offset (data, invalid - data), AG_PROTOCOL_ERROR_PARSE,
                    _("The text is not valid UTF-8; save the file as UTF-8 text."));
      return NULL;
    }

  lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.name = name;
  ctx.lines = lines;

  if (!scan_lines (&ctx, data, len, error))
    return NULL;

  self = g_object_new (AG_TYPE_PROTOCOL, NULL);
  self->name = g_strdup (name);
  self->keyfile = g_key_file_new ();
  g_key_file_set_list_separator (self->keyfile, ';');

  /* GKeyFile drops one carriage return at the end of a line and keeps any others, so a file
   * saved with "\r\r\n" endings would change each time it is read and written again. */
  unix_data = without_line_end_returns (data, len);
  if (!g_key_file_load_from_data (self->keyfile, unix_data->str, unix_data->len,
                                  G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_PARSE,
                    _("The file is not a valid protocol file: %s"), local_error->message);
      return NULL;
    }

  ctx.keyfile = self->keyfile;
  if (!load_groups (self, &ctx, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ag_protocol_new_from_file:
 * @file: a protocol file
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Loads a protocol file. Files larger than %AG_PROTOCOL_MAX_SIZE are refused without
 * being read.
 *
 * Returns: (transfer full) (nullable): the protocol, or %NULL with @error set
 */
AgProtocol *
ag_protocol_new_from_file (GFile   *file,
                           GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  gsize n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_NOT_FOUND,
                    _("The protocol file cannot be read: %s"), local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_NOT_FOUND,
                    _("This is not a regular file."));
      return NULL;
    }

  if (g_file_info_get_size (info) > AG_PROTOCOL_MAX_SIZE)
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_TOO_LARGE,
                    _("The file is larger than %u KiB, far more than any protocol needs."),
                    AG_PROTOCOL_MAX_SIZE / 1024);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_NOT_FOUND,
                    _("The protocol file cannot be read: %s"), local_error->message);
      return NULL;
    }

  /* One byte more than allowed: the file may have grown since the size was asked. */
  buffer = g_malloc (AG_PROTOCOL_MAX_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, AG_PROTOCOL_MAX_SIZE + 1,
                                &n_read, NULL, &local_error))
    {
      set_error_at (error, name, 0, AG_PROTOCOL_ERROR_NOT_FOUND,
                    _("The protocol file cannot be read: %s"), local_error->message);
      return NULL;
    }

  return ag_protocol_new_from_data (buffer, n_read, name, error);
}

/**
 * ag_protocol_load_default:
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Loads the protocol Afterglow ships: `$AFTERGLOW_PROTOCOL_DIR/default.protocol` when that
 * variable is set (tests, running from the build tree), otherwise the installed one.
 *
 * Returns: (transfer full) (nullable): the protocol, or %NULL with @error set
 */
AgProtocol *
ag_protocol_load_default (GError **error)
{
  const char *dir = g_getenv ("AFTERGLOW_PROTOCOL_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (dir != NULL && *dir != '\0')
    path = g_build_filename (dir, "default.protocol", NULL);
  else
    path = g_build_filename (PKGDATADIR, "protocols", "default.protocol", NULL);

  file = g_file_new_for_path (path);
  return ag_protocol_new_from_file (file, error);
}

/**
 * ag_protocol_to_data:
 * @self: a protocol
 * @len: (out) (optional): the length of the text
 *
 * Writes the protocol, with its edits, comments and translations, so that loading the
 * text gives the same protocol again.
 *
 * Returns: (transfer full): the text of a protocol file
 */
char *
ag_protocol_to_data (AgProtocol *self,
                     gsize      *len)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);

  return g_key_file_to_data (self->keyfile, len, NULL);
}

const char *
ag_protocol_get_name (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  return self->name;
}

const char *
ag_protocol_get_title (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  return self->title;
}

guint
ag_protocol_get_version (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);
  return self->version;
}

/**
 * ag_protocol_get_contact_text:
 *
 * Returns: the translated advice on when and how to contact the clinic
 */
const char *
ag_protocol_get_contact_text (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  return self->contact;
}

/**
 * ag_protocol_get_warning_signs:
 *
 * Returns: (transfer none) (array zero-terminated=1): the translated warning signs
 */
const char * const *
ag_protocol_get_warning_signs (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

guint
ag_protocol_get_n_bands (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);
  return self->bands->len;
}

/**
 * ag_protocol_get_band:
 * @index: from 0, shallowest first
 *
 * Returns: (transfer none): the band
 */
const AgProtocolBand *
ag_protocol_get_band (AgProtocol *self,
                      guint       index)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);
  return g_ptr_array_index (self->bands, index);
}

/**
 * ag_protocol_get_band_for_depth:
 * @depth_mm: a needle depth; values outside the bands fall into the nearest one
 *
 * Returns: the index of the band the depth falls in
 */
guint
ag_protocol_get_band_for_depth (AgProtocol *self,
                                double      depth_mm)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);

  for (guint i = 0; i < self->bands->len; i++)
    {
      const AgProtocolBand *band = g_ptr_array_index (self->bands, i);

      if (depth_mm <= band->to_mm + DEPTH_EPSILON)
        return i;
    }

  return self->bands->len - 1;
}

guint
ag_protocol_get_n_restrictions (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);
  return self->restrictions->len;
}

/**
 * ag_protocol_get_restriction:
 * @index: from 0, in the order of the file
 *
 * Returns: (transfer none): the restriction
 */
const AgProtocolRestriction *
ag_protocol_get_restriction (AgProtocol *self,
                             guint       index)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (index < self->restrictions->len, NULL);
  return g_ptr_array_index (self->restrictions, index);
}

/**
 * ag_protocol_find_restriction:
 * @kind: a restriction kind, such as "exercise"
 *
 * Returns: (transfer none) (nullable): the restriction, or %NULL
 */
const AgProtocolRestriction *
ag_protocol_find_restriction (AgProtocol *self,
                              const char *kind)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return find_named (self->restrictions, G_STRUCT_OFFSET (AgProtocolRestriction, kind), kind);
}

/**
 * ag_protocol_get_restriction_hours:
 * @kind: a restriction kind
 * @depth_mm: the needle depth of the session
 *
 * Returns: how many real hours the restriction lasts after a session, 0 if unknown
 */
guint
ag_protocol_get_restriction_hours (AgProtocol *self,
                                   const char *kind,
                                   double      depth_mm)
{
  const AgProtocolRestriction *restriction;

  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);

  restriction = ag_protocol_find_restriction (self, kind);
  if (restriction == NULL)
    return 0;

  return restriction->hours[ag_protocol_get_band_for_depth (self, depth_mm)];
}

guint
ag_protocol_get_n_tasks (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);
  return self->tasks->len;
}

/**
 * ag_protocol_get_task:
 * @index: from 0, in the order of the file
 *
 * Returns: (transfer none): the task
 */
const AgProtocolTask *
ag_protocol_get_task (AgProtocol *self,
                      guint       index)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (index < self->tasks->len, NULL);
  return g_ptr_array_index (self->tasks, index);
}

/**
 * ag_protocol_find_task:
 * @id: a task id, such as "cleanse"
 *
 * Returns: (transfer none) (nullable): the task, or %NULL
 */
const AgProtocolTask *
ag_protocol_find_task (AgProtocol *self,
                       const char *id)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_named (self->tasks, G_STRUCT_OFFSET (AgProtocolTask, id), id);
}

guint
ag_protocol_get_n_preps (AgProtocol *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);
  return self->preps->len;
}

/**
 * ag_protocol_get_prep:
 * @index: from 0, in the order of the file
 *
 * Returns: (transfer none): the preparation step
 */
const AgProtocolPrep *
ag_protocol_get_prep (AgProtocol *self,
                      guint       index)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (index < self->preps->len, NULL);
  return g_ptr_array_index (self->preps, index);
}

/**
 * ag_protocol_find_prep:
 * @id: a preparation id, such as "stop-actives"
 *
 * Returns: (transfer none) (nullable): the preparation step, or %NULL
 */
const AgProtocolPrep *
ag_protocol_find_prep (AgProtocol *self,
                       const char *id)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_named (self->preps, G_STRUCT_OFFSET (AgProtocolPrep, id), id);
}

/**
 * ag_protocol_get_min_interval_weeks:
 * @area: a treatment area
 *
 * Returns: the fewest weeks the protocol allows between two sessions on @area
 */
guint
ag_protocol_get_min_interval_weeks (AgProtocol *self,
                                    AgArea      area)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), 0);
  g_return_val_if_fail (area < AG_N_AREAS, 0);
  return self->intervals[area];
}

static gboolean
check_setter_range (guint        value,
                    guint        min,
                    guint        max,
                    GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;

  g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
               _("The value must be from %u to %u, not %u."), min, max, value);
  return FALSE;
}

static void
set_unknown_error (GError     **error,
                   const char  *id)
{
  g_set_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_UNKNOWN_KEY,
               _("“%s” is not part of this protocol."), id);
}

static void
emit_changed (AgProtocol *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ag_protocol_set_restriction_hours:
 * @kind: a restriction kind
 * @band: a band index
 * @hours: real hours after the session ends
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Returns: %TRUE if the value was valid and stored
 */
gboolean
ag_protocol_set_restriction_hours (AgProtocol  *self,
                                   const char  *kind,
                                   guint        band,
                                   guint        hours,
                                   GError     **error)
{
  AgProtocolRestriction *restriction;
  g_autofree char *group = NULL;
  int values[AG_PROTOCOL_MAX_BANDS];

  g_return_val_if_fail (AG_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  restriction = (AgProtocolRestriction *) ag_protocol_find_restriction (self, kind);
  if (restriction == NULL || band >= self->bands->len)
    {
      set_unknown_error (error, kind);
      return FALSE;
    }

  if (!check_setter_range (hours, 0, AG_PROTOCOL_MAX_HOURS, error))
    return FALSE;

  restriction->hours[band] = hours;
  for (guint i = 0; i < self->bands->len; i++)
    values[i] = restriction->hours[i];

  group = g_strconcat ("Restriction ", kind, NULL);
  g_key_file_set_integer_list (self->keyfile, group, "Hours", values, self->bands->len);
  emit_changed (self);

  return TRUE;
}

/**
 * ag_protocol_set_task_days:
 * @id: a task id
 * @first_day: first day, 0 being the day the session ends
 * @last_day: last day, inclusive
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Returns: %TRUE if the values were valid and stored
 */
gboolean
ag_protocol_set_task_days (AgProtocol  *self,
                           const char  *id,
                           guint        first_day,
                           guint        last_day,
                           GError     **error)
{
  AgProtocolTask *task;
  g_autofree char *group = NULL;

  g_return_val_if_fail (AG_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  task = (AgProtocolTask *) ag_protocol_find_task (self, id);
  if (task == NULL)
    {
      set_unknown_error (error, id);
      return FALSE;
    }

  if (!check_setter_range (first_day, 0, (task->slots & AG_SLOT_AFTER_SESSION) ? 0 : AG_PROTOCOL_MAX_DAY,
                           error) ||
      !check_setter_range (last_day, first_day, AG_PROTOCOL_MAX_DAY, error))
    return FALSE;

  task->first_day = first_day;
  task->last_day = last_day;
  group = g_strconcat ("Task ", id, NULL);
  g_key_file_set_integer (self->keyfile, group, "FirstDay", first_day);
  g_key_file_set_integer (self->keyfile, group, "LastDay", last_day);
  emit_changed (self);

  return TRUE;
}

/**
 * ag_protocol_set_task_after_hours:
 * @id: the id of a task done after the session
 * @hours: hours after the session ends
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Returns: %TRUE if the value was valid and stored
 */
gboolean
ag_protocol_set_task_after_hours (AgProtocol  *self,
                                  const char  *id,
                                  guint        hours,
                                  GError     **error)
{
  AgProtocolTask *task;
  g_autofree char *group = NULL;

  g_return_val_if_fail (AG_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  task = (AgProtocolTask *) ag_protocol_find_task (self, id);
  if (task == NULL || (task->slots & AG_SLOT_AFTER_SESSION) == 0)
    {
      set_unknown_error (error, id);
      return FALSE;
    }

  if (!check_setter_range (hours, 0, 23, error))
    return FALSE;

  task->after_hours = hours;
  group = g_strconcat ("Task ", id, NULL);
  g_key_file_set_integer (self->keyfile, group, "AfterHours", hours);
  emit_changed (self);

  return TRUE;
}

/**
 * ag_protocol_set_task_repeat:
 * @id: the id of a repeated task
 * @from_hour: first local hour
 * @until_hour: last local hour, inclusive
 * @every_hours: hours between two times
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Returns: %TRUE if the values were valid and stored
 */
gboolean
ag_protocol_set_task_repeat (AgProtocol  *self,
                             const char  *id,
                             guint        from_hour,
                             guint        until_hour,
                             guint        every_hours,
                             GError     **error)
{
  AgProtocolTask *task;
  g_autofree char *group = NULL;

  g_return_val_if_fail (AG_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  task = (AgProtocolTask *) ag_protocol_find_task (self, id);
  if (task == NULL || (task->slots & AG_SLOT_REPEAT) == 0)
    {
      set_unknown_error (error, id);
      return FALSE;
    }

  if (!check_setter_range (from_hour, 0, 23, error) ||
      !check_setter_range (until_hour, from_hour, 23, error) ||
      !check_setter_range (every_hours, 1, 12, error))
    return FALSE;

  task->repeat_from = from_hour;
  task->repeat_until = until_hour;
  task->repeat_every = every_hours;
  group = g_strconcat ("Task ", id, NULL);
  g_key_file_set_integer (self->keyfile, group, "RepeatFrom", from_hour);
  g_key_file_set_integer (self->keyfile, group, "RepeatUntil", until_hour);
  g_key_file_set_integer (self->keyfile, group, "RepeatEvery", every_hours);
  emit_changed (self);

  return TRUE;
}

/**
 * ag_protocol_set_prep_days_before:
 * @id: a preparation id
 * @days: local calendar days before the session day
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Returns: %TRUE if the value was valid and stored
 */
gboolean
ag_protocol_set_prep_days_before (AgProtocol  *self,
                                  const char  *id,
                                  guint        days,
                                  GError     **error)
{
  AgProtocolPrep *prep;
  g_autofree char *group = NULL;

  g_return_val_if_fail (AG_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  prep = (AgProtocolPrep *) ag_protocol_find_prep (self, id);
  if (prep == NULL)
    {
      set_unknown_error (error, id);
      return FALSE;
    }

  if (!check_setter_range (days, 0, AG_PROTOCOL_MAX_DAYS_BEFORE, error))
    return FALSE;

  prep->days_before = days;
  group = g_strconcat ("Preparation ", id, NULL);
  g_key_file_set_integer (self->keyfile, group, "DaysBefore", days);
  emit_changed (self);

  return TRUE;
}

/**
 * ag_protocol_set_min_interval_weeks:
 * @area: a treatment area
 * @weeks: the fewest weeks between two sessions on @area
 * @error: return location for an #AG_PROTOCOL_ERROR
 *
 * Returns: %TRUE if the value was valid and stored
 */
gboolean
ag_protocol_set_min_interval_weeks (AgProtocol  *self,
                                    AgArea       area,
                                    guint        weeks,
                                    GError     **error)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (self), FALSE);
  g_return_val_if_fail (area < AG_N_AREAS, FALSE);

  if (!check_setter_range (weeks, 1, AG_PROTOCOL_MAX_WEEKS, error))
    return FALSE;

  self->intervals[area] = weeks;
  g_key_file_set_integer (self->keyfile, "Intervals", interval_area_keys[area], weeks);
  emit_changed (self);

  return TRUE;
}
