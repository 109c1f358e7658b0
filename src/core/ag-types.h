/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-types.h: forward declarations and the enums shared across the core. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AgClock AgClock;
typedef struct _AgTreatment AgTreatment;
typedef struct _AgSession AgSession;

/**
 * AgArea:
 *
 * Where on the body a treatment is done. Stored by its stable name ("face", …).
 */
typedef enum
{
  AG_AREA_FACE,
  AG_AREA_NECK,
  AG_AREA_CHEST,
  AG_AREA_HANDS,
  AG_AREA_SCALP,
  AG_AREA_BODY,
  AG_N_AREAS,
} AgArea;

/**
 * AgDevice:
 *
 * The kind of device used. Stored by its stable name ("roller", …).
 */
typedef enum
{
  AG_DEVICE_ROLLER,
  AG_DEVICE_PEN,
  AG_DEVICE_MICROCHANNELING,
  AG_N_DEVICES,
} AgDevice;

/**
 * AgSessionStatus:
 *
 * Whether a session is still to come, took place, or will not take place.
 */
typedef enum
{
  AG_SESSION_PLANNED,
  AG_SESSION_DONE,
  AG_SESSION_CANCELLED,
  AG_N_SESSION_STATUSES,
} AgSessionStatus;

#define AG_DEPTH_MIN_MM 0.1
#define AG_DEPTH_MAX_MM 3.0
#define AG_DEPTH_WARN_MM 2.5
#define AG_SESSIONS_MIN 1
#define AG_SESSIONS_MAX 12
#define AG_SESSIONS_RECOMMENDED 3

const char *ag_area_to_string             (AgArea           area);
gboolean    ag_area_from_string           (const char      *str,
                                           AgArea          *area);
const char *ag_area_get_label             (AgArea           area);
const char *ag_device_to_string           (AgDevice         device);
gboolean    ag_device_from_string         (const char      *str,
                                           AgDevice        *device);
const char *ag_device_get_label           (AgDevice         device);
const char *ag_session_status_to_string   (AgSessionStatus  status);
gboolean    ag_session_status_from_string (const char      *str,
                                           AgSessionStatus *status);
const char *ag_session_status_get_label   (AgSessionStatus  status);

G_END_DECLS
