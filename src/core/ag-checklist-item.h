/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-checklist-item.h: one tickable aftercare or preparation step on one local day. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AG_TYPE_CHECKLIST_ITEM (ag_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (AgChecklistItem, ag_checklist_item, AG, CHECKLIST_ITEM, GObject)

AgChecklistItem *ag_checklist_item_new              (const char      *key,
                                                     const char      *task_id,
                                                     const char      *category,
                                                     const char      *title,
                                                     const char      *detail,
                                                     const char      *slot_label,
                                                     const GDate     *day,
                                                     GDateTime       *due,
                                                     int              sort_order,
                                                     gboolean         is_prep);
void             ag_checklist_item_add_source       (AgChecklistItem *self,
                                                     gint64           session_id,
                                                     gint64           treatment_id);
const char      *ag_checklist_item_get_key          (AgChecklistItem *self);
const char      *ag_checklist_item_get_task_id      (AgChecklistItem *self);
const char      *ag_checklist_item_get_category     (AgChecklistItem *self);
const char      *ag_checklist_item_get_title        (AgChecklistItem *self);
const char      *ag_checklist_item_get_detail       (AgChecklistItem *self);
const char      *ag_checklist_item_get_slot_label   (AgChecklistItem *self);
const char      *ag_checklist_item_get_day          (AgChecklistItem *self);
const GDate     *ag_checklist_item_get_date         (AgChecklistItem *self);
GDateTime       *ag_checklist_item_get_due          (AgChecklistItem *self);
void             ag_checklist_item_set_due          (AgChecklistItem *self,
                                                     GDateTime       *due);
int              ag_checklist_item_get_sort_order   (AgChecklistItem *self);
gboolean         ag_checklist_item_get_is_prep      (AgChecklistItem *self);
GArray          *ag_checklist_item_get_session_ids  (AgChecklistItem *self);
GArray          *ag_checklist_item_get_treatment_ids (AgChecklistItem *self);
gboolean         ag_checklist_item_get_done         (AgChecklistItem *self);
void             ag_checklist_item_set_done         (AgChecklistItem *self,
                                                     gboolean         done);
gint64           ag_checklist_item_get_done_at      (AgChecklistItem *self);
void             ag_checklist_item_set_done_at      (AgChecklistItem *self,
                                                     gint64           done_at);

G_END_DECLS
