/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-restriction-row.c: a row that shows what to avoid and how long until it is allowed again. */

#define G_LOG_DOMAIN "ag-restriction-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-restriction-row.h"

struct _AgRestrictionRow
{
  AdwActionRow parent_instance;

  /* owned */
  AgRestriction *restriction;
};

G_DEFINE_FINAL_TYPE (AgRestrictionRow, ag_restriction_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_RESTRICTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
to_usec (GDateTime *instant)
{
  return g_date_time_to_unix (instant) * G_USEC_PER_SEC + g_date_time_get_microsecond (instant);
}

static void
ag_restriction_row_constructed (GObject *object)
{
  AgRestrictionRow *self = (AgRestrictionRow *)object;

  G_OBJECT_CLASS (ag_restriction_row_parent_class)->constructed (object);

  g_assert (AG_IS_RESTRICTION (self->restriction));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 ag_restriction_get_title (self->restriction));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               ag_restriction_get_detail (self->restriction));
}

static void
ag_restriction_row_dispose (GObject *object)
{
  AgRestrictionRow *self = (AgRestrictionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_RESTRICTION_ROW);
  g_clear_object (&self->restriction);

  G_OBJECT_CLASS (ag_restriction_row_parent_class)->dispose (object);
}

static void
ag_restriction_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AgRestrictionRow *self = AG_RESTRICTION_ROW (object);

  switch (prop_id)
    {
    case PROP_RESTRICTION:
      g_value_set_object (value, self->restriction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_restriction_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AgRestrictionRow *self = AG_RESTRICTION_ROW (object);

  switch (prop_id)
    {
    case PROP_RESTRICTION:
      self->restriction = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_restriction_row_class_init (AgRestrictionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ag_restriction_row_constructed;
  object_class->dispose = ag_restriction_row_dispose;
  object_class->get_property = ag_restriction_row_get_property;
  object_class->set_property = ag_restriction_row_set_property;

  properties[PROP_RESTRICTION] =
    g_param_spec_object ("restriction", NULL, NULL,
                         AG_TYPE_RESTRICTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-restriction-row.ui");
}

static void
ag_restriction_row_init (AgRestrictionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_restriction_row_new:
 * @restriction: the restriction to show
 *
 * Returns: (transfer floating): a new row; call ag_restriction_row_update() to show its time
 */
GtkWidget *
ag_restriction_row_new (AgRestriction *restriction)
{
  g_return_val_if_fail (AG_IS_RESTRICTION (restriction), NULL);

  return g_object_new (AG_TYPE_RESTRICTION_ROW, "restriction", restriction, NULL);
}

/**
 * ag_restriction_row_get_restriction:
 *
 * Returns: (transfer none): the restriction the row shows
 */
AgRestriction *
ag_restriction_row_get_restriction (AgRestrictionRow *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION_ROW (self), NULL);

  return self->restriction;
}

/**
 * ag_restriction_row_update:
 * @now: the current time, in the zone to show times in
 *
 * Shows the countdown as of @now, "No workouts or sweating · allowed again Tue 14:00 (in 5 h)".
 * A restriction that has already ended (on a past day) shows when it ended instead.
 */
void
ag_restriction_row_update (AgRestrictionRow *self,
                           GDateTime        *now)
{
  g_autofree char *text = NULL;

  g_return_if_fail (AG_IS_RESTRICTION_ROW (self));
  g_return_if_fail (now != NULL);

  if (g_date_time_compare (now, ag_restriction_get_ends (self->restriction)) >= 0)
    {
      g_autofree char *until = ag_restriction_format_until (self->restriction,
                                                            g_date_time_get_timezone (now));

      /* Translators: a restriction on a past day and when it ended, "No makeup · until Tue 10:30" */
      text = g_strdup_printf (_("%s · until %s"), ag_restriction_get_title (self->restriction), until);
    }
  else
    {
      text = ag_restriction_format_countdown (self->restriction, now);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), text);
}

/**
 * ag_restriction_row_get_next_change:
 * @now: the current time
 *
 * Finds when the row's text changes next by the passing of time, following the rounding of
 * ag_restriction_format_countdown(): each minute in the last hour, each hour up to two days,
 * each day before that, and when the restriction starts or ends.
 *
 * Returns: the Unix time in microseconds of the next change, or 0 if the text stays
 */
gint64
ag_restriction_row_get_next_change (AgRestrictionRow *self,
                                    GDateTime        *now)
{
  gint64 now_usec;
  gint64 starts;
  gint64 ends;
  GTimeSpan span;
  gint64 minutes;
  gint64 hours;
  gint64 days;

  g_return_val_if_fail (AG_IS_RESTRICTION_ROW (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  now_usec = to_usec (now);
  starts = to_usec (ag_restriction_get_starts (self->restriction));
  ends = to_usec (ag_restriction_get_ends (self->restriction));

  if (now_usec < starts)
    return starts;
  if (now_usec >= ends)
    return 0;

  span = ends - now_usec;
  minutes = (span + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE;
  if (minutes < 60)
    return minutes <= 1 ? ends : ends - (minutes - 1) * G_TIME_SPAN_MINUTE;

  /* "in N h" rounds to the nearest hour: it becomes N - 1 just under N - ½ hours before the
   * end, or switches to minutes at 59 minutes before it. */
  hours = (span + G_TIME_SPAN_HOUR / 2) / G_TIME_SPAN_HOUR;
  if (hours < 48)
    return MIN (ends - hours * G_TIME_SPAN_HOUR + G_TIME_SPAN_HOUR / 2 + 1,
                ends - 59 * G_TIME_SPAN_MINUTE);

  days = (span + G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY;
  return MIN (ends - days * G_TIME_SPAN_DAY + G_TIME_SPAN_DAY / 2 + 1,
              ends - 47 * G_TIME_SPAN_HOUR - G_TIME_SPAN_HOUR / 2 + 1);
}
