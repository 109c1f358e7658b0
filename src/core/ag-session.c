/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session.c: one appointment of a treatment, with where and how deep it was done. */

#define G_LOG_DOMAIN "ag-session"

#include "config.h"

#include "ag-session.h"
#include "ag-util.h"

struct _AgSession
{
  GObject parent_instance;

  /* owned */
  GDateTime *start;
  char *clinic;
  char *notes;

  gint64 id;
  gint64 treatment_id;
  AgArea area;
  guint number;
  guint count;
  guint duration_minutes;
  double depth_mm;
  double actual_depth_mm;
  AgSessionStatus status;
};

G_DEFINE_FINAL_TYPE (AgSession, ag_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TREATMENT_ID,
  PROP_AREA,
  PROP_NUMBER,
  PROP_COUNT,
  PROP_START,
  PROP_DURATION_MINUTES,
  PROP_DEPTH_MM,
  PROP_ACTUAL_DEPTH_MM,
  PROP_STATUS,
  PROP_CLINIC,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ag_session_finalize (GObject *object)
{
  AgSession *self = (AgSession *)object;

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->clinic, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (ag_session_parent_class)->finalize (object);
}

static void
ag_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AgSession *self = AG_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TREATMENT_ID:
      g_value_set_int64 (value, self->treatment_id);
      break;
    case PROP_AREA:
      g_value_set_uint (value, self->area);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_DURATION_MINUTES:
      g_value_set_uint (value, self->duration_minutes);
      break;
    case PROP_DEPTH_MM:
      g_value_set_double (value, self->depth_mm);
      break;
    case PROP_ACTUAL_DEPTH_MM:
      g_value_set_double (value, self->actual_depth_mm);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_CLINIC:
      g_value_set_string (value, self->clinic);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AgSession *self = AG_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      ag_session_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TREATMENT_ID:
      ag_session_set_treatment_id (self, g_value_get_int64 (value));
      break;
    case PROP_AREA:
      ag_session_set_area (self, g_value_get_uint (value));
      break;
    case PROP_NUMBER:
      ag_session_set_number (self, g_value_get_uint (value));
      break;
    case PROP_COUNT:
      ag_session_set_count (self, g_value_get_uint (value));
      break;
    case PROP_START:
      ag_session_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_DURATION_MINUTES:
      ag_session_set_duration_minutes (self, g_value_get_uint (value));
      break;
    case PROP_DEPTH_MM:
      ag_session_set_depth_mm (self, g_value_get_double (value));
      break;
    case PROP_ACTUAL_DEPTH_MM:
      ag_session_set_actual_depth_mm (self, g_value_get_double (value));
      break;
    case PROP_STATUS:
      ag_session_set_status (self, g_value_get_uint (value));
      break;
    case PROP_CLINIC:
      ag_session_set_clinic (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      ag_session_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_session_class_init (AgSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ag_session_finalize;
  object_class->get_property = ag_session_get_property;
  object_class->set_property = ag_session_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TREATMENT_ID] =
    g_param_spec_int64 ("treatment-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AREA] = g_param_spec_uint ("area", NULL, NULL, 0, AG_N_AREAS - 1, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_uint ("duration-minutes", NULL, NULL, 0, 24 * 60, 30, flags);
  properties[PROP_DEPTH_MM] =
    g_param_spec_double ("depth-mm", NULL, NULL, 0.0, 10.0, 1.0, flags);
  properties[PROP_ACTUAL_DEPTH_MM] =
    g_param_spec_double ("actual-depth-mm", NULL, NULL, 0.0, 10.0, 0.0, flags);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, AG_N_SESSION_STATUSES - 1, 0, flags);
  properties[PROP_CLINIC] = g_param_spec_string ("clinic", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_session_init (AgSession *self)
{
  self->duration_minutes = 30;
  self->depth_mm = 1.0;
  self->status = AG_SESSION_PLANNED;
}

/**
 * ag_session_new:
 * @treatment_id: the treatment it belongs to, or 0 before it is stored
 * @start: the local start, in the time zone it was planned in
 *
 * Returns: (transfer full): a planned session of 30 minutes at 1.0 mm
 */
AgSession *
ag_session_new (gint64     treatment_id,
                GDateTime *start)
{
  return g_object_new (AG_TYPE_SESSION, "treatment-id", treatment_id, "start", start, NULL);
}

/**
 * ag_session_copy:
 *
 * Returns: (transfer full): an independent copy of every field
 */
AgSession *
ag_session_copy (AgSession *self)
{
  g_return_val_if_fail (AG_IS_SESSION (self), NULL);

  return g_object_new (AG_TYPE_SESSION,
                       "id", self->id,
                       "treatment-id", self->treatment_id,
                       "area", self->area,
                       "number", self->number,
                       "count", self->count,
                       "start", self->start,
                       "duration-minutes", self->duration_minutes,
                       "depth-mm", self->depth_mm,
                       "actual-depth-mm", self->actual_depth_mm,
                       "status", self->status,
                       "clinic", self->clinic,
                       "notes", self->notes,
                       NULL);
}

#define DEFINE_SCALAR(type, name, PROP)                                  \
  type                                                                   \
  ag_session_get_##name (AgSession *self)                                \
  {                                                                      \
    g_return_val_if_fail (AG_IS_SESSION (self), 0);                      \
    return self->name;                                                   \
  }                                                                      \
                                                                         \
  void                                                                   \
  ag_session_set_##name (AgSession *self,                                \
                         type       value)                               \
  {                                                                      \
    g_return_if_fail (AG_IS_SESSION (self));                             \
    if (self->name == value)                                             \
      return;                                                            \
    self->name = value;                                                  \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  }

DEFINE_SCALAR (gint64, id, PROP_ID)
DEFINE_SCALAR (gint64, treatment_id, PROP_TREATMENT_ID)
DEFINE_SCALAR (AgArea, area, PROP_AREA)
DEFINE_SCALAR (guint, number, PROP_NUMBER)
DEFINE_SCALAR (guint, count, PROP_COUNT)
DEFINE_SCALAR (guint, duration_minutes, PROP_DURATION_MINUTES)
DEFINE_SCALAR (double, depth_mm, PROP_DEPTH_MM)
DEFINE_SCALAR (double, actual_depth_mm, PROP_ACTUAL_DEPTH_MM)
DEFINE_SCALAR (AgSessionStatus, status, PROP_STATUS)

#undef DEFINE_SCALAR

/**
 * ag_session_get_start:
 *
 * Returns: (transfer none) (nullable): the local start, in the time zone it was planned in
 */
GDateTime *
ag_session_get_start (AgSession *self)
{
  g_return_val_if_fail (AG_IS_SESSION (self), NULL);
  return self->start;
}

void
ag_session_set_start (AgSession *self,
                      GDateTime *start)
{
  g_return_if_fail (AG_IS_SESSION (self));

  if (self->start == start || (self->start != NULL && start != NULL &&
                               g_date_time_equal (self->start, start) &&
                               g_date_time_get_utc_offset (self->start) ==
                               g_date_time_get_utc_offset (start)))
    return;

  g_clear_pointer (&self->start, g_date_time_unref);
  if (start != NULL)
    self->start = g_date_time_ref (start);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

/**
 * ag_session_dup_end:
 *
 * Returns: (transfer full) (nullable): when the session ends: its start plus its duration
 */
GDateTime *
ag_session_dup_end (AgSession *self)
{
  g_return_val_if_fail (AG_IS_SESSION (self), NULL);

  if (self->start == NULL)
    return NULL;

  return g_date_time_add_minutes (self->start, self->duration_minutes);
}

/**
 * ag_session_get_effective_depth_mm:
 *
 * Returns: the depth actually used when it was recorded, otherwise the planned depth
 */
double
ag_session_get_effective_depth_mm (AgSession *self)
{
  g_return_val_if_fail (AG_IS_SESSION (self), 0.0);

  if (self->actual_depth_mm > 0.0)
    return self->actual_depth_mm;

  return self->depth_mm;
}

const char *
ag_session_get_clinic (AgSession *self)
{
  g_return_val_if_fail (AG_IS_SESSION (self), NULL);
  return self->clinic;
}

void
ag_session_set_clinic (AgSession  *self,
                       const char *clinic)
{
  g_return_if_fail (AG_IS_SESSION (self));
  if (ag_set_str (&self->clinic, clinic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC]);
}

const char *
ag_session_get_notes (AgSession *self)
{
  g_return_val_if_fail (AG_IS_SESSION (self), NULL);
  return self->notes;
}

void
ag_session_set_notes (AgSession  *self,
                      const char *notes)
{
  g_return_if_fail (AG_IS_SESSION (self));
  if (ag_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
