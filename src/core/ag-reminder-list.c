/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminder-list.c: the list model of the reminders due from an instant, in time order. */

#define G_LOG_DOMAIN "ag-reminder-list"

#include "config.h"

#include "ag-reminder-list.h"

struct _AgReminderList
{
  AgDiffList parent_instance;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  GDateTime *from;

  AgRoutine routine;
  guint horizon_days;
};

G_DEFINE_FINAL_TYPE (AgReminderList, ag_reminder_list, AG_TYPE_DIFF_LIST)

static char *
ag_reminder_list_fingerprint (AgDiffList *list,
                              gpointer    item)
{
  AgReminder *reminder = item;
  g_autofree char *due = g_date_time_format_iso8601 (ag_reminder_get_due (reminder));

  return g_strdup_printf ("%s|%s|%s|%s",
                          ag_reminder_get_key (reminder), due,
                          ag_reminder_get_summary (reminder),
                          ag_reminder_get_body (reminder));
}

static gboolean
ag_reminder_list_reload_list (AgDiffList  *list,
                              GError     **error)
{
  return ag_reminder_list_reload (AG_REMINDER_LIST (list), error);
}

static void
ag_reminder_list_dispose (GObject *object)
{
  AgReminderList *self = (AgReminderList *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->protocol);
  g_clear_pointer (&self->from, g_date_time_unref);

  G_OBJECT_CLASS (ag_reminder_list_parent_class)->dispose (object);
}

static void
ag_reminder_list_class_init (AgReminderListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AgDiffListClass *list_class = AG_DIFF_LIST_CLASS (klass);

  object_class->dispose = ag_reminder_list_dispose;
  list_class->fingerprint = ag_reminder_list_fingerprint;
  list_class->reload = ag_reminder_list_reload_list;
  list_class->what = "the reminders";
}

static void
ag_reminder_list_init (AgReminderList *self)
{
  ag_routine_init_default (&self->routine);
  self->horizon_days = AG_REMINDER_LIST_DEFAULT_HORIZON_DAYS;
}

/**
 * ag_reminder_list_new:
 * @store: the store to follow
 * @protocol: the protocol that turns sessions into reminders
 * @from: the first instant to list reminders from
 *
 * Returns: (transfer full): a model of the reminders due from @from over the next
 *   %AG_REMINDER_LIST_DEFAULT_HORIZON_DAYS days, in time order
 */
AgReminderList *
ag_reminder_list_new (AgStore    *store,
                      AgProtocol *protocol,
                      GDateTime  *from)
{
  AgReminderList *self;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  self = g_object_new (AG_TYPE_REMINDER_LIST, "item-type", AG_TYPE_REMINDER, NULL);
  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->from = g_date_time_ref (from);
  ag_diff_list_follow_store (AG_DIFF_LIST (self), store,
                             AG_STORE_CHANGE_SESSIONS | AG_STORE_CHANGE_TREATMENTS, FALSE);
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));

  return self;
}

void
ag_reminder_list_set_from (AgReminderList *self,
                           GDateTime      *from)
{
  g_return_if_fail (AG_IS_REMINDER_LIST (self));
  g_return_if_fail (from != NULL);

  g_clear_pointer (&self->from, g_date_time_unref);
  self->from = g_date_time_ref (from);
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

/**
 * ag_reminder_list_get_from:
 *
 * Returns: (transfer none): the first instant the list covers
 */
GDateTime *
ag_reminder_list_get_from (AgReminderList *self)
{
  g_return_val_if_fail (AG_IS_REMINDER_LIST (self), NULL);

  return self->from;
}

void
ag_reminder_list_set_horizon_days (AgReminderList *self,
                                   guint           days)
{
  g_return_if_fail (AG_IS_REMINDER_LIST (self));
  g_return_if_fail (days > 0);

  if (self->horizon_days == days)
    return;

  self->horizon_days = days;
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

void
ag_reminder_list_set_routine (AgReminderList  *self,
                              const AgRoutine *routine)
{
  g_return_if_fail (AG_IS_REMINDER_LIST (self));
  g_return_if_fail (routine != NULL);

  if (memcmp (&self->routine, routine, sizeof *routine) == 0)
    return;

  self->routine = *routine;
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

void
ag_reminder_list_set_protocol (AgReminderList *self,
                               AgProtocol     *protocol)
{
  g_return_if_fail (AG_IS_REMINDER_LIST (self));
  g_return_if_fail (AG_IS_PROTOCOL (protocol));

  if (g_set_object (&self->protocol, protocol))
    ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

/**
 * ag_reminder_list_reload:
 *
 * Builds the reminders again from the store and signals what changed.
 *
 * Returns: %TRUE on success; on failure the list keeps what it had
 */
gboolean
ag_reminder_list_reload (AgReminderList  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_val_if_fail (AG_IS_REMINDER_LIST (self), FALSE);

  sessions = ag_store_list_sessions (self->store, 0, error);
  if (sessions == NULL)
    return FALSE;

  to = g_date_time_add_days (self->from, self->horizon_days);
  reminders = ag_engine_reminders_between (self->protocol, sessions,
                                           ag_clock_get_timezone (ag_store_get_clock (self->store)),
                                           &self->routine, self->from, to);
  ag_diff_list_replace (AG_DIFF_LIST (self), reminders);

  return TRUE;
}
