/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session.h: one appointment of a treatment, with where and how deep it was done. */

#pragma once

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_SESSION (ag_session_get_type ())

G_DECLARE_FINAL_TYPE (AgSession, ag_session, AG, SESSION, GObject)

AgSession       *ag_session_new                 (gint64           treatment_id,
                                                 GDateTime       *start);
gint64           ag_session_get_id              (AgSession       *self);
void             ag_session_set_id              (AgSession       *self,
                                                 gint64           id);
gint64           ag_session_get_treatment_id    (AgSession       *self);
void             ag_session_set_treatment_id    (AgSession       *self,
                                                 gint64           treatment_id);
AgArea           ag_session_get_area            (AgSession       *self);
void             ag_session_set_area            (AgSession       *self,
                                                 AgArea           area);
guint            ag_session_get_number          (AgSession       *self);
void             ag_session_set_number          (AgSession       *self,
                                                 guint            number);
guint            ag_session_get_count           (AgSession       *self);
void             ag_session_set_count           (AgSession       *self,
                                                 guint            count);
GDateTime       *ag_session_get_start           (AgSession       *self);
void             ag_session_set_start           (AgSession       *self,
                                                 GDateTime       *start);
GDateTime       *ag_session_dup_end             (AgSession       *self);
guint            ag_session_get_duration_minutes (AgSession      *self);
void             ag_session_set_duration_minutes (AgSession      *self,
                                                 guint            minutes);
double           ag_session_get_depth_mm        (AgSession       *self);
void             ag_session_set_depth_mm        (AgSession       *self,
                                                 double           depth_mm);
double           ag_session_get_actual_depth_mm (AgSession       *self);
void             ag_session_set_actual_depth_mm (AgSession       *self,
                                                 double           depth_mm);
double           ag_session_get_effective_depth_mm (AgSession    *self);
AgSessionStatus  ag_session_get_status          (AgSession       *self);
void             ag_session_set_status          (AgSession       *self,
                                                 AgSessionStatus  status);
const char      *ag_session_get_clinic          (AgSession       *self);
void             ag_session_set_clinic          (AgSession       *self,
                                                 const char      *clinic);
const char      *ag_session_get_notes           (AgSession       *self);
void             ag_session_set_notes           (AgSession       *self,
                                                 const char      *notes);
AgSession       *ag_session_copy                (AgSession       *self);

G_END_DECLS
