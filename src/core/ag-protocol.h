/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-protocol.h: an aftercare protocol: depth bands, restrictions, daily care and preparation. */

#pragma once

#include <gio/gio.h>

#include "ag-types.h"

G_BEGIN_DECLS

#define AG_TYPE_PROTOCOL (ag_protocol_get_type ())

G_DECLARE_FINAL_TYPE (AgProtocol, ag_protocol, AG, PROTOCOL, GObject)

/* Limits a protocol file must stay within. */
#define AG_PROTOCOL_VERSION       1
#define AG_PROTOCOL_MAX_SIZE      (1024 * 1024)
#define AG_PROTOCOL_MAX_ITEMS     200
#define AG_PROTOCOL_MAX_BANDS     10
#define AG_PROTOCOL_MAX_HOURS     (90 * 24)
#define AG_PROTOCOL_MAX_DAY       365
#define AG_PROTOCOL_MAX_DAYS_BEFORE 30
#define AG_PROTOCOL_MAX_WEEKS     52

/**
 * AgSlot:
 * @AG_SLOT_MORNING: at the routine's morning time
 * @AG_SLOT_EVENING: at the routine's evening time
 * @AG_SLOT_AFTER_SESSION: a number of hours after the session ends (day 0 only)
 * @AG_SLOT_REPEAT: every few hours between two local times of day
 *
 * When in a day a task is due. A task may have several.
 */
typedef enum
{
  AG_SLOT_MORNING       = 1 << 0,
  AG_SLOT_EVENING       = 1 << 1,
  AG_SLOT_AFTER_SESSION = 1 << 2,
  AG_SLOT_REPEAT        = 1 << 3,
} AgSlot;

/**
 * AgProtocolBand:
 * @id: stable name ("shallow")
 * @from_mm: lower bound, exclusive (inclusive for the first band)
 * @to_mm: upper bound, inclusive
 *
 * A needle-depth band. Read-only: owned by the protocol.
 */
typedef struct
{
  char *id;
  double from_mm;
  double to_mm;
} AgProtocolBand;

/**
 * AgProtocolRestriction:
 * @kind: stable name ("exercise")
 * @title: translated, "No workouts or sweating"
 * @detail: (nullable): translated reason
 * @lifted: translated, "You can exercise again"
 * @category: reminder category: "exercise" or "restrictions"
 * @notice_at_start: whether a reminder comes when the session ends
 * @hours: real hours after the session ends, one per band
 *
 * A restriction window. Read-only: owned by the protocol.
 */
typedef struct
{
  char *kind;
  char *title;
  char *detail;
  char *lifted;
  char *category;
  gboolean notice_at_start;
  guint hours[AG_PROTOCOL_MAX_BANDS];
} AgProtocolRestriction;

/**
 * AgProtocolTask:
 * @id: stable name ("cleanse")
 * @title: translated
 * @detail: translated
 * @category: reminder category: "sunscreen", "cleansing" or "care"
 * @first_day: first day, 0 being the local day the session ends
 * @last_day: last day, inclusive
 * @slots: #AgSlot flags
 * @after_hours: for %AG_SLOT_AFTER_SESSION, hours after the session ends
 * @repeat_from: for %AG_SLOT_REPEAT, first hour of the day (local)
 * @repeat_until: for %AG_SLOT_REPEAT, last hour of the day, inclusive
 * @repeat_every: for %AG_SLOT_REPEAT, hours between two times
 *
 * A daily care task. Read-only: owned by the protocol.
 */
typedef struct
{
  char *id;
  char *title;
  char *detail;
  char *category;
  guint first_day;
  guint last_day;
  AgSlot slots;
  guint after_hours;
  guint repeat_from;
  guint repeat_until;
  guint repeat_every;
} AgProtocolTask;

/**
 * AgProtocolPrep:
 * @id: stable name ("stop-actives")
 * @title: translated
 * @detail: translated
 * @days_before: local calendar days before the session day
 *
 * A preparation step before a session. Read-only: owned by the protocol.
 */
typedef struct
{
  char *id;
  char *title;
  char *detail;
  guint days_before;
} AgProtocolPrep;

AgProtocol                  *ag_protocol_new_from_data          (const char   *data,
                                                                 gsize         len,
                                                                 const char   *name,
                                                                 GError      **error);
AgProtocol                  *ag_protocol_new_from_file          (GFile        *file,
                                                                 GError      **error);
AgProtocol                  *ag_protocol_load_default           (GError      **error);
char                        *ag_protocol_to_data                (AgProtocol   *self,
                                                                 gsize        *len);

const char                  *ag_protocol_get_name               (AgProtocol   *self);
const char                  *ag_protocol_get_title              (AgProtocol   *self);
guint                        ag_protocol_get_version            (AgProtocol   *self);
const char                  *ag_protocol_get_contact_text       (AgProtocol   *self);
const char * const          *ag_protocol_get_warning_signs      (AgProtocol   *self);

guint                        ag_protocol_get_n_bands            (AgProtocol   *self);
const AgProtocolBand        *ag_protocol_get_band               (AgProtocol   *self,
                                                                 guint         index);
guint                        ag_protocol_get_band_for_depth     (AgProtocol   *self,
                                                                 double        depth_mm);

guint                        ag_protocol_get_n_restrictions     (AgProtocol   *self);
const AgProtocolRestriction *ag_protocol_get_restriction        (AgProtocol   *self,
                                                                 guint         index);
const AgProtocolRestriction *ag_protocol_find_restriction       (AgProtocol   *self,
                                                                 const char   *kind);
guint                        ag_protocol_get_restriction_hours  (AgProtocol   *self,
                                                                 const char   *kind,
                                                                 double        depth_mm);

guint                        ag_protocol_get_n_tasks            (AgProtocol   *self);
const AgProtocolTask        *ag_protocol_get_task               (AgProtocol   *self,
                                                                 guint         index);
const AgProtocolTask        *ag_protocol_find_task              (AgProtocol   *self,
                                                                 const char   *id);

guint                        ag_protocol_get_n_preps            (AgProtocol   *self);
const AgProtocolPrep        *ag_protocol_get_prep               (AgProtocol   *self,
                                                                 guint         index);
const AgProtocolPrep        *ag_protocol_find_prep              (AgProtocol   *self,
                                                                 const char   *id);

guint                        ag_protocol_get_min_interval_weeks (AgProtocol   *self,
                                                                 AgArea        area);

gboolean                     ag_protocol_set_restriction_hours  (AgProtocol   *self,
                                                                 const char   *kind,
                                                                 guint         band,
                                                                 guint         hours,
                                                                 GError      **error);
gboolean                     ag_protocol_set_task_days          (AgProtocol   *self,
                                                                 const char   *id,
                                                                 guint         first_day,
                                                                 guint         last_day,
                                                                 GError      **error);
gboolean                     ag_protocol_set_task_after_hours   (AgProtocol   *self,
                                                                 const char   *id,
                                                                 guint         hours,
                                                                 GError      **error);
gboolean                     ag_protocol_set_task_repeat        (AgProtocol   *self,
                                                                 const char   *id,
                                                                 guint         from_hour,
                                                                 guint         until_hour,
                                                                 guint         every_hours,
                                                                 GError      **error);
gboolean                     ag_protocol_set_prep_days_before   (AgProtocol   *self,
                                                                 const char   *id,
                                                                 guint         days,
                                                                 GError      **error);
gboolean                     ag_protocol_set_min_interval_weeks (AgProtocol   *self,
                                                                 AgArea        area,
                                                                 guint         weeks,
                                                                 GError      **error);

G_END_DECLS
