/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-month-summary.h: what a month's calendar shows for each day, across all treatments. */

#pragma once

#include "ag-engine.h"
#include "ag-store.h"

G_BEGIN_DECLS

/**
 * AgPhase:
 * @AG_PHASE_NONE: no session's aftercare covers the day
 * @AG_PHASE_STRICT: day 0 or 1 after the most recent session
 * @AG_PHASE_CAREFUL: days 2 to 4
 * @AG_PHASE_NORMAL: from day 5 until the protocol's last task day
 *
 * How far the skin has healed on a day, after the most recent session that is not cancelled.
 */
typedef enum
{
  AG_PHASE_NONE,
  AG_PHASE_STRICT,
  AG_PHASE_CAREFUL,
  AG_PHASE_NORMAL,
} AgPhase;

/**
 * AgCompletion:
 * @AG_COMPLETION_NONE: the day is not over yet, or it had no checklist items
 * @AG_COMPLETION_COMPLETE: every item of the past day was ticked
 * @AG_COMPLETION_PARTIAL: some were
 * @AG_COMPLETION_MISSED: none were
 *
 * How much of a past day's checklist was done.
 */
typedef enum
{
  AG_COMPLETION_NONE,
  AG_COMPLETION_COMPLETE,
  AG_COMPLETION_PARTIAL,
  AG_COMPLETION_MISSED,
} AgCompletion;

#define AG_PHASE_STRICT_LAST_DAY 1
#define AG_PHASE_CAREFUL_LAST_DAY 4

#define AG_TYPE_PHASE (ag_phase_get_type ())
#define AG_TYPE_COMPLETION (ag_completion_get_type ())
#define AG_TYPE_DAY_SUMMARY (ag_day_summary_get_type ())

GType ag_phase_get_type      (void) G_GNUC_CONST;
GType ag_completion_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (AgDaySummary, ag_day_summary, AG, DAY_SUMMARY, GObject)

const GDate  *ag_day_summary_get_date             (AgDaySummary *self);
gboolean      ag_day_summary_get_in_month         (AgDaySummary *self);
gboolean      ag_day_summary_get_is_today         (AgDaySummary *self);
gboolean      ag_day_summary_get_is_next_session  (AgDaySummary *self);
guint         ag_day_summary_get_n_sessions       (AgDaySummary *self);
AgSession    *ag_day_summary_get_session          (AgDaySummary *self,
                                                   guint         index);
const char   *ag_day_summary_get_session_color    (AgDaySummary *self,
                                                   guint         index);
char         *ag_day_summary_dup_session_label    (AgDaySummary *self,
                                                   guint         index);
AgPhase       ag_day_summary_get_phase            (AgDaySummary *self);
int           ag_day_summary_get_phase_day        (AgDaySummary *self);
AgSession    *ag_day_summary_get_phase_session    (AgDaySummary *self);
AgCompletion  ag_day_summary_get_completion       (AgDaySummary *self);
guint         ag_day_summary_get_n_items          (AgDaySummary *self);
guint         ag_day_summary_get_n_done           (AgDaySummary *self);
gboolean      ag_day_summary_equal                (AgDaySummary *a,
                                                   AgDaySummary *b);

GPtrArray    *ag_month_summary_build              (AgStore          *store,
                                                   GPtrArray        *treatments,
                                                   GPtrArray        *sessions,
                                                   AgProtocol       *protocol,
                                                   GTimeZone        *tz,
                                                   const AgRoutine  *routine,
                                                   GDateTime        *now,
                                                   guint             year,
                                                   guint             month,
                                                   GDateWeekday      first_weekday,
                                                   GError          **error);

G_END_DECLS
