/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-plan.h: a series of sessions as the user plans it, its checks and its dates. */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_SERIES_PLAN (ag_series_plan_get_type ())

typedef struct _AgSeriesPlan AgSeriesPlan;

/**
 * AgPlanWarning:
 * @AG_PLAN_WARNING_NONE: nothing to point out
 * @AG_PLAN_WARNING_DEEP: the depth is above 2.5 mm
 * @AG_PLAN_WARNING_FEW_SESSIONS: fewer sessions than usually needed to see a result
 * @AG_PLAN_WARNING_IN_PAST: the first session is before "now"
 *
 * What a plan that is allowed still deserves a second look for.
 */
typedef enum
{
  AG_PLAN_WARNING_NONE = 0,
  AG_PLAN_WARNING_DEEP = 1 << 0,
  AG_PLAN_WARNING_FEW_SESSIONS = 1 << 1,
  AG_PLAN_WARNING_IN_PAST = 1 << 2,
} AgPlanWarning;

GType          ag_series_plan_get_type              (void) G_GNUC_CONST;
AgSeriesPlan  *ag_series_plan_new                   (GDateTime          *first_start,
                                                     guint               n_sessions,
                                                     guint               interval_weeks);
AgSeriesPlan  *ag_series_plan_copy                  (const AgSeriesPlan *plan);
void           ag_series_plan_free                  (AgSeriesPlan       *plan);

GDateTime     *ag_series_plan_get_first_start       (const AgSeriesPlan *plan);
void           ag_series_plan_set_first_start       (AgSeriesPlan       *plan,
                                                     GDateTime          *first_start);
guint          ag_series_plan_get_n_sessions        (const AgSeriesPlan *plan);
void           ag_series_plan_set_n_sessions        (AgSeriesPlan       *plan,
                                                     guint               n_sessions);
guint          ag_series_plan_get_interval_weeks    (const AgSeriesPlan *plan);
void           ag_series_plan_set_interval_weeks    (AgSeriesPlan       *plan,
                                                     guint               interval_weeks);
gboolean       ag_series_plan_get_interval_override (const AgSeriesPlan *plan);
void           ag_series_plan_set_interval_override (AgSeriesPlan       *plan,
                                                     gboolean            override);
double         ag_series_plan_get_depth_mm          (const AgSeriesPlan *plan);
void           ag_series_plan_set_depth_mm          (AgSeriesPlan       *plan,
                                                     double              depth_mm);
guint          ag_series_plan_get_duration_minutes  (const AgSeriesPlan *plan);
void           ag_series_plan_set_duration_minutes  (AgSeriesPlan       *plan,
                                                     guint               minutes);
const char    *ag_series_plan_get_clinic            (const AgSeriesPlan *plan);
void           ag_series_plan_set_clinic            (AgSeriesPlan       *plan,
                                                     const char         *clinic);

gboolean       ag_series_plan_validate              (const AgSeriesPlan *plan,
                                                     guint               min_interval_weeks,
                                                     GError            **error);
AgPlanWarning  ag_series_plan_get_warnings          (const AgSeriesPlan *plan,
                                                     GDateTime          *now);
GPtrArray     *ag_series_plan_dup_warning_texts     (const AgSeriesPlan *plan,
                                                     GDateTime          *now);
GPtrArray     *ag_series_plan_dup_dates             (const AgSeriesPlan *plan);

GDateTime     *ag_date_time_add_local_days          (GDateTime          *datetime,
                                                     int                 days);
gboolean       ag_parse_local_date_time             (const char         *date_text,
                                                     const char         *time_text,
                                                     GTimeZone          *tz,
                                                     GDateTime         **out,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AgSeriesPlan, ag_series_plan_free)

G_END_DECLS
