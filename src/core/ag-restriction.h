/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-restriction.h: a window of real time after a session in which something is not allowed. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AG_TYPE_RESTRICTION (ag_restriction_get_type ())

G_DECLARE_FINAL_TYPE (AgRestriction, ag_restriction, AG, RESTRICTION, GObject)

AgRestriction *ag_restriction_new                 (const char    *kind,
                                                   const char    *title,
                                                   const char    *detail,
                                                   const char    *lifted,
                                                   const char    *category,
                                                   GDateTime     *starts,
                                                   GDateTime     *ends,
                                                   gint64         session_id,
                                                   gint64         treatment_id);
void           ag_restriction_add_source          (AgRestriction *self,
                                                   gint64         session_id,
                                                   gint64         treatment_id);
void           ag_restriction_merge               (AgRestriction *self,
                                                   GDateTime     *ends,
                                                   gint64         session_id,
                                                   gint64         treatment_id);
const char    *ag_restriction_get_kind            (AgRestriction *self);
const char    *ag_restriction_get_title           (AgRestriction *self);
const char    *ag_restriction_get_detail          (AgRestriction *self);
const char    *ag_restriction_get_lifted          (AgRestriction *self);
const char    *ag_restriction_get_category        (AgRestriction *self);
GDateTime     *ag_restriction_get_starts          (AgRestriction *self);
GDateTime     *ag_restriction_get_ends            (AgRestriction *self);
gint64         ag_restriction_get_session_id      (AgRestriction *self);
gint64         ag_restriction_get_treatment_id    (AgRestriction *self);
GArray        *ag_restriction_get_session_ids     (AgRestriction *self);
GArray        *ag_restriction_get_treatment_ids   (AgRestriction *self);
gboolean       ag_restriction_is_active_at        (AgRestriction *self,
                                                   GDateTime     *instant);
char          *ag_restriction_format_until        (AgRestriction *self,
                                                   GTimeZone     *tz);
char          *ag_restriction_format_countdown    (AgRestriction *self,
                                                   GDateTime     *now);

G_END_DECLS
