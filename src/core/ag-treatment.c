/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment.c: one course of microneedling on one area, with its series settings. */

#define G_LOG_DOMAIN "ag-treatment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ag-treatment.h"
#include "ag-util.h"

struct _AgTreatment
{
  GObject parent_instance;

  /* owned */
  char *goal;
  char *color;

  gint64 id;
  gint64 created_usec;
  AgArea area;
  AgDevice device;
  guint interval_weeks;
  guint interval_override : 1;
};

G_DEFINE_FINAL_TYPE (AgTreatment, ag_treatment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AREA,
  PROP_DEVICE,
  PROP_GOAL,
  PROP_COLOR,
  PROP_INTERVAL_WEEKS,
  PROP_INTERVAL_OVERRIDE,
  PROP_TITLE,
  PROP_CREATED_USEC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ag_treatment_finalize (GObject *object)
{
  AgTreatment *self = (AgTreatment *)object;

  g_clear_pointer (&self->goal, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (ag_treatment_parent_class)->finalize (object);
}

static void
ag_treatment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AgTreatment *self = AG_TREATMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AREA:
      g_value_set_uint (value, self->area);
      break;
    case PROP_DEVICE:
      g_value_set_uint (value, self->device);
      break;
    case PROP_GOAL:
      g_value_set_string (value, self->goal);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_INTERVAL_WEEKS:
      g_value_set_uint (value, self->interval_weeks);
      break;
    case PROP_INTERVAL_OVERRIDE:
      g_value_set_boolean (value, self->interval_override);
      break;
    case PROP_TITLE:
      g_value_take_string (value, ag_treatment_dup_title (self));
      break;
    case PROP_CREATED_USEC:
      g_value_set_int64 (value, self->created_usec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_treatment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AgTreatment *self = AG_TREATMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ag_treatment_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_AREA:
      ag_treatment_set_area (self, g_value_get_uint (value));
      break;
    case PROP_DEVICE:
      ag_treatment_set_device (self, g_value_get_uint (value));
      break;
    case PROP_GOAL:
      ag_treatment_set_goal (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      ag_treatment_set_color (self, g_value_get_string (value));
      break;
    case PROP_INTERVAL_WEEKS:
      ag_treatment_set_interval_weeks (self, g_value_get_uint (value));
      break;
    case PROP_INTERVAL_OVERRIDE:
      ag_treatment_set_interval_override (self, g_value_get_boolean (value));
      break;
    case PROP_CREATED_USEC:
      ag_treatment_set_created_usec (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_treatment_class_init (AgTreatmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ag_treatment_finalize;
  object_class->get_property = ag_treatment_get_property;
  object_class->set_property = ag_treatment_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AREA] = g_param_spec_uint ("area", NULL, NULL, 0, AG_N_AREAS - 1, 0, flags);
  properties[PROP_DEVICE] = g_param_spec_uint ("device", NULL, NULL, 0, AG_N_DEVICES - 1, 0, flags);
  properties[PROP_GOAL] = g_param_spec_string ("goal", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_INTERVAL_WEEKS] =
    g_param_spec_uint ("interval-weeks", NULL, NULL, 0, 52, 4, flags);
  properties[PROP_INTERVAL_OVERRIDE] =
    g_param_spec_boolean ("interval-override", NULL, NULL, FALSE, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED_USEC] =
    g_param_spec_int64 ("created-usec", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_treatment_init (AgTreatment *self)
{
  self->color = g_strdup ("#3584e4");
  self->interval_weeks = 4;
}

AgTreatment *
ag_treatment_new (AgArea   area,
                  AgDevice device)
{
  return g_object_new (AG_TYPE_TREATMENT, "area", area, "device", device, NULL);
}

gint64
ag_treatment_get_id (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), 0);
  return self->id;
}

void
ag_treatment_set_id (AgTreatment *self,
                     gint64       id)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

AgArea
ag_treatment_get_area (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), 0);
  return self->area;
}

void
ag_treatment_set_area (AgTreatment *self,
                       AgArea       area)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  g_return_if_fail (area < AG_N_AREAS);
  if (self->area == area)
    return;
  self->area = area;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

AgDevice
ag_treatment_get_device (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), 0);
  return self->device;
}

void
ag_treatment_set_device (AgTreatment *self,
                         AgDevice     device)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  g_return_if_fail (device < AG_N_DEVICES);
  if (self->device == device)
    return;
  self->device = device;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
}

const char *
ag_treatment_get_goal (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), NULL);
  return self->goal;
}

void
ag_treatment_set_goal (AgTreatment *self,
                       const char  *goal)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  if (ag_set_str (&self->goal, goal))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
ag_treatment_get_color (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), NULL);
  return self->color;
}

void
ag_treatment_set_color (AgTreatment *self,
                        const char  *color)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  if (ag_set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

guint
ag_treatment_get_interval_weeks (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), 0);
  return self->interval_weeks;
}

void
ag_treatment_set_interval_weeks (AgTreatment *self,
                                 guint        weeks)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  if (self->interval_weeks == weeks)
    return;
  self->interval_weeks = weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_WEEKS]);
}

gboolean
ag_treatment_get_interval_override (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), FALSE);
  return self->interval_override;
}

void
ag_treatment_set_interval_override (AgTreatment *self,
                                    gboolean     override)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  override = !!override;
  if (self->interval_override == override)
    return;
  self->interval_override = override;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_OVERRIDE]);
}

/**
 * ag_treatment_get_created_usec:
 *
 * Returns: when the treatment was planned, in microseconds since the Unix epoch, or 0 before
 *   it is stored
 */
gint64
ag_treatment_get_created_usec (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), 0);
  return self->created_usec;
}

void
ag_treatment_set_created_usec (AgTreatment *self,
                               gint64       created_usec)
{
  g_return_if_fail (AG_IS_TREATMENT (self));
  if (self->created_usec == created_usec)
    return;
  self->created_usec = created_usec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_USEC]);
}

/**
 * ag_treatment_dup_title:
 *
 * Returns: (transfer full): what the treatment is called in lists: the area, and the goal
 *   when there is one ("Face · Acne scars")
 */
char *
ag_treatment_dup_title (AgTreatment *self)
{
  g_return_val_if_fail (AG_IS_TREATMENT (self), NULL);

  if (self->goal != NULL && self->goal[0] != '\0')
    /* Translators: a treatment's title: the area, then the patient's goal */
    return g_strdup_printf (_("%s · %s"), ag_area_get_label (self->area), self->goal);

  return g_strdup (ag_area_get_label (self->area));
}
