/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-restriction.c: a window of real time after a session in which something is not allowed. */

#define G_LOG_DOMAIN "ag-restriction"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ag-restriction.h"

struct _AgRestriction
{
  GObject parent_instance;

  /* owned */
  char *kind;
  char *title;
  char *detail;
  char *lifted;
  char *category;
  GDateTime *starts;
  GDateTime *ends;
  GArray *session_ids;
  GArray *treatment_ids;

  gint64 session_id;
  gint64 treatment_id;
};

G_DEFINE_FINAL_TYPE (AgRestriction, ag_restriction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_LIFTED,
  PROP_CATEGORY,
  PROP_STARTS,
  PROP_ENDS,
  PROP_SESSION_ID,
  PROP_TREATMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_unique (GArray *array,
            gint64  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == value)
      return;

  g_array_append_val (array, value);
}

static void
ag_restriction_finalize (GObject *object)
{
  AgRestriction *self = (AgRestriction *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->lifted, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->starts, g_date_time_unref);
  g_clear_pointer (&self->ends, g_date_time_unref);
  g_clear_pointer (&self->session_ids, g_array_unref);
  g_clear_pointer (&self->treatment_ids, g_array_unref);

  G_OBJECT_CLASS (ag_restriction_parent_class)->finalize (object);
}

static void
ag_restriction_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AgRestriction *self = AG_RESTRICTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_LIFTED:
      g_value_set_string (value, self->lifted);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_STARTS:
      g_value_set_boxed (value, self->starts);
      break;
    case PROP_ENDS:
      g_value_set_boxed (value, self->ends);
      break;
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_TREATMENT_ID:
      g_value_set_int64 (value, self->treatment_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_restriction_class_init (AgRestrictionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ag_restriction_finalize;
  object_class->get_property = ag_restriction_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, ro);
  properties[PROP_LIFTED] = g_param_spec_string ("lifted", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, ro);
  properties[PROP_STARTS] = g_param_spec_boxed ("starts", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ENDS] = g_param_spec_boxed ("ends", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_TREATMENT_ID] =
    g_param_spec_int64 ("treatment-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_restriction_init (AgRestriction *self)
{
  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->treatment_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * ag_restriction_new:
 * @kind: the protocol's restriction kind ("exercise")
 * @title: translated title ("No workouts or sweating")
 * @detail: (nullable): translated reason
 * @lifted: translated text for when it ends ("You can exercise again")
 * @category: the reminder category ("exercise" or "restrictions")
 * @starts: the instant it starts
 * @ends: the instant it ends (exclusive)
 * @session_id: the session whose window ends last
 * @treatment_id: that session's treatment
 *
 * Returns: (transfer full): a new restriction
 */
AgRestriction *
ag_restriction_new (const char *kind,
                    const char *title,
                    const char *detail,
                    const char *lifted,
                    const char *category,
                    GDateTime  *starts,
                    GDateTime  *ends,
                    gint64      session_id,
                    gint64      treatment_id)
{
  AgRestriction *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (starts != NULL && ends != NULL, NULL);

  self = g_object_new (AG_TYPE_RESTRICTION, NULL);
  self->kind = g_strdup (kind);
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  self->lifted = g_strdup (lifted);
  self->category = g_strdup (category);
  self->starts = g_date_time_ref (starts);
  self->ends = g_date_time_ref (ends);
  self->session_id = session_id;
  self->treatment_id = treatment_id;
  add_unique (self->session_ids, session_id);
  add_unique (self->treatment_ids, treatment_id);

  return self;
}

/**
 * ag_restriction_add_source:
 * @session_id: one more session whose window was merged in
 * @treatment_id: that session's treatment
 */
void
ag_restriction_add_source (AgRestriction *self,
                           gint64         session_id,
                           gint64         treatment_id)
{
  g_return_if_fail (AG_IS_RESTRICTION (self));

  add_unique (self->session_ids, session_id);
  add_unique (self->treatment_ids, treatment_id);
}

/**
 * ag_restriction_merge:
 * @ends: the end of an overlapping window of the same kind
 * @session_id: that window's session
 * @treatment_id: that session's treatment
 *
 * Folds an overlapping window in: the later end wins, and with it its session.
 */
void
ag_restriction_merge (AgRestriction *self,
                      GDateTime     *ends,
                      gint64         session_id,
                      gint64         treatment_id)
{
  g_return_if_fail (AG_IS_RESTRICTION (self));
  g_return_if_fail (ends != NULL);

  add_unique (self->session_ids, session_id);
  add_unique (self->treatment_ids, treatment_id);

  if (g_date_time_compare (ends, self->ends) <= 0)
    return;

  g_date_time_ref (ends);
  g_clear_pointer (&self->ends, g_date_time_unref);
  self->ends = ends;
  self->session_id = session_id;
  self->treatment_id = treatment_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TREATMENT_ID]);
}

const char *
ag_restriction_get_kind (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->kind;
}

const char *
ag_restriction_get_title (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->title;
}

const char *
ag_restriction_get_detail (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->detail;
}

const char *
ag_restriction_get_lifted (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->lifted;
}

const char *
ag_restriction_get_category (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->category;
}

/**
 * ag_restriction_get_starts:
 *
 * Returns: (transfer none): the instant the window starts
 */
GDateTime *
ag_restriction_get_starts (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->starts;
}

/**
 * ag_restriction_get_ends:
 *
 * Returns: (transfer none): the instant the window ends
 */
GDateTime *
ag_restriction_get_ends (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->ends;
}

gint64
ag_restriction_get_session_id (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), 0);
  return self->session_id;
}

gint64
ag_restriction_get_treatment_id (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), 0);
  return self->treatment_id;
}

/**
 * ag_restriction_get_session_ids:
 *
 * Returns: (transfer none) (element-type gint64): every session merged into the window
 */
GArray *
ag_restriction_get_session_ids (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->session_ids;
}

/**
 * ag_restriction_get_treatment_ids:
 *
 * Returns: (transfer none) (element-type gint64): every treatment merged into the window
 */
GArray *
ag_restriction_get_treatment_ids (AgRestriction *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  return self->treatment_ids;
}

/**
 * ag_restriction_is_active_at:
 * @instant: any instant
 *
 * Returns: whether @instant lies in [starts, ends)
 */
gboolean
ag_restriction_is_active_at (AgRestriction *self,
                             GDateTime     *instant)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (self), FALSE);
  g_return_val_if_fail (instant != NULL, FALSE);

  return g_date_time_compare (self->starts, instant) <= 0 &&
         g_date_time_compare (instant, self->ends) < 0;
}

/**
 * ag_restriction_format_until:
 * @tz: the zone to show the time in
 *
 * Returns: (transfer full): the end as weekday and time in the locale's format ("Tue 14:00")
 */
char *
ag_restriction_format_until (AgRestriction *self,
                             GTimeZone     *tz)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  local = g_date_time_to_timezone (self->ends, tz);
  /* Translators: weekday and time a restriction ends, see g_date_time_format() */
  return g_date_time_format (local, _("%a %R"));
}

static char *
format_remaining (GTimeSpan span)
{
  gint64 minutes = (span + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE;
  gint64 hours = (span + G_TIME_SPAN_HOUR / 2) / G_TIME_SPAN_HOUR;
  gint64 days;

  if (minutes < 60)
    /* Translators: time left, abbreviated minutes */
    return g_strdup_printf (_("in %d min"), (int) MAX (minutes, 1));

  if (hours < 48)
    /* Translators: time left, abbreviated hours */
    return g_strdup_printf (_("in %d h"), (int) hours);

  days = (span + G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days),
                          (int) days);
}

/**
 * ag_restriction_format_countdown:
 * @now: the current time, in the zone to show times in
 *
 * Formats what a patient sees on the restriction's row, such as
 * "No workouts or sweating · allowed again Tue 14:00 (in 5 h)".
 *
 * Returns: (transfer full): the translated text
 */
char *
ag_restriction_format_countdown (AgRestriction *self,
                                 GDateTime     *now)
{
  g_autofree char *until = NULL;
  g_autofree char *remaining = NULL;

  g_return_val_if_fail (AG_IS_RESTRICTION (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (g_date_time_compare (now, self->ends) >= 0)
    return g_strdup (self->lifted);

  until = ag_restriction_format_until (self, g_date_time_get_timezone (now));

  if (g_date_time_compare (now, self->starts) < 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (self->starts,
                                                            g_date_time_get_timezone (now));
      g_autofree char *from = g_date_time_format (local, _("%a %R"));

      /* Translators: restriction title, start and end, "No makeup · Mon 10:30 to Tue 10:30" */
      return g_strdup_printf (_("%s · %s to %s"), self->title, from, until);
    }

  remaining = format_remaining (g_date_time_difference (self->ends, now));
  /* Translators: restriction title, end and time left, "No makeup · allowed again Tue 14:00 (in 5 h)" */
  return g_strdup_printf (_("%s · allowed again %s (%s)"), self->title, until, remaining);
}
