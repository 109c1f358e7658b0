/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-day-checklist.c: the list model of one local day's checklist, with its ticks. */

#define G_LOG_DOMAIN "ag-day-checklist"

#include "config.h"

#include "ag-day-checklist.h"

struct _AgDayChecklist
{
  AgDiffList parent_instance;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;

  GDate day;
  AgRoutine routine;
};

G_DEFINE_FINAL_TYPE (AgDayChecklist, ag_day_checklist, AG_TYPE_DIFF_LIST)

static char *
ag_day_checklist_fingerprint (AgDiffList *list,
                              gpointer    item)
{
  AgChecklistItem *entry = item;
  GDateTime *due = ag_checklist_item_get_due (entry);
  g_autofree char *due_text = due ? g_date_time_format_iso8601 (due) : g_strdup ("");

  /* The tick is left out: it is refreshed in place so a ticked row stays the same row. */
  return g_strdup_printf ("%s|%s|%s|%s|%s",
                          ag_checklist_item_get_key (entry),
                          ag_checklist_item_get_title (entry),
                          ag_checklist_item_get_detail (entry) ? ag_checklist_item_get_detail (entry) : "",
                          ag_checklist_item_get_slot_label (entry) ? ag_checklist_item_get_slot_label (entry) : "",
                          due_text);
}

static void
ag_day_checklist_refresh (AgDiffList *list,
                          gpointer    kept,
                          gpointer    fresh)
{
  ag_checklist_item_set_done_at (kept, ag_checklist_item_get_done_at (fresh));
  ag_checklist_item_set_done (kept, ag_checklist_item_get_done (fresh));
}

static gboolean
ag_day_checklist_reload_list (AgDiffList  *list,
                              GError     **error)
{
  return ag_day_checklist_reload (AG_DAY_CHECKLIST (list), error);
}

static void
ag_day_checklist_dispose (GObject *object)
{
  AgDayChecklist *self = (AgDayChecklist *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->protocol);

  G_OBJECT_CLASS (ag_day_checklist_parent_class)->dispose (object);
}

static void
ag_day_checklist_class_init (AgDayChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AgDiffListClass *list_class = AG_DIFF_LIST_CLASS (klass);

  object_class->dispose = ag_day_checklist_dispose;
  list_class->fingerprint = ag_day_checklist_fingerprint;
  list_class->refresh = ag_day_checklist_refresh;
  list_class->reload = ag_day_checklist_reload_list;
  list_class->what = "the day’s checklist";
}

static void
ag_day_checklist_init (AgDayChecklist *self)
{
  ag_routine_init_default (&self->routine);
  g_date_clear (&self->day, 1);
}

/**
 * ag_day_checklist_new:
 * @store: the store to follow
 * @protocol: the protocol that turns sessions into tasks
 * @day: the local calendar day, in the time zone of the store's clock
 *
 * Returns: (transfer full): a model of @day's checklist items in time order, each with its tick
 */
AgDayChecklist *
ag_day_checklist_new (AgStore     *store,
                      AgProtocol  *protocol,
                      const GDate *day)
{
  AgDayChecklist *self;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_object_new (AG_TYPE_DAY_CHECKLIST, "item-type", AG_TYPE_CHECKLIST_ITEM, NULL);
  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->day = *day;
  ag_diff_list_follow_store (AG_DIFF_LIST (self), store,
                             AG_STORE_CHANGE_SESSIONS | AG_STORE_CHANGE_TREATMENTS |
                             AG_STORE_CHANGE_TICKS,
                             TRUE);
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));

  return self;
}

const GDate *
ag_day_checklist_get_day (AgDayChecklist *self)
{
  g_return_val_if_fail (AG_IS_DAY_CHECKLIST (self), NULL);

  return &self->day;
}

void
ag_day_checklist_set_day (AgDayChecklist *self,
                          const GDate    *day)
{
  g_return_if_fail (AG_IS_DAY_CHECKLIST (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (g_date_compare (&self->day, day) == 0)
    return;

  self->day = *day;
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

void
ag_day_checklist_set_routine (AgDayChecklist  *self,
                              const AgRoutine *routine)
{
  g_return_if_fail (AG_IS_DAY_CHECKLIST (self));
  g_return_if_fail (routine != NULL);

  if (memcmp (&self->routine, routine, sizeof *routine) == 0)
    return;

  self->routine = *routine;
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

void
ag_day_checklist_set_protocol (AgDayChecklist *self,
                               AgProtocol     *protocol)
{
  g_return_if_fail (AG_IS_DAY_CHECKLIST (self));
  g_return_if_fail (AG_IS_PROTOCOL (protocol));

  if (g_set_object (&self->protocol, protocol))
    ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

/**
 * ag_day_checklist_reload:
 *
 * Builds the day's items again from the store and signals what changed.
 *
 * Returns: %TRUE on success; on failure the list keeps what it had
 */
gboolean
ag_day_checklist_reload (AgDayChecklist  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  char day_text[16];

  g_return_val_if_fail (AG_IS_DAY_CHECKLIST (self), FALSE);

  sessions = ag_store_list_sessions (self->store, 0, error);
  if (sessions == NULL)
    return FALSE;

  g_snprintf (day_text, sizeof day_text, "%04d-%02d-%02d",
              g_date_get_year (&self->day), g_date_get_month (&self->day),
              g_date_get_day (&self->day));
  ticks = ag_store_dup_ticks_between (self->store, day_text, day_text, error);
  if (ticks == NULL)
    return FALSE;

  items = ag_engine_items_for_day (self->protocol, sessions,
                                   ag_clock_get_timezone (ag_store_get_clock (self->store)),
                                   &self->routine, &self->day);

  for (guint i = 0; i < items->len; i++)
    {
      AgChecklistItem *item = g_ptr_array_index (items, i);
      gpointer done_at;

      if (g_hash_table_lookup_extended (ticks, ag_checklist_item_get_key (item), NULL, &done_at))
        {
          ag_checklist_item_set_done_at (item, *(gint64 *) done_at);
          ag_checklist_item_set_done (item, TRUE);
        }
    }

  ag_diff_list_replace (AG_DIFF_LIST (self), items);

  return TRUE;
}

/**
 * ag_day_checklist_set_item_done:
 * @item: an item of this list
 * @done: whether it is done
 *
 * Ticks or unticks @item in the store, durably, in one transaction. The list shows the new
 * state when the store reports the change; on failure nothing changes and @error says why.
 *
 * Returns: %TRUE if the tick was saved
 */
gboolean
ag_day_checklist_set_item_done (AgDayChecklist   *self,
                                AgChecklistItem  *item,
                                gboolean          done,
                                GError          **error)
{
  g_return_val_if_fail (AG_IS_DAY_CHECKLIST (self), FALSE);
  g_return_val_if_fail (AG_IS_CHECKLIST_ITEM (item), FALSE);

  return ag_store_set_item_done (self->store,
                                 ag_checklist_item_get_key (item),
                                 ag_checklist_item_get_day (item),
                                 done, error);
}
