/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-engine.c: turns a protocol and sessions into checklists, restrictions and reminders. */

#define G_LOG_DOMAIN "ag-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ag-engine.h"

/*
 * Everything here is a pure function of its inputs: no clock, no store, no settings.
 *
 * Two kinds of time are used on purpose:
 *  - restrictions are windows of real time: a 48-hour window is 48 real hours whatever the
 *    clocks do in between, so it is built by adding microseconds to the session's end;
 *  - daily care happens at local wall-clock times: 08:00 stays 08:00 across a DST change,
 *    so each due time is built with g_date_time_new() on its own local day.
 * Day 0 is the local calendar day (in the zone passed in) on which the session ends.
 */

typedef struct
{
  AgSession *session;      /* borrowed */
  GDateTime *end;          /* owned */
} Window;

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  AgSession *sa = *(AgSession * const *) a;
  AgSession *sb = *(AgSession * const *) b;
  int cmp = g_date_time_compare (ag_session_get_start (sa), ag_session_get_start (sb));
  gint64 ia = ag_session_get_id (sa);
  gint64 ib = ag_session_get_id (sb);

  if (cmp != 0)
    return cmp;
  return (ia > ib) - (ia < ib);
}

/* The sessions that produce anything, in a fixed order so that output never depends on
 * the order the caller happened to pass them in. */
static GPtrArray *
collect_sessions (GPtrArray *sessions)
{
  GPtrArray *active = g_ptr_array_new ();

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);

      if (ag_session_get_status (session) == AG_SESSION_CANCELLED ||
          ag_session_get_start (session) == NULL)
        continue;

      g_ptr_array_add (active, session);
    }

  g_ptr_array_sort (active, compare_sessions);
  return active;
}

static void
date_of (GDateTime *instant,
         GTimeZone *tz,
         GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
}

static void
session_end_day (AgSession *session,
                 GTimeZone *tz,
                 GDate     *out)
{
  g_autoptr(GDateTime) end = ag_session_dup_end (session);

  date_of (end, tz, out);
}

static void
session_start_day (AgSession *session,
                   GTimeZone *tz,
                   GDate     *out)
{
  date_of (ag_session_get_start (session), tz, out);
}

static GDateTime *
local_time (GTimeZone   *tz,
            const GDate *day,
            int          minutes)
{
  minutes = CLAMP (minutes, 0, 24 * 60 - 1);
  return g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day), minutes / 60, minutes % 60, 0);
}

static char *
format_day (const GDate *day)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

static void
get_routine (const AgRoutine *routine,
             AgRoutine       *out)
{
  if (routine != NULL)
    *out = *routine;
  else
    ag_routine_init_default (out);

  out->morning_minutes = CLAMP (out->morning_minutes, 0, 24 * 60 - 1);
  out->evening_minutes = CLAMP (out->evening_minutes, 0, 24 * 60 - 1);
  out->sunscreen_interval_hours = CLAMP (out->sunscreen_interval_hours, 0, 12);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  AgChecklistItem *ia = *(AgChecklistItem * const *) a;
  AgChecklistItem *ib = *(AgChecklistItem * const *) b;
  int cmp = g_date_time_compare (ag_checklist_item_get_due (ia), ag_checklist_item_get_due (ib));

  if (cmp != 0)
    return cmp;

  cmp = ag_checklist_item_get_sort_order (ia) - ag_checklist_item_get_sort_order (ib);
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (ag_checklist_item_get_key (ia), ag_checklist_item_get_key (ib));
}

typedef struct
{
  GPtrArray *items;         /* owned AgChecklistItem */
  GHashTable *by_key;       /* borrowed key → item */
  const GDate *day;
  char *day_str;
} ItemSet;

static void
item_set_init (ItemSet     *set,
               const GDate *day)
{
  set->items = g_ptr_array_new_with_free_func (g_object_unref);
  set->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  set->day = day;
  set->day_str = format_day (day);
}

static GPtrArray *
item_set_finish (ItemSet *set)
{
  g_clear_pointer (&set->by_key, g_hash_table_unref);
  g_clear_pointer (&set->day_str, g_free);
  g_ptr_array_sort (set->items, compare_items);
  return g_steal_pointer (&set->items);
}

/* Same step, same day, same slot: one item, whichever treatments it comes from. */
static void
item_set_add (ItemSet    *set,
              AgSession  *session,
              const char *id,
              const char *category,
              const char *title,
              const char *detail,
              const char *slot,
              const char *slot_label,
              GDateTime  *due,
              int         sort_order,
              gboolean    is_prep)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", set->day_str, id, slot);
  AgChecklistItem *item = g_hash_table_lookup (set->by_key, key);

  if (item == NULL)
    {
      item = ag_checklist_item_new (key, id, category, title, detail, slot_label, set->day,
                                    due, sort_order, is_prep);
      g_ptr_array_add (set->items, item);
      g_hash_table_insert (set->by_key, (gpointer) ag_checklist_item_get_key (item), item);
    }
  else if (g_date_time_compare (due, ag_checklist_item_get_due (item)) > 0)
    {
      /* A wash "4 h after the session" after two sessions comes after the later one. */
      ag_checklist_item_set_due (item, due);
    }

  ag_checklist_item_add_source (item, ag_session_get_id (session),
                                ag_session_get_treatment_id (session));
}

static void
add_task_items (ItemSet              *set,
                const AgProtocolTask *task,
                guint                 task_index,
                AgSession            *session,
                GTimeZone            *tz,
                const AgRoutine      *routine,
                int                   offset)
{
  g_autoptr(GDateTime) end = ag_session_dup_end (session);
  int order = (int) task_index * 100;

  /* On day 0, care is for after the session: a morning step before it is left out. */
#define AFTER_SESSION_OK(due) (offset > 0 || g_date_time_compare ((due), end) > 0)

  if (task->slots & AG_SLOT_MORNING)
    {
      g_autoptr(GDateTime) due = local_time (tz, set->day, routine->morning_minutes);

      if (AFTER_SESSION_OK (due))
        item_set_add (set, session, task->id, task->category, task->title, task->detail,
                      "morning", _("Morning"), due, order, FALSE);
    }

  if ((task->slots & AG_SLOT_AFTER_SESSION) && offset == 0)
    {
      g_autoptr(GDateTime) due_abs = g_date_time_add (end, task->after_hours * G_TIME_SPAN_HOUR);
      g_autoptr(GDateTime) due = g_date_time_to_timezone (due_abs, tz);
      GDate due_day;

      /* A late session would put the step after midnight (23:30 + 4 h = 03:30). Nobody
       * should be woken for a first wash: the step is left out, and the next morning's
       * cleanse (day 1) takes its place. */
      date_of (due, tz, &due_day);
      if (g_date_compare (&due_day, set->day) == 0)
        item_set_add (set, session, task->id, task->category, task->title, task->detail,
                      "after-session", _("After the session"), due, order + 1, FALSE);
    }

  if (task->slots & AG_SLOT_REPEAT)
    {
      guint every = task->repeat_every;

      if (g_strcmp0 (task->category, "sunscreen") == 0 && routine->sunscreen_interval_hours > 0)
        every = routine->sunscreen_interval_hours;

      for (guint hour = task->repeat_from; hour <= task->repeat_until; hour += every)
        {
          g_autoptr(GDateTime) due = local_time (tz, set->day, hour * 60);
          g_autofree char *slot = g_strdup_printf ("at-%02u00", hour);
          g_autofree char *label = g_date_time_format (due, "%R");

          if (AFTER_SESSION_OK (due))
            item_set_add (set, session, task->id, task->category, task->title, task->detail,
                          slot, label, due, order + 2 + (int) hour, FALSE);
        }
    }

  if (task->slots & AG_SLOT_EVENING)
    {
      g_autoptr(GDateTime) due = local_time (tz, set->day, routine->evening_minutes);

      if (AFTER_SESSION_OK (due))
        item_set_add (set, session, task->id, task->category, task->title, task->detail,
                      "evening", _("Evening"), due, order + 50, FALSE);
    }

#undef AFTER_SESSION_OK
}

static void
add_prep_item (ItemSet              *set,
               const AgProtocolPrep *prep,
               guint                 prep_index,
               AgSession            *session,
               GTimeZone            *tz,
               const AgRoutine      *routine)
{
  g_autoptr(GDateTime) due = local_time (tz, set->day, routine->morning_minutes);

  item_set_add (set, session, prep->id, "preparation", prep->title, prep->detail, "morning",
                _("Morning"), due, 100000 + (int) prep_index, TRUE);
}

#define SECONDS_PER_DAY ((gint64) 24 * 60 * 60)

/* The Unix time of @day's midnight in UTC: within a day of its local midnight anywhere. */
static gint64
day_unix_estimate (const GDate *day)
{
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);

  return ((gint64) g_date_get_julian (day) - (gint64) g_date_get_julian (&epoch)) * SECONDS_PER_DAY;
}

static void
fill_day (ItemSet         *set,
          AgProtocol      *protocol,
          GPtrArray       *active,
          GTimeZone       *tz,
          const AgRoutine *routine,
          gboolean         with_prep)
{
  guint julian = g_date_get_julian (set->day);
  gint64 day_unix = day_unix_estimate (set->day);
  guint max_last_day = 0;
  guint max_days_before = 0;

  for (guint t = 0; t < ag_protocol_get_n_tasks (protocol); t++)
    max_last_day = MAX (max_last_day, ag_protocol_get_task (protocol, t)->last_day);
  for (guint p = 0; with_prep && p < ag_protocol_get_n_preps (protocol); p++)
    max_days_before = MAX (max_days_before, ag_protocol_get_prep (protocol, p)->days_before);

  for (guint s = 0; s < active->len; s++)
    {
      AgSession *session = g_ptr_array_index (active, s);
      gint64 start_unix = g_date_time_to_unix (ag_session_get_start (session));
      GDate day0;
      GDate start_day;
      int offset;

      /* Most sessions are months away from the day: rule them out with plain arithmetic
       * before any time zone work, which is what a calendar month spends its time on. */
      if (start_unix > day_unix + (gint64) (max_days_before + 2) * SECONDS_PER_DAY ||
          start_unix < day_unix - (gint64) (max_last_day + 3) * SECONDS_PER_DAY)
        continue;

      session_end_day (session, tz, &day0);
      offset = (int) julian - (int) g_date_get_julian (&day0);

      for (guint t = 0; offset >= 0 && t < ag_protocol_get_n_tasks (protocol); t++)
        {
          const AgProtocolTask *task = ag_protocol_get_task (protocol, t);

          if ((guint) offset >= task->first_day && (guint) offset <= task->last_day)
            add_task_items (set, task, t, session, tz, routine, offset);
        }

      if (!with_prep)
        continue;

      session_start_day (session, tz, &start_day);
      for (guint p = 0; p < ag_protocol_get_n_preps (protocol); p++)
        {
          const AgProtocolPrep *prep = ag_protocol_get_prep (protocol, p);

          if (g_date_get_julian (&start_day) == julian + prep->days_before)
            add_prep_item (set, prep, p, session, tz, routine);
        }
    }
}

/**
 * ag_routine_init_default:
 * @routine: (out caller-allocates): the routine to fill
 *
 * Sets the default routine: morning at 08:00, evening at 21:00, the protocol's sunscreen
 * interval.
 */
void
ag_routine_init_default (AgRoutine *routine)
{
  g_return_if_fail (routine != NULL);

  routine->morning_minutes = AG_ROUTINE_DEFAULT_MORNING;
  routine->evening_minutes = AG_ROUTINE_DEFAULT_EVENING;
  routine->sunscreen_interval_hours = 0;
}

/**
 * ag_engine_items_for_day:
 * @protocol: the protocol
 * @sessions: (element-type AgSession): every session; cancelled ones produce nothing
 * @tz: the zone in which local days and times of day are reckoned
 * @routine: (nullable): the user's times of day, %NULL for the defaults
 * @day: the local day
 *
 * The day's checklist: aftercare steps of every session whose day range covers @day, and
 * preparation steps that fall on @day. Steps of several sessions with the same key merge
 * into one item.
 *
 * Returns: (transfer container) (element-type AgChecklistItem): the items, sorted by time
 */
GPtrArray *
ag_engine_items_for_day (AgProtocol      *protocol,
                         GPtrArray       *sessions,
                         GTimeZone       *tz,
                         const AgRoutine *routine,
                         const GDate     *day)
{
  g_autoptr(GPtrArray) active = NULL;
  AgRoutine r;
  ItemSet set;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  get_routine (routine, &r);
  active = collect_sessions (sessions);
  item_set_init (&set, day);
  fill_day (&set, protocol, active, tz, &r, TRUE);

  return item_set_finish (&set);
}

/**
 * ag_engine_prep_steps_for_day:
 * @protocol: the protocol
 * @sessions: (element-type AgSession): every session
 * @tz: the local zone
 * @routine: (nullable): the user's times of day
 * @day: the local day
 *
 * The preparation steps that apply on @day because a session is near: each step from its
 * own day until the session day. Each item keeps the key of the day the step starts, so a
 * tick made then still shows.
 *
 * Returns: (transfer container) (element-type AgChecklistItem): the steps, by due time
 */
GPtrArray *
ag_engine_prep_steps_for_day (AgProtocol      *protocol,
                              GPtrArray       *sessions,
                              GTimeZone       *tz,
                              const AgRoutine *routine,
                              const GDate     *day)
{
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AgRoutine r;
  guint julian;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  get_routine (routine, &r);
  active = collect_sessions (sessions);
  julian = g_date_get_julian (day);

  for (guint s = 0; s < active->len; s++)
    {
      AgSession *session = g_ptr_array_index (active, s);
      GDate start_day;
      guint start_julian;

      session_start_day (session, tz, &start_day);
      start_julian = g_date_get_julian (&start_day);
      if (start_julian < julian)
        continue;

      for (guint p = 0; p < ag_protocol_get_n_preps (protocol); p++)
        {
          const AgProtocolPrep *prep = ag_protocol_get_prep (protocol, p);
          GDate prep_day;
          AgChecklistItem *item;
          ItemSet set;
          g_autoptr(GPtrArray) one = NULL;

          if (start_julian - julian > prep->days_before)
            continue;

          g_date_clear (&prep_day, 1);
          g_date_set_julian (&prep_day, start_julian - prep->days_before);
          item_set_init (&set, &prep_day);
          add_prep_item (&set, prep, p, session, tz, &r);
          one = item_set_finish (&set);
          item = g_ptr_array_index (one, 0);

          if (g_hash_table_contains (seen, ag_checklist_item_get_key (item)))
            {
              for (guint i = 0; i < items->len; i++)
                {
                  AgChecklistItem *other = g_ptr_array_index (items, i);

                  if (g_str_equal (ag_checklist_item_get_key (other),
                                   ag_checklist_item_get_key (item)))
                    ag_checklist_item_add_source (other, ag_session_get_id (session),
                                                  ag_session_get_treatment_id (session));
                }
              continue;
            }

          g_ptr_array_add (items, g_object_ref (item));
          g_hash_table_add (seen, (gpointer) ag_checklist_item_get_key (item));
        }
    }

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

static int
compare_windows (gconstpointer a,
                 gconstpointer b)
{
  const Window *wa = a;
  const Window *wb = b;
  int cmp = g_date_time_compare (ag_session_get_start (wa->session),
                                 ag_session_get_start (wb->session));

  if (cmp != 0)
    return cmp;
  return compare_sessions (&wa->session, &wb->session);
}

static void
clear_window (Window *window)
{
  g_clear_pointer (&window->end, g_date_time_unref);
}

static int
compare_restrictions (gconstpointer a,
                      gconstpointer b)
{
  AgRestriction *ra = *(AgRestriction * const *) a;
  AgRestriction *rb = *(AgRestriction * const *) b;

  return g_date_time_compare (ag_restriction_get_starts (ra), ag_restriction_get_starts (rb));
}

/**
 * ag_engine_restrictions:
 * @protocol: the protocol
 * @sessions: (element-type AgSession): every session; cancelled ones produce nothing
 *
 * One window per restriction kind per session, from the session's end, lasting the
 * protocol's hours for the session's needle depth as real hours. Overlapping windows of the
 * same kind merge into one, and the later end wins.
 *
 * Returns: (transfer container) (element-type AgRestriction): the windows, by start, then
 *   in the protocol's order
 */
GPtrArray *
ag_engine_restrictions (AgProtocol *protocol,
                        GPtrArray  *sessions)
{
  g_autoptr(GPtrArray) active = NULL;
  GPtrArray *result;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  active = collect_sessions (sessions);
  result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint r = 0; r < ag_protocol_get_n_restrictions (protocol); r++)
    {
      const AgProtocolRestriction *restriction = ag_protocol_get_restriction (protocol, r);
      g_autoptr(GArray) windows = g_array_new (FALSE, TRUE, sizeof (Window));
      AgRestriction *current = NULL;

      g_array_set_clear_func (windows, (GDestroyNotify) clear_window);

      for (guint s = 0; s < active->len; s++)
        {
          AgSession *session = g_ptr_array_index (active, s);
          guint band = ag_protocol_get_band_for_depth (protocol,
                                                       ag_session_get_effective_depth_mm (session));
          Window window = { session, NULL };

          if (restriction->hours[band] == 0)
            continue;

          window.end = ag_session_dup_end (session);
          g_array_append_val (windows, window);
        }

      g_array_sort (windows, compare_windows);

      for (guint w = 0; w < windows->len; w++)
        {
          Window *window = &g_array_index (windows, Window, w);
          guint band = ag_protocol_get_band_for_depth (protocol,
                                                       ag_session_get_effective_depth_mm (window->session));
          g_autoptr(GDateTime) ends = g_date_time_add (window->end,
                                                       restriction->hours[band] * G_TIME_SPAN_HOUR);
          gint64 session_id = ag_session_get_id (window->session);
          gint64 treatment_id = ag_session_get_treatment_id (window->session);

          if (current != NULL &&
              g_date_time_compare (window->end, ag_restriction_get_ends (current)) <= 0)
            {
              /* Overlapping (or touching) windows are one stretch of time for the patient. */
              ag_restriction_merge (current, ends, session_id, treatment_id);
              continue;
            }

          current = ag_restriction_new (restriction->kind, restriction->title,
                                        restriction->detail, restriction->lifted,
                                        restriction->category, window->end, ends,
                                        session_id, treatment_id);
          g_ptr_array_add (result, current);
        }
    }

  /* Stable for equal starts: kinds keep the protocol's order. */
  g_ptr_array_sort (result, compare_restrictions);
  return result;
}

/**
 * ag_engine_restrictions_at:
 * @protocol: the protocol
 * @sessions: (element-type AgSession): every session
 * @instant: any instant
 *
 * Returns: (transfer container) (element-type AgRestriction): the windows active at @instant
 */
GPtrArray *
ag_engine_restrictions_at (AgProtocol *protocol,
                           GPtrArray  *sessions,
                           GDateTime  *instant)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *active;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (instant != NULL, NULL);

  all = ag_engine_restrictions (protocol, sessions);
  active = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      AgRestriction *restriction = g_ptr_array_index (all, i);

      if (ag_restriction_is_active_at (restriction, instant))
        g_ptr_array_add (active, g_object_ref (restriction));
    }

  return active;
}

typedef struct
{
  GPtrArray *reminders;
  GDateTime *from;
  GDateTime *to;
} ReminderSet;

static gboolean
in_range (ReminderSet *set,
          GDateTime   *due)
{
  return g_date_time_compare (set->from, due) <= 0 && g_date_time_compare (due, set->to) < 0;
}

static void
add_reminder (ReminderSet *set,
              const char  *key,
              const char  *category,
              GDateTime   *due,
              const char  *summary,
              const char  *body,
              const char  *item_key,
              const GDate *day)
{
  if (!in_range (set, due))
    return;

  g_ptr_array_add (set->reminders,
                   ag_reminder_new (key, category, due, summary, body, item_key, day));
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  AgReminder *ra = *(AgReminder * const *) a;
  AgReminder *rb = *(AgReminder * const *) b;
  int cmp = g_date_time_compare (ag_reminder_get_due (ra), ag_reminder_get_due (rb));

  if (cmp != 0)
    return cmp;
  return g_strcmp0 (ag_reminder_get_key (ra), ag_reminder_get_key (rb));
}

static void
add_item_reminders (ReminderSet     *set,
                    AgProtocol      *protocol,
                    GPtrArray       *active,
                    GTimeZone       *tz,
                    const AgRoutine *routine)
{
  GDate day;
  GDate last;

  date_of (set->from, tz, &day);
  date_of (set->to, tz, &last);

  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      g_autoptr(GPtrArray) items = NULL;
      ItemSet items_set;

      item_set_init (&items_set, &day);
      /* Preparation steps come as their own reminders, which name the session day. */
      fill_day (&items_set, protocol, active, tz, routine, FALSE);
      items = item_set_finish (&items_set);

      for (guint i = 0; i < items->len; i++)
        {
          AgChecklistItem *item = g_ptr_array_index (items, i);
          g_autofree char *key = g_strconcat ("item:", ag_checklist_item_get_key (item), NULL);

          add_reminder (set, key, ag_checklist_item_get_category (item),
                        ag_checklist_item_get_due (item), ag_checklist_item_get_title (item),
                        ag_checklist_item_get_detail (item), ag_checklist_item_get_key (item),
                        &day);
        }
    }
}

static void
add_prep_reminders (ReminderSet     *set,
                    AgProtocol      *protocol,
                    GPtrArray       *active,
                    GTimeZone       *tz,
                    const AgRoutine *routine)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < active->len; s++)
    {
      AgSession *session = g_ptr_array_index (active, s);
      g_autoptr(GDateTime) start_local = g_date_time_to_timezone (ag_session_get_start (session), tz);
      g_autofree char *weekday = g_date_time_format (start_local, "%A");
      GDate start_day;

      session_start_day (session, tz, &start_day);

      for (guint p = 0; p < ag_protocol_get_n_preps (protocol); p++)
        {
          const AgProtocolPrep *prep = ag_protocol_get_prep (protocol, p);
          g_autofree char *key = NULL;
          g_autofree char *item_key = NULL;
          g_autofree char *day_str = NULL;
          g_autofree char *summary = NULL;
          g_autoptr(GDateTime) due = NULL;
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_julian (&day, g_date_get_julian (&start_day) - prep->days_before);
          day_str = format_day (&day);
          item_key = g_strdup_printf ("%s/%s/morning", day_str, prep->id);

          /* Two sessions on one day share their preparation: one reminder. */
          if (!g_hash_table_add (seen, g_strdup (item_key)))
            continue;

          due = local_time (tz, &day, routine->morning_minutes);
          key = g_strdup_printf ("prep:%s:%" G_GINT64_FORMAT, prep->id, ag_session_get_id (session));
          if (prep->days_before == 0)
            /* Translators: preparation step on the session day, "Come with clean skin: session today" */
            summary = g_strdup_printf (_("%s: session today"), prep->title);
          else
            /* Translators: preparation step and weekday, "Stop retinoids …: session on Friday" */
            summary = g_strdup_printf (_("%s: session on %s"), prep->title, weekday);

          add_reminder (set, key, "preparation", due, summary, prep->detail, item_key, &day);
        }
    }
}

static void
add_restriction_reminders (ReminderSet *set,
                           AgProtocol  *protocol,
                           GPtrArray   *active,
                           GTimeZone   *tz)
{
  g_autoptr(GPtrArray) windows = ag_engine_restrictions (protocol, active);

  for (guint w = 0; w < windows->len; w++)
    {
      AgRestriction *window = g_ptr_array_index (windows, w);
      const AgProtocolRestriction *restriction =
        ag_protocol_find_restriction (protocol, ag_restriction_get_kind (window));
      g_autofree char *end_key = NULL;
      GDate day;

      /* A notice when each session ends, with the end of the (merged) window. */
      for (guint s = 0; restriction->notice_at_start && s < active->len; s++)
        {
          AgSession *session = g_ptr_array_index (active, s);
          g_autoptr(GDateTime) end = ag_session_dup_end (session);
          g_autofree char *key = NULL;
          g_autofree char *until = NULL;
          g_autofree char *summary = NULL;
          gboolean in_window = FALSE;

          for (guint i = 0; i < ag_restriction_get_session_ids (window)->len; i++)
            if (g_array_index (ag_restriction_get_session_ids (window), gint64, i) ==
                ag_session_get_id (session))
              in_window = TRUE;

          if (!in_window || !ag_restriction_is_active_at (window, end))
            continue;

          key = g_strdup_printf ("restriction-start:%s:%" G_GINT64_FORMAT,
                                 restriction->kind, ag_session_get_id (session));
          until = ag_restriction_format_until (window, tz);
          /* Translators: restriction and when it ends, "No workouts or sweating until Tue 14:00" */
          summary = g_strdup_printf (_("%s until %s"), restriction->title, until);
          date_of (end, tz, &day);
          add_reminder (set, key, restriction->category, end, summary, restriction->detail,
                        NULL, &day);
        }

      end_key = g_strdup_printf ("restriction-end:%s:%" G_GINT64_FORMAT,
                                 restriction->kind, ag_restriction_get_session_id (window));
      date_of (ag_restriction_get_ends (window), tz, &day);
      add_reminder (set, end_key, restriction->category, ag_restriction_get_ends (window),
                    restriction->lifted,
                    _("Your skin has had the time it needs for this. Go gently at first."),
                    NULL, &day);
    }
}

static void
add_appointment_reminders (ReminderSet     *set,
                           GPtrArray       *active,
                           GTimeZone       *tz,
                           const AgRoutine *routine)
{
  for (guint s = 0; s < active->len; s++)
    {
      AgSession *session = g_ptr_array_index (active, s);
      g_autoptr(GDateTime) start_local = g_date_time_to_timezone (ag_session_get_start (session), tz);
      g_autoptr(GDateTime) due = NULL;
      g_autofree char *key = NULL;
      g_autofree char *time = NULL;
      g_autofree char *body = NULL;
      GDate day;
      GDate eve;

      if (ag_session_get_status (session) != AG_SESSION_PLANNED)
        continue;

      session_start_day (session, tz, &day);
      eve = day;
      g_date_subtract_days (&eve, 1);
      due = local_time (tz, &eve, routine->evening_minutes);
      key = g_strdup_printf ("appointment:%" G_GINT64_FORMAT, ag_session_get_id (session));
      time = g_date_time_format (start_local, "%R");
      /* Translators: area and time, "Face at 10:00. Come with …" */
      body = g_strdup_printf (_("%s at %s. Come with clean skin and no makeup."),
                              ag_area_get_label (ag_session_get_area (session)), time);

      add_reminder (set, key, "appointment", due, _("Microneedling session tomorrow"), body,
                    NULL, &day);
    }
}

static void
add_booking_reminders (ReminderSet     *set,
                       AgProtocol      *protocol,
                       GPtrArray       *active,
                       GTimeZone       *tz,
                       const AgRoutine *routine)
{
  for (guint s = 0; s < active->len; s++)
    {
      AgSession *session = g_ptr_array_index (active, s);
      gint64 tid = ag_session_get_treatment_id (session);
      g_autoptr(GDateTime) due = NULL;
      g_autoptr(GDateTime) earliest = NULL;
      g_autofree char *key = NULL;
      g_autofree char *date = NULL;
      g_autofree char *body = NULL;
      guint weeks;
      GDate day;

      gboolean has_later = FALSE;

      /* active is sorted by start: a later session of the same treatment comes after. */
      for (guint l = s + 1; l < active->len; l++)
        if (ag_session_get_treatment_id (g_ptr_array_index (active, l)) == tid)
          has_later = TRUE;
      if (has_later)
        continue;

      /* A course whose last session is its final one needs no booking. */
      if (ag_session_get_count (session) > 0 &&
          ag_session_get_number (session) >= ag_session_get_count (session))
        continue;

      session_end_day (session, tz, &day);
      g_date_add_days (&day, 7);
      due = local_time (tz, &day, routine->morning_minutes);
      weeks = ag_protocol_get_min_interval_weeks (protocol, ag_session_get_area (session));
      earliest = g_date_time_add_weeks (ag_session_get_start (session), weeks);
      date = g_date_time_format (earliest, "%x");
      key = g_strdup_printf ("book:%" G_GINT64_FORMAT, tid);
      /* Translators: area and earliest date, "Face: your last session was a week ago. …" */
      body = g_strdup_printf (_("%s: your last session was a week ago. Book the next one for "
                                "%s or later, so your skin has time to heal."),
                              ag_area_get_label (ag_session_get_area (session)), date);

      add_reminder (set, key, "booking", due, _("Book your next session"), body, NULL, &day);
    }
}

/**
 * ag_engine_reminders_between:
 * @protocol: the protocol
 * @sessions: (element-type AgSession): every session
 * @tz: the local zone
 * @routine: (nullable): the user's times of day
 * @from: start of the range, inclusive
 * @to: end of the range, exclusive
 *
 * Everything due in [@from, @to): checklist steps; at a session's end, a notice for
 * restrictions that ask for one; each restriction lifting; preparation steps on their day
 * at morning time; the appointment the evening before; and "book your next session" on the
 * morning 7 days after a treatment's last session.
 *
 * Returns: (transfer container) (element-type AgReminder): sorted by due time, then key
 */
GPtrArray *
ag_engine_reminders_between (AgProtocol      *protocol,
                             GPtrArray       *sessions,
                             GTimeZone       *tz,
                             const AgRoutine *routine,
                             GDateTime       *from,
                             GDateTime       *to)
{
  g_autoptr(GPtrArray) active = NULL;
  ReminderSet set;
  AgRoutine r;

  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  set.reminders = g_ptr_array_new_with_free_func (g_object_unref);
  set.from = from;
  set.to = to;

  if (g_date_time_compare (from, to) >= 0)
    return set.reminders;

  get_routine (routine, &r);
  active = collect_sessions (sessions);

  add_item_reminders (&set, protocol, active, tz, &r);
  add_prep_reminders (&set, protocol, active, tz, &r);
  add_restriction_reminders (&set, protocol, active, tz);
  add_appointment_reminders (&set, active, tz, &r);
  add_booking_reminders (&set, protocol, active, tz, &r);

  g_ptr_array_sort (set.reminders, compare_reminders);
  return set.reminders;
}
