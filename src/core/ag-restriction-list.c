/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-restriction-list.c: the list model of the restrictions active at an instant, or now. */

#define G_LOG_DOMAIN "ag-restriction-list"

#include "config.h"

#include "ag-alarm.h"
#include "ag-restriction-list.h"

struct _AgRestrictionList
{
  AgDiffList parent_instance;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  AgAlarm *alarm;
  GDateTime *instant;

  gint64 next_change;
};

G_DEFINE_FINAL_TYPE (AgRestrictionList, ag_restriction_list, AG_TYPE_DIFF_LIST)

static char *
ag_restriction_list_fingerprint (AgDiffList *list,
                                 gpointer    item)
{
  AgRestriction *restriction = item;
  g_autofree char *starts = g_date_time_format_iso8601 (ag_restriction_get_starts (restriction));
  g_autofree char *ends = g_date_time_format_iso8601 (ag_restriction_get_ends (restriction));

  return g_strdup_printf ("%s|%s|%s|%s",
                          ag_restriction_get_kind (restriction),
                          ag_restriction_get_title (restriction),
                          starts, ends);
}

static gboolean
ag_restriction_list_reload_list (AgDiffList  *list,
                                 GError     **error)
{
  return ag_restriction_list_reload (AG_RESTRICTION_LIST (list), error);
}

/* A pinned instant does not move with the clock. */
static gboolean
ag_restriction_list_follows_clock (AgDiffList *list)
{
  return AG_RESTRICTION_LIST (list)->instant == NULL;
}

static void
alarm_fired_cb (AgRestrictionList *self,
                AgAlarm           *alarm)
{
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

static void
ag_restriction_list_dispose (GObject *object)
{
  AgRestrictionList *self = (AgRestrictionList *)object;

  if (self->alarm != NULL)
    ag_alarm_cancel (self->alarm);
  g_clear_object (&self->alarm);
  g_clear_object (&self->store);
  g_clear_object (&self->protocol);
  g_clear_pointer (&self->instant, g_date_time_unref);

  G_OBJECT_CLASS (ag_restriction_list_parent_class)->dispose (object);
}

static void
ag_restriction_list_class_init (AgRestrictionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AgDiffListClass *list_class = AG_DIFF_LIST_CLASS (klass);

  object_class->dispose = ag_restriction_list_dispose;
  list_class->fingerprint = ag_restriction_list_fingerprint;
  list_class->reload = ag_restriction_list_reload_list;
  list_class->follows_clock = ag_restriction_list_follows_clock;
  list_class->what = "the restrictions";
}

static void
ag_restriction_list_init (AgRestrictionList *self)
{
}

/**
 * ag_restriction_list_new:
 * @store: the store to follow
 * @protocol: the protocol whose restriction windows apply
 *
 * The list follows the store's clock: when a restriction ends or a new one starts, it updates
 * by itself, waking only at that moment. ag_restriction_list_set_instant() pins it to another
 * instant instead.
 *
 * Returns: (transfer full): a model of the restrictions active now
 */
AgRestrictionList *
ag_restriction_list_new (AgStore    *store,
                         AgProtocol *protocol)
{
  AgRestrictionList *self;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  self = g_object_new (AG_TYPE_RESTRICTION_LIST, "item-type", AG_TYPE_RESTRICTION, NULL);
  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->alarm = ag_alarm_new (ag_store_get_clock (store));
  g_signal_connect_object (self->alarm, "fired", G_CALLBACK (alarm_fired_cb), self,
                           G_CONNECT_SWAPPED);
  ag_diff_list_follow_store (AG_DIFF_LIST (self), store,
                             AG_STORE_CHANGE_SESSIONS | AG_STORE_CHANGE_TREATMENTS, TRUE);
  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));

  return self;
}

/**
 * ag_restriction_list_set_instant:
 * @instant: (nullable): the instant to show, or %NULL to follow the clock
 */
void
ag_restriction_list_set_instant (AgRestrictionList *self,
                                 GDateTime         *instant)
{
  g_return_if_fail (AG_IS_RESTRICTION_LIST (self));

  g_clear_pointer (&self->instant, g_date_time_unref);
  if (instant != NULL)
    self->instant = g_date_time_ref (instant);

  ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

/**
 * ag_restriction_list_dup_instant:
 *
 * Returns: (transfer full): the instant the list shows: the pinned one, or now
 */
GDateTime *
ag_restriction_list_dup_instant (AgRestrictionList *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION_LIST (self), NULL);

  if (self->instant != NULL)
    return g_date_time_ref (self->instant);

  return ag_clock_get_now (ag_store_get_clock (self->store));
}

void
ag_restriction_list_set_protocol (AgRestrictionList *self,
                                  AgProtocol        *protocol)
{
  g_return_if_fail (AG_IS_RESTRICTION_LIST (self));
  g_return_if_fail (AG_IS_PROTOCOL (protocol));

  if (g_set_object (&self->protocol, protocol))
    ag_diff_list_reload_or_warn (AG_DIFF_LIST (self));
}

/**
 * ag_restriction_list_get_next_change:
 *
 * Returns: the Unix time in microseconds when the list will next change by the passing of
 *   time (a restriction ends or starts), or 0 if it will not
 */
gint64
ag_restriction_list_get_next_change (AgRestrictionList *self)
{
  g_return_val_if_fail (AG_IS_RESTRICTION_LIST (self), 0);

  return self->next_change;
}

static gint64
to_usec (GDateTime *instant)
{
  return g_date_time_to_unix (instant) * G_USEC_PER_SEC + g_date_time_get_microsecond (instant);
}

static gint64
max_restriction_usec (AgProtocol *protocol)
{
  guint max_hours = 0;

  for (guint r = 0; r < ag_protocol_get_n_restrictions (protocol); r++)
    {
      const AgProtocolRestriction *restriction = ag_protocol_get_restriction (protocol, r);

      for (guint b = 0; b < ag_protocol_get_n_bands (protocol); b++)
        max_hours = MAX (max_hours, restriction->hours[b]);
    }

  return (gint64) max_hours * G_TIME_SPAN_HOUR;
}

/* Only sessions whose windows can reach the instant, or the next one to start, matter for
 * what is active and what changes next; a ten-year plan has a hundred others. */
static GPtrArray *
select_near_sessions (AgProtocol *protocol,
                      GPtrArray  *sessions,
                      gint64      instant_usec)
{
  GPtrArray *near = g_ptr_array_new ();
  gint64 reach = max_restriction_usec (protocol);
  gboolean have_next = FALSE;

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);
      gint64 start = to_usec (ag_session_get_start (session));
      gint64 end = start + (gint64) ag_session_get_duration_minutes (session) * G_TIME_SPAN_MINUTE;

      if (ag_session_get_status (session) == AG_SESSION_CANCELLED || end + reach < instant_usec)
        continue;

      if (end > instant_usec && end > instant_usec + reach)
        {
          /* Beyond the reach of anything active: only the first such one is needed. */
          if (have_next)
            continue;
          have_next = TRUE;
        }

      g_ptr_array_add (near, session);
    }

  return near;
}

/**
 * ag_restriction_list_reload:
 *
 * Builds the active restrictions again and signals what changed.
 *
 * Returns: %TRUE on success; on failure the list keeps what it had
 */
gboolean
ag_restriction_list_reload (AgRestrictionList  *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) near = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GDateTime) instant = NULL;
  gint64 instant_usec;

  g_return_val_if_fail (AG_IS_RESTRICTION_LIST (self), FALSE);

  sessions = ag_store_list_sessions (self->store, 0, error);
  if (sessions == NULL)
    return FALSE;

  instant = ag_restriction_list_dup_instant (self);
  instant_usec = to_usec (instant);
  near = select_near_sessions (self->protocol, sessions, instant_usec);
  all = ag_engine_restrictions (self->protocol, near);
  active = g_ptr_array_new_with_free_func (g_object_unref);
  self->next_change = 0;

  for (guint i = 0; i < all->len; i++)
    {
      AgRestriction *restriction = g_ptr_array_index (all, i);
      gint64 starts = to_usec (ag_restriction_get_starts (restriction));
      gint64 ends = to_usec (ag_restriction_get_ends (restriction));
      gint64 change = 0;

      if (ag_restriction_is_active_at (restriction, instant))
        g_ptr_array_add (active, g_object_ref (restriction));

      if (starts > instant_usec)
        change = starts;
      else if (ends > instant_usec)
        change = ends;

      if (change != 0 && (self->next_change == 0 || change < self->next_change))
        self->next_change = change;
    }

  ag_diff_list_replace (AG_DIFF_LIST (self), active);

  if (self->instant == NULL && self->next_change != 0)
    ag_alarm_schedule (self->alarm, self->next_change);
  else
    ag_alarm_cancel (self->alarm);

  return TRUE;
}
