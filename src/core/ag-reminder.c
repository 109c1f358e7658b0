/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminder.c: one notification the reminders service shows at a given instant. */

#define G_LOG_DOMAIN "ag-reminder"

#include "config.h"

#include "ag-reminder.h"

struct _AgReminder
{
  GObject parent_instance;

  /* owned */
  char *key;
  char *category;
  GDateTime *due;
  char *summary;
  char *body;
  char *item_key;
  char *day;

  GDate date;
};

G_DEFINE_FINAL_TYPE (AgReminder, ag_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_CATEGORY,
  PROP_DUE,
  PROP_SUMMARY,
  PROP_BODY,
  PROP_ITEM_KEY,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ag_reminder_finalize (GObject *object)
{
  AgReminder *self = (AgReminder *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->item_key, g_free);
  g_clear_pointer (&self->day, g_free);

  G_OBJECT_CLASS (ag_reminder_parent_class)->finalize (object);
}

static void
ag_reminder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AgReminder *self = AG_REMINDER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_DUE:
      g_value_set_boxed (value, self->due);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_ITEM_KEY:
      g_value_set_string (value, self->item_key);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_reminder_class_init (AgReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ag_reminder_finalize;
  object_class->get_property = ag_reminder_get_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, ro);
  properties[PROP_DUE] = g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, ro);
  properties[PROP_ITEM_KEY] = g_param_spec_string ("item-key", NULL, NULL, NULL, ro);
  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_reminder_init (AgReminder *self)
{
  g_date_clear (&self->date, 1);
}

/**
 * ag_reminder_new:
 * @key: stable, unique key ("item:2026-03-30/cleanse/morning", "appointment:12")
 * @category: the reminder setting it belongs to ("sunscreen", "booking", …)
 * @due: when to show it
 * @summary: translated notification title
 * @body: translated notification text: what to do and why
 * @item_key: (nullable): the checklist key a "Done" button ticks, or %NULL
 * @day: the local day the app opens on when the notification is clicked
 *
 * Returns: (transfer full): a new reminder
 */
AgReminder *
ag_reminder_new (const char  *key,
                 const char  *category,
                 GDateTime   *due,
                 const char  *summary,
                 const char  *body,
                 const char  *item_key,
                 const GDate *day)
{
  AgReminder *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_object_new (AG_TYPE_REMINDER, NULL);
  self->key = g_strdup (key);
  self->category = g_strdup (category);
  self->due = g_date_time_ref (due);
  self->summary = g_strdup (summary);
  self->body = g_strdup (body);
  self->item_key = g_strdup (item_key);
  self->date = *day;
  self->day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day),
                               g_date_get_month (day), g_date_get_day (day));

  return self;
}

const char *
ag_reminder_get_key (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->key;
}

const char *
ag_reminder_get_category (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->category;
}

/**
 * ag_reminder_get_due:
 *
 * Returns: (transfer none): when to show the reminder
 */
GDateTime *
ag_reminder_get_due (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->due;
}

const char *
ag_reminder_get_summary (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->summary;
}

const char *
ag_reminder_get_body (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->body;
}

/**
 * ag_reminder_get_item_key:
 *
 * Returns: (nullable): the checklist key ticked by "Done", or %NULL when there is none
 */
const char *
ag_reminder_get_item_key (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->item_key;
}

/**
 * ag_reminder_get_day:
 *
 * Returns: the local day to open, "YYYY-MM-DD"
 */
const char *
ag_reminder_get_day (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return self->day;
}

/**
 * ag_reminder_get_date:
 *
 * Returns: (transfer none): the local day to open
 */
const GDate *
ag_reminder_get_date (AgReminder *self)
{
  g_return_val_if_fail (AG_IS_REMINDER (self), NULL);
  return &self->date;
}
