/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-month-summary.c: what a month's calendar shows for each day, across all treatments. */

#define G_LOG_DOMAIN "ag-month-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ag-month-summary.h"

#define GRID_DAYS (6 * 7)

typedef struct
{
  AgSession *session;     /* owned */
  char *color;            /* owned */
} DaySession;

struct _AgDaySummary
{
  GObject parent_instance;

  GDate date;
  gboolean in_month;
  gboolean is_today;
  gboolean is_next_session;

  /* owned */
  GArray *sessions;        /* DaySession, the sessions that start this day */
  AgSession *phase_session;

  AgPhase phase;
  int phase_day;
  AgCompletion completion;
  guint n_items;
  guint n_done;
};

G_DEFINE_FINAL_TYPE (AgDaySummary, ag_day_summary, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AgPhase, ag_phase,
                    G_DEFINE_ENUM_VALUE (AG_PHASE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (AG_PHASE_STRICT, "strict"),
                    G_DEFINE_ENUM_VALUE (AG_PHASE_CAREFUL, "careful"),
                    G_DEFINE_ENUM_VALUE (AG_PHASE_NORMAL, "normal"))

G_DEFINE_ENUM_TYPE (AgCompletion, ag_completion,
                    G_DEFINE_ENUM_VALUE (AG_COMPLETION_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (AG_COMPLETION_COMPLETE, "complete"),
                    G_DEFINE_ENUM_VALUE (AG_COMPLETION_PARTIAL, "partial"),
                    G_DEFINE_ENUM_VALUE (AG_COMPLETION_MISSED, "missed"))

enum {
  PROP_0,
  PROP_DATE,
  PROP_IN_MONTH,
  PROP_IS_TODAY,
  PROP_IS_NEXT_SESSION,
  PROP_N_SESSIONS,
  PROP_PHASE,
  PROP_PHASE_DAY,
  PROP_PHASE_SESSION,
  PROP_COMPLETION,
  PROP_N_ITEMS,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A session as the month sees it: its local days, worked out once per build. */
typedef struct
{
  AgSession *session;      /* borrowed */
  guint start_julian;      /* local day it starts */
  guint end_julian;        /* local day it ends: the engine's day 0 */
} SessionDays;

static void
clear_day_session (gpointer data)
{
  DaySession *entry = data;

  g_clear_object (&entry->session);
  g_clear_pointer (&entry->color, g_free);
}

static guint
julian_of (GDateTime *instant,
           GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);
  int y, m, d;
  GDate date;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static gboolean
sessions_equal (AgSession *a,
                AgSession *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return ag_session_get_id (a) == ag_session_get_id (b) &&
         ag_session_get_treatment_id (a) == ag_session_get_treatment_id (b) &&
         ag_session_get_area (a) == ag_session_get_area (b) &&
         ag_session_get_number (a) == ag_session_get_number (b) &&
         ag_session_get_count (a) == ag_session_get_count (b) &&
         ag_session_get_status (a) == ag_session_get_status (b);
}

static AgPhase
phase_for_day (int  offset,
               guint last_task_day)
{
  if (offset < 0)
    return AG_PHASE_NONE;
  if (offset <= AG_PHASE_STRICT_LAST_DAY)
    return AG_PHASE_STRICT;
  if (offset <= AG_PHASE_CAREFUL_LAST_DAY)
    return AG_PHASE_CAREFUL;
  if ((guint) offset <= last_task_day)
    return AG_PHASE_NORMAL;
  return AG_PHASE_NONE;
}

static const char *
find_color (GPtrArray *treatments,
            gint64     treatment_id)
{
  for (guint i = 0; i < treatments->len; i++)
    {
      AgTreatment *treatment = g_ptr_array_index (treatments, i);

      if (ag_treatment_get_id (treatment) == treatment_id)
        return ag_treatment_get_color (treatment);
    }

  return NULL;
}

static void
format_day (const GDate *day,
            char         out[16])
{
  g_snprintf (out, 16, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
              g_date_get_day (day));
}

static void
ag_day_summary_finalize (GObject *object)
{
  AgDaySummary *self = (AgDaySummary *)object;

  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_object (&self->phase_session);

  G_OBJECT_CLASS (ag_day_summary_parent_class)->finalize (object);
}

static void
ag_day_summary_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AgDaySummary *self = AG_DAY_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_IN_MONTH:
      g_value_set_boolean (value, self->in_month);
      break;
    case PROP_IS_TODAY:
      g_value_set_boolean (value, self->is_today);
      break;
    case PROP_IS_NEXT_SESSION:
      g_value_set_boolean (value, self->is_next_session);
      break;
    case PROP_N_SESSIONS:
      g_value_set_uint (value, self->sessions->len);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_PHASE_DAY:
      g_value_set_int (value, self->phase_day);
      break;
    case PROP_PHASE_SESSION:
      g_value_set_object (value, self->phase_session);
      break;
    case PROP_COMPLETION:
      g_value_set_enum (value, self->completion);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_day_summary_class_init (AgDaySummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ag_day_summary_finalize;
  object_class->get_property = ag_day_summary_get_property;

  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, ro);
  properties[PROP_IN_MONTH] = g_param_spec_boolean ("in-month", NULL, NULL, FALSE, ro);
  properties[PROP_IS_TODAY] = g_param_spec_boolean ("is-today", NULL, NULL, FALSE, ro);
  properties[PROP_IS_NEXT_SESSION] =
    g_param_spec_boolean ("is-next-session", NULL, NULL, FALSE, ro);
  properties[PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, AG_TYPE_PHASE, AG_PHASE_NONE, ro);
  properties[PROP_PHASE_DAY] = g_param_spec_int ("phase-day", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_PHASE_SESSION] =
    g_param_spec_object ("phase-session", NULL, NULL, AG_TYPE_SESSION, ro);
  properties[PROP_COMPLETION] =
    g_param_spec_enum ("completion", NULL, NULL, AG_TYPE_COMPLETION, AG_COMPLETION_NONE, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_day_summary_init (AgDaySummary *self)
{
  g_date_clear (&self->date, 1);
  self->sessions = g_array_new (FALSE, TRUE, sizeof (DaySession));
  g_array_set_clear_func (self->sessions, clear_day_session);
  self->phase_day = -1;
}

/* Public API */

/**
 * ag_day_summary_get_date:
 *
 * Returns: the local calendar day
 */
const GDate *
ag_day_summary_get_date (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), NULL);

  return &self->date;
}

/**
 * ag_day_summary_get_in_month:
 *
 * Returns: %FALSE for the days of the previous and next months that pad the grid
 */
gboolean
ag_day_summary_get_in_month (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), FALSE);

  return self->in_month;
}

gboolean
ag_day_summary_get_is_today (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), FALSE);

  return self->is_today;
}

/**
 * ag_day_summary_get_is_next_session:
 *
 * Returns: whether the first planned session after "now" starts on this day
 */
gboolean
ag_day_summary_get_is_next_session (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), FALSE);

  return self->is_next_session;
}

/**
 * ag_day_summary_get_n_sessions:
 *
 * Returns: how many sessions that are not cancelled start on this day
 */
guint
ag_day_summary_get_n_sessions (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), 0);

  return self->sessions->len;
}

/**
 * ag_day_summary_get_session:
 * @index: below ag_day_summary_get_n_sessions(), in order of start
 *
 * Returns: (transfer none): the session; do not change it
 */
AgSession *
ag_day_summary_get_session (AgDaySummary *self,
                            guint         index)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->sessions->len, NULL);

  return g_array_index (self->sessions, DaySession, index).session;
}

/**
 * ag_day_summary_get_session_color:
 * @index: below ag_day_summary_get_n_sessions()
 *
 * Returns: (nullable): the colour of the session's treatment, such as "#3584e4"
 */
const char *
ag_day_summary_get_session_color (AgDaySummary *self,
                                  guint         index)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->sessions->len, NULL);

  return g_array_index (self->sessions, DaySession, index).color;
}

/**
 * ag_day_summary_dup_session_label:
 * @index: below ag_day_summary_get_n_sessions()
 *
 * Returns: (transfer full): the session as a patient names it, "Session 2 of 4 · Face"
 */
char *
ag_day_summary_dup_session_label (AgDaySummary *self,
                                  guint         index)
{
  AgSession *session;

  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->sessions->len, NULL);

  session = g_array_index (self->sessions, DaySession, index).session;
  /* Translators: session number, number of sessions and area, "Session 2 of 4 · Face" */
  return g_strdup_printf (_("Session %u of %u · %s"), ag_session_get_number (session),
                          ag_session_get_count (session),
                          ag_area_get_label (ag_session_get_area (session)));
}

AgPhase
ag_day_summary_get_phase (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), AG_PHASE_NONE);

  return self->phase;
}

/**
 * ag_day_summary_get_phase_day:
 *
 * Returns: the day after the most recent session, 0 being the day it ends; -1 when the
 *   phase is %AG_PHASE_NONE
 */
int
ag_day_summary_get_phase_day (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), -1);

  return self->phase_day;
}

/**
 * ag_day_summary_get_phase_session:
 *
 * Returns: (transfer none) (nullable): the session the phase counts from
 */
AgSession *
ag_day_summary_get_phase_session (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), NULL);

  return self->phase_session;
}

AgCompletion
ag_day_summary_get_completion (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), AG_COMPLETION_NONE);

  return self->completion;
}

/**
 * ag_day_summary_get_n_items:
 *
 * Returns: how many checklist items the day had; 0 for today and later days
 */
guint
ag_day_summary_get_n_items (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), 0);

  return self->n_items;
}

guint
ag_day_summary_get_n_done (AgDaySummary *self)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (self), 0);

  return self->n_done;
}

/**
 * ag_day_summary_equal:
 *
 * Returns: whether a calendar would show @a and @b the same way
 */
gboolean
ag_day_summary_equal (AgDaySummary *a,
                      AgDaySummary *b)
{
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (a), FALSE);
  g_return_val_if_fail (AG_IS_DAY_SUMMARY (b), FALSE);

  if (g_date_compare (&a->date, &b->date) != 0 ||
      a->in_month != b->in_month ||
      a->is_today != b->is_today ||
      a->is_next_session != b->is_next_session ||
      a->phase != b->phase ||
      a->phase_day != b->phase_day ||
      a->completion != b->completion ||
      a->n_items != b->n_items ||
      a->n_done != b->n_done ||
      a->sessions->len != b->sessions->len ||
      !sessions_equal (a->phase_session, b->phase_session))
    return FALSE;

  for (guint i = 0; i < a->sessions->len; i++)
    {
      DaySession *sa = &g_array_index (a->sessions, DaySession, i);
      DaySession *sb = &g_array_index (b->sessions, DaySession, i);

      if (!sessions_equal (sa->session, sb->session) || g_strcmp0 (sa->color, sb->color) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Whether any treatment behind @item was already planned on @julian: items of days before a
 * plan existed (a patient entering past sessions for their records, or preparation days
 * before a session planned at short notice) could not have been ticked then. */
static gboolean
item_was_planned (AgChecklistItem *item,
                  GHashTable      *planned_julian,
                  guint            julian)
{
  GArray *treatment_ids = ag_checklist_item_get_treatment_ids (item);

  for (guint i = 0; treatment_ids != NULL && i < treatment_ids->len; i++)
    {
      gint64 id = g_array_index (treatment_ids, gint64, i);
      guint planned = GPOINTER_TO_UINT (g_hash_table_lookup (planned_julian, &id));

      if (planned == 0 || planned <= julian)
        return TRUE;
    }

  return FALSE;
}

static void
count_completion (AgDaySummary *summary,
                  GPtrArray    *items,
                  GHashTable   *ticks,
                  GHashTable   *planned_julian)
{
  guint julian = g_date_get_julian (&summary->date);

  summary->n_items = 0;
  summary->n_done = 0;

  for (guint i = 0; i < items->len; i++)
    {
      AgChecklistItem *item = g_ptr_array_index (items, i);
      gboolean done = g_hash_table_contains (ticks, ag_checklist_item_get_key (item));

      /* A tick always counts; an unticked item only once its plan existed. */
      if (done || item_was_planned (item, planned_julian, julian))
        summary->n_items++;
      if (done)
        summary->n_done++;
    }

  if (summary->n_items == 0)
    summary->completion = AG_COMPLETION_NONE;
  else if (summary->n_done == summary->n_items)
    summary->completion = AG_COMPLETION_COMPLETE;
  else if (summary->n_done > 0)
    summary->completion = AG_COMPLETION_PARTIAL;
  else
    summary->completion = AG_COMPLETION_MISSED;
}

/**
 * ag_month_summary_build:
 * @store: the store
 * @treatments: (nullable) (element-type AgTreatment): every treatment, as
 *   ag_store_list_treatments() gives them, or %NULL to read them from @store
 * @sessions: (nullable) (element-type AgSession): every session, as
 *   ag_store_list_sessions() gives them, or %NULL to read them from @store
 * @protocol: the protocol that sets the days of aftercare and the checklists
 * @tz: the zone in which local days are reckoned
 * @routine: (nullable): the user's times of day, %NULL for the defaults
 * @now: the current time, which tells past days, today and the next session
 * @year: the year
 * @month: the month, 1 to 12
 * @first_weekday: the weekday the grid's rows start on, or %G_DATE_BAD_WEEKDAY for only
 *   the days of the month
 * @error: where a reason goes if the store cannot be read
 *
 * Builds what a month calendar shows: with @first_weekday, six full weeks from the one
 * holding the 1st (42 days); without, the month's own days. It reads the store up to three
 * times (treatments and sessions unless given, ticks) and runs the engine only for past
 * days that a session's preparation or aftercare covers, so it stays cheap with years of
 * history. A caller that moves between months keeps the lists until the store changes.
 *
 * Returns: (transfer container) (element-type AgDaySummary) (nullable): one summary per day,
 *   in date order
 */
GPtrArray *
ag_month_summary_build (AgStore          *store,
                        GPtrArray        *treatments,
                        GPtrArray        *sessions,
                        AgProtocol       *protocol,
                        GTimeZone        *tz,
                        const AgRoutine  *routine,
                        GDateTime        *now,
                        guint             year,
                        guint             month,
                        GDateWeekday      first_weekday,
                        GError          **error)
{
  g_autoptr(GPtrArray) read_treatments = NULL;
  g_autoptr(GPtrArray) read_sessions = NULL;
  g_autoptr(GHashTable) planned_julian = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) relevant = g_ptr_array_new ();
  AgSession *next_session = NULL;
  guint next_julian = 0;
  guint today_julian;
  guint first_julian;
  guint n_days;
  guint last_task_day = 0;
  guint max_days_before = 0;
  GDate first;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (tz != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (g_date_valid_dmy (1, month, year), NULL);
  g_return_val_if_fail (first_weekday == G_DATE_BAD_WEEKDAY ||
                        g_date_valid_weekday (first_weekday), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (treatments == NULL)
    treatments = read_treatments = ag_store_list_treatments (store, error);
  if (treatments == NULL)
    return NULL;
  if (sessions == NULL)
    sessions = read_sessions = ag_store_list_sessions (store, 0, error);
  if (sessions == NULL)
    return NULL;

  /* The local day each treatment was planned on. */
  planned_julian = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < treatments->len; i++)
    {
      AgTreatment *treatment = g_ptr_array_index (treatments, i);
      gint64 created = ag_treatment_get_created_usec (treatment);

      if (created > 0)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (created / G_USEC_PER_SEC);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
          g_hash_table_insert (planned_julian,
                               g_memdup2 (&(gint64) { ag_treatment_get_id (treatment) },
                                          sizeof (gint64)),
                               GUINT_TO_POINTER (g_date_get_julian (&day)));
        }
    }

  /* The grid */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  if (first_weekday == G_DATE_BAD_WEEKDAY)
    {
      n_days = g_date_get_days_in_month (month, year);
    }
  else
    {
      g_date_subtract_days (&first, (g_date_get_weekday (&first) - first_weekday + 7) % 7);
      n_days = GRID_DAYS;
    }
  first_julian = g_date_get_julian (&first);
  today_julian = julian_of (now, tz);

  for (guint t = 0; t < ag_protocol_get_n_tasks (protocol); t++)
    last_task_day = MAX (last_task_day, ag_protocol_get_task (protocol, t)->last_day);
  for (guint p = 0; p < ag_protocol_get_n_preps (protocol); p++)
    max_days_before = MAX (max_days_before, ag_protocol_get_prep (protocol, p)->days_before);

  /* Sessions that matter, with their local days: sorted by start, as the store lists them. */
  days = g_array_sized_new (FALSE, FALSE, sizeof (SessionDays), sessions->len);
  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GDateTime) end = NULL;
      SessionDays entry;

      if (ag_session_get_status (session) == AG_SESSION_CANCELLED ||
          ag_session_get_start (session) == NULL)
        continue;

      if (next_session == NULL && ag_session_get_status (session) == AG_SESSION_PLANNED &&
          g_date_time_compare (ag_session_get_start (session), now) > 0)
        {
          next_session = session;
          next_julian = julian_of (ag_session_get_start (session), tz);
        }

      end = ag_session_dup_end (session);
      entry.session = session;
      entry.start_julian = julian_of (ag_session_get_start (session), tz);
      entry.end_julian = MAX (entry.start_julian, julian_of (end, tz));

      /* Outside the grid's reach in both directions: nothing to show from it. */
      if (entry.end_julian + last_task_day < first_julian ||
          entry.start_julian >= first_julian + n_days + max_days_before)
        {
          /* Still the most recent one for the first days if nothing later comes; only
           * its phase matters then, which the window check below already rules out. */
          if (entry.start_julian >= first_julian + n_days + max_days_before)
            break;
          continue;
        }

      g_array_append_val (days, entry);
    }

  /* One query for every past day of the grid. */
  if (today_julian > first_julian)
    {
      GDate last_past;
      char first_text[16];
      char last_text[16];

      g_date_clear (&last_past, 1);
      g_date_set_julian (&last_past, MIN (today_julian - 1, first_julian + n_days - 1));
      format_day (&first, first_text);
      format_day (&last_past, last_text);
      ticks = ag_store_dup_ticks_between (store, first_text, last_text, error);
      if (ticks == NULL)
        return NULL;
    }

  result = g_ptr_array_new_full (n_days, g_object_unref);

  for (guint d = 0; d < n_days; d++)
    {
      AgDaySummary *summary = g_object_new (AG_TYPE_DAY_SUMMARY, NULL);
      guint julian = first_julian + d;
      SessionDays *latest = NULL;

      g_ptr_array_add (result, summary);
      g_date_set_julian (&summary->date, julian);
      summary->in_month = g_date_get_month (&summary->date) == month;
      summary->is_today = julian == today_julian;
      summary->is_next_session = next_session != NULL && julian == next_julian;

      g_ptr_array_set_size (relevant, 0);

      for (guint i = 0; i < days->len; i++)
        {
          SessionDays *entry = &g_array_index (days, SessionDays, i);

          if (entry->start_julian == julian)
            {
              DaySession day_session;

              day_session.session = g_object_ref (entry->session);
              day_session.color = g_strdup (find_color (treatments,
                                                        ag_session_get_treatment_id (entry->session)));
              g_array_append_val (summary->sessions, day_session);
            }

          if (entry->start_julian <= julian)
            latest = entry;

          if (julian + max_days_before >= entry->start_julian &&
              julian <= entry->end_julian + last_task_day)
            g_ptr_array_add (relevant, entry->session);
        }

      if (latest != NULL)
        {
          int offset = MAX (0, (int) julian - (int) latest->end_julian);

          summary->phase = phase_for_day (offset, last_task_day);
          if (summary->phase != AG_PHASE_NONE)
            {
              summary->phase_day = offset;
              summary->phase_session = g_object_ref (latest->session);
            }
        }

      /* Only a day that is over can be complete or missed. */
      if (julian < today_julian && relevant->len > 0)
        {
          g_autoptr(GPtrArray) items = ag_engine_items_for_day (protocol, relevant, tz, routine,
                                                                &summary->date);

          count_completion (summary, items, ticks, planned_julian);
        }
    }

  return g_steal_pointer (&result);
}
