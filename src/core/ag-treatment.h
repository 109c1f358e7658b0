/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment.h: one course of microneedling on one area, with its series settings. */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_TREATMENT (ag_treatment_get_type ())

G_DECLARE_FINAL_TYPE (AgTreatment, ag_treatment, AG, TREATMENT, GObject)

AgTreatment *ag_treatment_new                    (AgArea       area,
                                                  AgDevice     device);
gint64       ag_treatment_get_id                 (AgTreatment *self);
void         ag_treatment_set_id                 (AgTreatment *self,
                                                  gint64       id);
AgArea       ag_treatment_get_area               (AgTreatment *self);
void         ag_treatment_set_area               (AgTreatment *self,
                                                  AgArea       area);
AgDevice     ag_treatment_get_device             (AgTreatment *self);
void         ag_treatment_set_device             (AgTreatment *self,
                                                  AgDevice     device);
const char  *ag_treatment_get_goal               (AgTreatment *self);
void         ag_treatment_set_goal               (AgTreatment *self,
                                                  const char  *goal);
const char  *ag_treatment_get_color              (AgTreatment *self);
void         ag_treatment_set_color              (AgTreatment *self,
                                                  const char  *color);
guint        ag_treatment_get_interval_weeks     (AgTreatment *self);
void         ag_treatment_set_interval_weeks     (AgTreatment *self,
                                                  guint        weeks);
gboolean     ag_treatment_get_interval_override  (AgTreatment *self);
void         ag_treatment_set_interval_override  (AgTreatment *self,
                                                  gboolean     override);
gint64       ag_treatment_get_created_usec        (AgTreatment *self);
void         ag_treatment_set_created_usec        (AgTreatment *self,
                                                  gint64       created_usec);
char        *ag_treatment_dup_title               (AgTreatment *self);

G_END_DECLS
