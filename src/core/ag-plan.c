/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-plan.c: a series of sessions as the user plans it, its checks and its dates. */

#define G_LOG_DOMAIN "ag-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ag-error.h"
#include "ag-plan.h"
#include "ag-util.h"

/* Depths are typed with one decimal; compare with a little slack so 0.1 is 0.1. */
#define DEPTH_EPSILON 1e-9
#define MAX_DURATION_MINUTES (24 * 60)

struct _AgSeriesPlan
{
  /* owned */
  GDateTime *first_start;
  char *clinic;

  guint n_sessions;
  guint interval_weeks;
  guint duration_minutes;
  double depth_mm;
  gboolean interval_override;
};

G_DEFINE_BOXED_TYPE (AgSeriesPlan, ag_series_plan, ag_series_plan_copy, ag_series_plan_free)

static gboolean
parse_digits (const char *text,
              gsize       n_digits,
              guint      *out)
{
  guint value = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint)(text[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            guint      *year,
            guint      *month,
            guint      *day)
{
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  return parse_digits (text, 4, year) &&
         parse_digits (text + 5, 2, month) &&
         parse_digits (text + 8, 2, day);
}

/* "14:30", "9:05" or "14:30:00". */
static gboolean
parse_time (const char *text,
            guint      *hour,
            guint      *minute,
            guint      *second)
{
  gsize len = strlen (text);
  gsize hour_digits;

  if (len >= 2 && text[1] == ':')
    hour_digits = 1;
  else if (len >= 3 && text[2] == ':')
    hour_digits = 2;
  else
    return FALSE;

  if (!parse_digits (text, hour_digits, hour))
    return FALSE;

  text += hour_digits + 1;
  len -= hour_digits + 1;

  *second = 0;
  if (len == 2)
    return parse_digits (text, 2, minute);
  if (len == 5 && text[2] == ':')
    return parse_digits (text, 2, minute) && parse_digits (text + 3, 2, second);

  return FALSE;
}

/**
 * ag_series_plan_new:
 * @first_start: (nullable): when the first session starts, in the zone it is planned in
 * @n_sessions: how many sessions, %AG_SESSIONS_MIN to %AG_SESSIONS_MAX
 * @interval_weeks: weeks from one session to the next
 *
 * Returns: (transfer full): a plan of 30-minute sessions at 1.0 mm, without a clinic
 */
AgSeriesPlan *
ag_series_plan_new (GDateTime *first_start,
                    guint      n_sessions,
                    guint      interval_weeks)
{
  AgSeriesPlan *plan = g_new0 (AgSeriesPlan, 1);

  if (first_start != NULL)
    plan->first_start = g_date_time_ref (first_start);
  plan->n_sessions = n_sessions;
  plan->interval_weeks = interval_weeks;
  plan->duration_minutes = 30;
  plan->depth_mm = 1.0;

  return plan;
}

/**
 * ag_series_plan_copy:
 *
 * Returns: (transfer full): an independent copy
 */
AgSeriesPlan *
ag_series_plan_copy (const AgSeriesPlan *plan)
{
  AgSeriesPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  if (plan->first_start != NULL)
    copy->first_start = g_date_time_ref (plan->first_start);
  copy->clinic = g_strdup (plan->clinic);

  return copy;
}

void
ag_series_plan_free (AgSeriesPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->first_start, g_date_time_unref);
  g_clear_pointer (&plan->clinic, g_free);
  g_free (plan);
}

/**
 * ag_series_plan_get_first_start:
 *
 * Returns: (transfer none) (nullable): the start of the first session
 */
GDateTime *
ag_series_plan_get_first_start (const AgSeriesPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->first_start;
}

void
ag_series_plan_set_first_start (AgSeriesPlan *plan,
                                GDateTime    *first_start)
{
  g_return_if_fail (plan != NULL);

  if (first_start != NULL)
    g_date_time_ref (first_start);
  g_clear_pointer (&plan->first_start, g_date_time_unref);
  plan->first_start = first_start;
}

#define DEFINE_SCALAR(type, name)                                       \
  type                                                                  \
  ag_series_plan_get_##name (const AgSeriesPlan *plan)                  \
  {                                                                     \
    g_return_val_if_fail (plan != NULL, 0);                             \
    return plan->name;                                                  \
  }                                                                     \
                                                                        \
  void                                                                  \
  ag_series_plan_set_##name (AgSeriesPlan *plan,                        \
                             type          value)                       \
  {                                                                     \
    g_return_if_fail (plan != NULL);                                    \
    plan->name = value;                                                 \
  }

DEFINE_SCALAR (guint, n_sessions)
DEFINE_SCALAR (guint, interval_weeks)
DEFINE_SCALAR (gboolean, interval_override)
DEFINE_SCALAR (double, depth_mm)
DEFINE_SCALAR (guint, duration_minutes)

#undef DEFINE_SCALAR

const char *
ag_series_plan_get_clinic (const AgSeriesPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->clinic;
}

void
ag_series_plan_set_clinic (AgSeriesPlan *plan,
                           const char   *clinic)
{
  g_return_if_fail (plan != NULL);
  ag_set_str (&plan->clinic, clinic);
}

/**
 * ag_series_plan_validate:
 * @plan: the plan
 * @min_interval_weeks: the shortest interval the protocol allows for this area
 * @error: where a reason the plan cannot be saved goes, in words a patient understands
 *
 * Checks what must hold before a plan is saved. An interval shorter than
 * @min_interval_weeks is refused unless the plan records that the practitioner said so.
 * Things that are allowed but unusual are not errors: see ag_series_plan_get_warnings().
 *
 * Returns: %TRUE if the plan can be saved
 */
gboolean
ag_series_plan_validate (const AgSeriesPlan  *plan,
                         guint                min_interval_weeks,
                         GError             **error)
{
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (plan->first_start == NULL)
    {
      g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                           _("Choose the date and time of your first session."));
      return FALSE;
    }

  if (plan->n_sessions < AG_SESSIONS_MIN || plan->n_sessions > AG_SESSIONS_MAX)
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_COUNT,
                   _("A series can have from %d to %d sessions. Choose a number in between."),
                   AG_SESSIONS_MIN, AG_SESSIONS_MAX);
      return FALSE;
    }

  if (plan->depth_mm < AG_DEPTH_MIN_MM - DEPTH_EPSILON ||
      plan->depth_mm > AG_DEPTH_MAX_MM + DEPTH_EPSILON)
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DEPTH,
                   _("The needle depth must be between %.1f mm and %.1f mm. "
                     "Check the depth your practitioner gave you."),
                   AG_DEPTH_MIN_MM, AG_DEPTH_MAX_MM);
      return FALSE;
    }

  if (plan->n_sessions > 1)
    {
      if (plan->interval_weeks == 0)
        {
          g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INTERVAL,
                               _("Leave at least one week between two sessions."));
          return FALSE;
        }

      if (plan->interval_weeks < min_interval_weeks && !plan->interval_override)
        {
          g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INTERVAL,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Your skin needs at least %u week to heal between two "
                                    "sessions. If your practitioner told you to come back "
                                    "sooner, say so and Afterglow will plan it that way.",
                                    "Your skin needs at least %u weeks to heal between two "
                                    "sessions. If your practitioner told you to come back "
                                    "sooner, say so and Afterglow will plan it that way.",
                                    min_interval_weeks),
                       min_interval_weeks);
          return FALSE;
        }
    }

  if (plan->duration_minutes == 0 || plan->duration_minutes > MAX_DURATION_MINUTES)
    {
      g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INVALID,
                           _("A session lasts from one minute to one day. "
                             "Check how long your session takes."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ag_series_plan_get_warnings:
 * @plan: the plan
 * @now: (nullable): the current time, to tell whether the first session is in the past
 *
 * Returns: what is allowed but deserves a second look
 */
AgPlanWarning
ag_series_plan_get_warnings (const AgSeriesPlan *plan,
                             GDateTime          *now)
{
  AgPlanWarning warnings = AG_PLAN_WARNING_NONE;

  g_return_val_if_fail (plan != NULL, AG_PLAN_WARNING_NONE);

  if (plan->depth_mm > AG_DEPTH_WARN_MM + DEPTH_EPSILON)
    warnings |= AG_PLAN_WARNING_DEEP;

  if (plan->n_sessions < AG_SESSIONS_RECOMMENDED)
    warnings |= AG_PLAN_WARNING_FEW_SESSIONS;

  if (now != NULL && plan->first_start != NULL &&
      g_date_time_compare (plan->first_start, now) < 0)
    warnings |= AG_PLAN_WARNING_IN_PAST;

  return warnings;
}

/**
 * ag_series_plan_dup_warning_texts:
 * @plan: the plan
 * @now: (nullable): the current time
 *
 * Returns: (transfer full) (element-type utf8): one translated sentence per warning of
 *   ag_series_plan_get_warnings(), possibly none
 */
GPtrArray *
ag_series_plan_dup_warning_texts (const AgSeriesPlan *plan,
                                  GDateTime          *now)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  AgPlanWarning warnings;

  g_return_val_if_fail (plan != NULL, texts);

  warnings = ag_series_plan_get_warnings (plan, now);

  if (warnings & AG_PLAN_WARNING_DEEP)
    g_ptr_array_add (texts,
                     g_strdup_printf (_("A depth above %.1f mm is usually used only by a "
                                        "practitioner. Make sure this is the depth you were "
                                        "given."),
                                      AG_DEPTH_WARN_MM));

  if (warnings & AG_PLAN_WARNING_FEW_SESSIONS)
    g_ptr_array_add (texts,
                     g_strdup_printf (_("Most people need at least %d sessions to see a "
                                        "result. You can still plan fewer."),
                                      AG_SESSIONS_RECOMMENDED));

  if (warnings & AG_PLAN_WARNING_IN_PAST)
    g_ptr_array_add (texts,
                     g_strdup (_("Your first session is in the past. Afterglow will keep it "
                                 "in your history but will not remind you of it.")));

  return texts;
}

/**
 * ag_date_time_add_local_days:
 * @datetime: a time in the zone it was planned in
 * @days: how many calendar days to add, possibly negative
 *
 * Adds calendar days keeping the same local wall-clock time in @datetime's zone, so a
 * 10:00 session stays at 10:00 when summer time begins in between. A time that does not
 * exist on the new day (it falls in the hour the clocks skip) moves forward by that hour.
 *
 * Returns: (transfer full) (nullable): the new time, or %NULL if it is out of range
 */
GDateTime *
ag_date_time_add_local_days (GDateTime *datetime,
                             int        days)
{
  GDate date;

  g_return_val_if_fail (datetime != NULL, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime),
                  g_date_time_get_year (datetime));

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return g_date_time_new (g_date_time_get_timezone (datetime),
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date),
                          g_date_time_get_hour (datetime),
                          g_date_time_get_minute (datetime),
                          g_date_time_get_seconds (datetime));
}

/**
 * ag_series_plan_dup_dates:
 * @plan: the plan
 *
 * The start of every session, for the live preview while the user plans: session k
 * starts k × interval weeks after the first, at the same local time in the first
 * session's time zone (also across a change to or from summer time).
 *
 * Returns: (transfer full) (element-type GDateTime): the starts, possibly none when the
 *   plan has no first start; at most %AG_SESSIONS_MAX
 */
GPtrArray *
ag_series_plan_dup_dates (const AgSeriesPlan *plan)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  guint n;

  g_return_val_if_fail (plan != NULL, dates);

  if (plan->first_start == NULL)
    return dates;

  n = MIN (plan->n_sessions, AG_SESSIONS_MAX);
  for (guint k = 0; k < n; k++)
    {
      GDateTime *start = ag_date_time_add_local_days (plan->first_start,
                                                      (int)(k * plan->interval_weeks * 7));
      if (start == NULL)
        break;
      g_ptr_array_add (dates, start);
    }

  return dates;
}

/**
 * ag_parse_local_date_time:
 * @date_text: a date as the user typed it, like "2026-11-22"
 * @time_text: a time as the user typed it, like "14:30" or "9:05"
 * @tz: the time zone the user means
 * @out: (out) (transfer full): the time, on success
 * @error: where the reason goes, in words a patient understands (%AG_PLAN_ERROR_DATE)
 *
 * Reads a date and time typed by hand. Impossible dates ("2026-02-30") and times the
 * clocks skip when summer time begins are refused rather than silently moved. A time that
 * happens twice when summer time ends means its first occurrence.
 *
 * Returns: %TRUE if both could be read
 */
gboolean
ag_parse_local_date_time (const char  *date_text,
                          const char  *time_text,
                          GTimeZone   *tz,
                          GDateTime  **out,
                          GError     **error)
{
  g_autofree char *date_copy = g_strstrip (g_strdup (date_text != NULL ? date_text : ""));
  g_autofree char *time_copy = g_strstrip (g_strdup (time_text != NULL ? time_text : ""));
  g_autoptr(GDateTime) result = NULL;
  guint year, month, day, hour, minute, second;

  g_return_val_if_fail (tz != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_date (date_copy, &year, &month, &day))
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                   _("“%s” is not a date Afterglow can read. "
                     "Type it as year-month-day, like 2026-11-22."),
                   date_copy);
      return FALSE;
    }

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                   _("There is no day %s in the calendar. Check the month and the day."),
                   date_copy);
      return FALSE;
    }

  if (!parse_time (time_copy, &hour, &minute, &second) ||
      hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                   _("“%s” is not a time Afterglow can read. "
                     "Type it as hours:minutes, like 14:30."),
                   time_copy);
      return FALSE;
    }

  result = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (result == NULL)
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                   _("There is no day %s in the calendar. Check the month and the day."),
                   date_copy);
      return FALSE;
    }

  /* GLib moves a time the clocks skip to the next one that exists; say so instead. */
  if ((guint)g_date_time_get_hour (result) != hour ||
      (guint)g_date_time_get_minute (result) != minute ||
      (guint)g_date_time_get_day_of_month (result) != day)
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                   _("On %s the clocks are put forward, so %s does not exist on that day. "
                     "Choose a time an hour later or earlier."),
                   date_copy, time_copy);
      return FALSE;
    }

  /* When the clocks go back GLib picks the second of the two equal times; the first
   * is meant, and a reminder for it comes early rather than late. */
  {
    g_autoptr(GDateTime) earlier = g_date_time_add (result, -G_TIME_SPAN_HOUR);

    /* NULL an hour before 0001-01-01 01:00, where GLib's calendar begins. */
    if (earlier != NULL &&
        g_date_time_get_hour (earlier) == g_date_time_get_hour (result) &&
        g_date_time_get_minute (earlier) == g_date_time_get_minute (result) &&
        g_date_time_get_day_of_month (earlier) == g_date_time_get_day_of_month (result))
      {
        g_date_time_unref (result);
        result = g_steal_pointer (&earlier);
      }
  }

  *out = g_steal_pointer (&result);
  return TRUE;
}
