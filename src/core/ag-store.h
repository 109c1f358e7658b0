/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-store.h: the SQLite file that keeps treatments, sessions, ticks and reminders. */

#pragma once

#include "ag-clock.h"
#include "ag-error.h"
#include "ag-plan.h"
#include "ag-session.h"
#include "ag-treatment.h"

G_BEGIN_DECLS

#define AG_TYPE_STORE (ag_store_get_type ())
#define AG_TYPE_STORE_CHANGE (ag_store_change_get_type ())

G_DECLARE_FINAL_TYPE (AgStore, ag_store, AG, STORE, GObject)

/**
 * AgStoreChange:
 * @AG_STORE_CHANGE_TREATMENTS: a treatment was added, edited, deleted or restored
 * @AG_STORE_CHANGE_SESSIONS: a session was added, moved, edited or its status changed
 * @AG_STORE_CHANGE_TICKS: an item was ticked or unticked
 * @AG_STORE_CHANGE_DELIVERIES: a reminder was recorded as shown or missed
 * @AG_STORE_CHANGE_SNOOZES: a reminder was snoozed or its snooze cleared
 * @AG_STORE_CHANGE_ALL: everything may have changed (another program wrote the file)
 *
 * What the #AgStore::changed signal says changed.
 */
typedef enum
{
  AG_STORE_CHANGE_TREATMENTS = 1 << 0,
  AG_STORE_CHANGE_SESSIONS = 1 << 1,
  AG_STORE_CHANGE_TICKS = 1 << 2,
  AG_STORE_CHANGE_DELIVERIES = 1 << 3,
  AG_STORE_CHANGE_SNOOZES = 1 << 4,
  AG_STORE_CHANGE_ALL = 0x1f,
} AgStoreChange;

/**
 * AgDeliveryHow:
 * @AG_DELIVERY_SHOWN: the reminder was shown as a notification
 * @AG_DELIVERY_MISSED: its time passed while nothing could show it
 *
 * How a reminder was delivered. Stored as "shown" or "missed".
 */
typedef enum
{
  AG_DELIVERY_SHOWN,
  AG_DELIVERY_MISSED,
} AgDeliveryHow;

#define AG_STORE_SCHEMA_VERSION 1

GType        ag_store_change_get_type        (void) G_GNUC_CONST;

char        *ag_store_dup_default_path       (void);
AgStore     *ag_store_open                   (const char       *path,
                                              AgClock          *clock,
                                              GError          **error);

/**
 * AgStoreOpening:
 *
 * A store being opened in a thread of its own; see ag_store_opening_start().
 */
typedef struct _AgStoreOpening AgStoreOpening;

AgStoreOpening *ag_store_opening_start       (const char       *path,
                                              AgClock          *clock);
AgStore     *ag_store_opening_finish         (AgStoreOpening   *opening,
                                              GError          **error);
gboolean     ag_store_move_aside             (const char       *path,
                                              AgClock          *clock,
                                              char            **new_path,
                                              GError          **error);
const char  *ag_store_get_path               (AgStore          *self);
AgClock     *ag_store_get_clock              (AgStore          *self);
void         ag_store_release_memory         (AgStore          *self);

/* Treatments */
gboolean     ag_store_add_treatment          (AgStore          *self,
                                              AgTreatment      *treatment,
                                              GError          **error);
gboolean     ag_store_update_treatment       (AgStore          *self,
                                              AgTreatment      *treatment,
                                              GError          **error);
gboolean     ag_store_delete_treatment       (AgStore          *self,
                                              gint64            treatment_id,
                                              GError          **error);
gboolean     ag_store_restore_treatment      (AgStore          *self,
                                              gint64            treatment_id,
                                              GError          **error);
gboolean     ag_store_purge_treatment        (AgStore          *self,
                                              gint64            treatment_id,
                                              GError          **error);
gboolean     ag_store_purge_deleted_treatments (AgStore        *self,
                                              GError          **error);
gboolean     ag_store_plan_treatment         (AgStore          *self,
                                              AgTreatment      *treatment,
                                              const AgSeriesPlan *plan,
                                              guint             min_interval_weeks,
                                              GError          **error);
GPtrArray   *ag_store_list_treatments        (AgStore          *self,
                                              GError          **error);
AgTreatment *ag_store_get_treatment          (AgStore          *self,
                                              gint64            treatment_id,
                                              GError          **error);

/* Sessions */
GPtrArray   *ag_store_list_sessions          (AgStore          *self,
                                              gint64            treatment_id,
                                              GError          **error);
AgSession   *ag_store_get_session            (AgStore          *self,
                                              gint64            session_id,
                                              GError          **error);
gboolean     ag_store_add_session            (AgStore          *self,
                                              AgSession        *session,
                                              GError          **error);
gboolean     ag_store_update_session         (AgStore          *self,
                                              AgSession        *session,
                                              GError          **error);
gboolean     ag_store_move_session           (AgStore          *self,
                                              gint64            session_id,
                                              GDateTime        *new_start,
                                              gboolean          shift_later,
                                              GError          **error);
gboolean     ag_store_set_session_status     (AgStore          *self,
                                              gint64            session_id,
                                              AgSessionStatus   status,
                                              double            actual_depth_mm,
                                              GError          **error);

/* Ticks */
gboolean     ag_store_set_item_done          (AgStore          *self,
                                              const char       *item_key,
                                              const char       *day,
                                              gboolean          done,
                                              GError          **error);
GHashTable  *ag_store_dup_ticks_between      (AgStore          *self,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);

/* Reminders */
gboolean     ag_store_record_delivery        (AgStore          *self,
                                              const char       *reminder_key,
                                              AgDeliveryHow     how,
                                              GError          **error);
gboolean     ag_store_forget_delivery        (AgStore          *self,
                                              const char       *reminder_key,
                                              GError          **error);
gboolean     ag_store_lookup_delivery        (AgStore          *self,
                                              const char       *reminder_key,
                                              gint64           *delivered_at_usec,
                                              AgDeliveryHow    *how,
                                              GError          **error);
gboolean     ag_store_set_snooze             (AgStore          *self,
                                              const char       *reminder_key,
                                              gint64            due_at_usec,
                                              GError          **error);
GHashTable  *ag_store_dup_snoozes            (AgStore          *self,
                                              GError          **error);
GPtrArray   *ag_store_dup_due_snoozes        (AgStore          *self,
                                              gint64            until_usec,
                                              GError          **error);
gboolean     ag_store_clear_snooze           (AgStore          *self,
                                              const char       *reminder_key,
                                              GError          **error);

G_END_DECLS
