/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-checklist-item.c: one tickable aftercare or preparation step on one local day. */

#define G_LOG_DOMAIN "ag-checklist-item"

#include "config.h"

#include "ag-checklist-item.h"

struct _AgChecklistItem
{
  GObject parent_instance;

  /* owned */
  char *key;
  char *task_id;
  char *category;
  char *title;
  char *detail;
  char *slot_label;
  char *day;
  GDateTime *due;
  GArray *session_ids;
  GArray *treatment_ids;

  GDate date;
  int sort_order;
  gboolean is_prep;
  gboolean done;
  gint64 done_at;
};

G_DEFINE_FINAL_TYPE (AgChecklistItem, ag_checklist_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TASK_ID,
  PROP_CATEGORY,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_SLOT_LABEL,
  PROP_DAY,
  PROP_DUE,
  PROP_SORT_ORDER,
  PROP_IS_PREP,
  PROP_DONE,
  PROP_DONE_AT,
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
ag_checklist_item_finalize (GObject *object)
{
  AgChecklistItem *self = (AgChecklistItem *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->task_id, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->slot_label, g_free);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->session_ids, g_array_unref);
  g_clear_pointer (&self->treatment_ids, g_array_unref);

  G_OBJECT_CLASS (ag_checklist_item_parent_class)->finalize (object);
}

static void
ag_checklist_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AgChecklistItem *self = AG_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TASK_ID:
      g_value_set_string (value, self->task_id);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_SLOT_LABEL:
      g_value_set_string (value, self->slot_label);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PROP_DUE:
      g_value_set_boxed (value, self->due);
      break;
    case PROP_SORT_ORDER:
      g_value_set_int (value, self->sort_order);
      break;
    case PROP_IS_PREP:
      g_value_set_boolean (value, self->is_prep);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_DONE_AT:
      g_value_set_int64 (value, self->done_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_checklist_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AgChecklistItem *self = AG_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_DONE:
      ag_checklist_item_set_done (self, g_value_get_boolean (value));
      break;
    case PROP_DONE_AT:
      ag_checklist_item_set_done_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_checklist_item_class_init (AgChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ag_checklist_item_finalize;
  object_class->get_property = ag_checklist_item_get_property;
  object_class->set_property = ag_checklist_item_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_TASK_ID] = g_param_spec_string ("task-id", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, ro);
  properties[PROP_SLOT_LABEL] = g_param_spec_string ("slot-label", NULL, NULL, NULL, ro);
  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, ro);
  properties[PROP_DUE] = g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_SORT_ORDER] =
    g_param_spec_int ("sort-order", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  properties[PROP_IS_PREP] = g_param_spec_boolean ("is-prep", NULL, NULL, FALSE, ro);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, rw);
  properties[PROP_DONE_AT] =
    g_param_spec_int64 ("done-at", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_checklist_item_init (AgChecklistItem *self)
{
  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->treatment_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->date, 1);
}

/**
 * ag_checklist_item_new:
 * @key: the stable key, "YYYY-MM-DD/<task-id>/<slot>", under which a tick is stored
 * @task_id: the protocol's task or preparation id
 * @category: the reminder category
 * @title: translated title
 * @detail: translated detail
 * @slot_label: translated label of the time of day ("Morning", "12:00")
 * @day: the local day the item belongs to
 * @due: when it is due, in local time
 * @sort_order: a tie-breaker for items due at the same time
 * @is_prep: whether it prepares for a session rather than follows one
 *
 * Returns: (transfer full): a new item, not done, with no sessions yet
 */
AgChecklistItem *
ag_checklist_item_new (const char  *key,
                       const char  *task_id,
                       const char  *category,
                       const char  *title,
                       const char  *detail,
                       const char  *slot_label,
                       const GDate *day,
                       GDateTime   *due,
                       int          sort_order,
                       gboolean     is_prep)
{
  AgChecklistItem *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (due != NULL, NULL);

  self = g_object_new (AG_TYPE_CHECKLIST_ITEM, NULL);
  self->key = g_strdup (key);
  self->task_id = g_strdup (task_id);
  self->category = g_strdup (category);
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  self->slot_label = g_strdup (slot_label);
  self->date = *day;
  self->day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day),
                               g_date_get_month (day), g_date_get_day (day));
  self->due = g_date_time_ref (due);
  self->sort_order = sort_order;
  self->is_prep = is_prep;

  return self;
}

/**
 * ag_checklist_item_add_source:
 * @session_id: a session the item comes from
 * @treatment_id: that session's treatment
 *
 * Records one more session behind a merged item; repeated ids are kept once.
 */
void
ag_checklist_item_add_source (AgChecklistItem *self,
                              gint64           session_id,
                              gint64           treatment_id)
{
  g_return_if_fail (AG_IS_CHECKLIST_ITEM (self));

  add_unique (self->session_ids, session_id);
  add_unique (self->treatment_ids, treatment_id);
}

const char *
ag_checklist_item_get_key (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->key;
}

const char *
ag_checklist_item_get_task_id (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->task_id;
}

const char *
ag_checklist_item_get_category (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->category;
}

const char *
ag_checklist_item_get_title (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->title;
}

const char *
ag_checklist_item_get_detail (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->detail;
}

const char *
ag_checklist_item_get_slot_label (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->slot_label;
}

/**
 * ag_checklist_item_get_day:
 *
 * Returns: the local day as "YYYY-MM-DD"
 */
const char *
ag_checklist_item_get_day (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->day;
}

/**
 * ag_checklist_item_get_date:
 *
 * Returns: (transfer none): the local day
 */
const GDate *
ag_checklist_item_get_date (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return &self->date;
}

/**
 * ag_checklist_item_get_due:
 *
 * Returns: (transfer none): when the item is due, in local time
 */
GDateTime *
ag_checklist_item_get_due (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->due;
}

/**
 * ag_checklist_item_set_due:
 * @due: the new due time
 *
 * Used while merging the same step of several sessions.
 */
void
ag_checklist_item_set_due (AgChecklistItem *self,
                           GDateTime       *due)
{
  g_return_if_fail (AG_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (due != NULL);

  g_date_time_ref (due);
  g_clear_pointer (&self->due, g_date_time_unref);
  self->due = due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

int
ag_checklist_item_get_sort_order (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), 0);
  return self->sort_order;
}

gboolean
ag_checklist_item_get_is_prep (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), FALSE);
  return self->is_prep;
}

/**
 * ag_checklist_item_get_session_ids:
 *
 * Returns: (transfer none) (element-type gint64): the sessions the item comes from
 */
GArray *
ag_checklist_item_get_session_ids (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->session_ids;
}

/**
 * ag_checklist_item_get_treatment_ids:
 *
 * Returns: (transfer none) (element-type gint64): the treatments the item comes from
 */
GArray *
ag_checklist_item_get_treatment_ids (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), NULL);
  return self->treatment_ids;
}

gboolean
ag_checklist_item_get_done (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), FALSE);
  return self->done;
}

void
ag_checklist_item_set_done (AgChecklistItem *self,
                            gboolean         done)
{
  g_return_if_fail (AG_IS_CHECKLIST_ITEM (self));

  done = !!done;
  if (self->done == done)
    return;

  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/**
 * ag_checklist_item_get_done_at:
 *
 * Returns: when it was ticked, in microseconds since the Unix epoch, or 0
 */
gint64
ag_checklist_item_get_done_at (AgChecklistItem *self)
{
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (self), 0);
  return self->done_at;
}

void
ag_checklist_item_set_done_at (AgChecklistItem *self,
                               gint64           done_at)
{
  g_return_if_fail (AG_IS_CHECKLIST_ITEM (self));

  if (self->done_at == done_at)
    return;

  self->done_at = done_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE_AT]);
}
