/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-error.h: the error domains through which the core reports what a user can cause. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AG_STORE_ERROR (ag_store_error_quark ())
#define AG_PROTOCOL_ERROR (ag_protocol_error_quark ())
#define AG_PLAN_ERROR (ag_plan_error_quark ())

/**
 * AgStoreError:
 * @AG_STORE_ERROR_NOT_A_DATABASE: the file is not an Afterglow database at all
 * @AG_STORE_ERROR_DAMAGED: the file is a database but it is truncated or fails its check
 * @AG_STORE_ERROR_NEWER_SCHEMA: the file was written by a newer Afterglow
 * @AG_STORE_ERROR_READ_ONLY: the data folder or file cannot be written
 * @AG_STORE_ERROR_DISK_FULL: there is no space left to save
 * @AG_STORE_ERROR_NOT_FOUND: the thing asked for is not in the store
 * @AG_STORE_ERROR_UNSAFE_PATH: the data file is a link or not a regular file
 * @AG_STORE_ERROR_FAILED: any other failure to read or save
 */
typedef enum
{
  AG_STORE_ERROR_NOT_A_DATABASE,
  AG_STORE_ERROR_DAMAGED,
  AG_STORE_ERROR_NEWER_SCHEMA,
  AG_STORE_ERROR_READ_ONLY,
  AG_STORE_ERROR_DISK_FULL,
  AG_STORE_ERROR_NOT_FOUND,
  AG_STORE_ERROR_UNSAFE_PATH,
  AG_STORE_ERROR_FAILED,
} AgStoreError;

/**
 * AgProtocolError:
 * @AG_PROTOCOL_ERROR_PARSE: the file is not a valid key file
 * @AG_PROTOCOL_ERROR_UNKNOWN_KEY: a group or key is not one Afterglow knows
 * @AG_PROTOCOL_ERROR_MISSING_KEY: a required key is missing
 * @AG_PROTOCOL_ERROR_OUT_OF_RANGE: a value is outside what is allowed
 * @AG_PROTOCOL_ERROR_OVERLAPPING_BANDS: two needle-depth bands overlap or leave a gap
 * @AG_PROTOCOL_ERROR_TOO_LARGE: the file is larger than any real protocol
 * @AG_PROTOCOL_ERROR_NOT_FOUND: the file cannot be read
 */
typedef enum
{
  AG_PROTOCOL_ERROR_PARSE,
  AG_PROTOCOL_ERROR_UNKNOWN_KEY,
  AG_PROTOCOL_ERROR_MISSING_KEY,
  AG_PROTOCOL_ERROR_OUT_OF_RANGE,
  AG_PROTOCOL_ERROR_OVERLAPPING_BANDS,
  AG_PROTOCOL_ERROR_TOO_LARGE,
  AG_PROTOCOL_ERROR_NOT_FOUND,
} AgProtocolError;

/**
 * AgPlanError:
 * @AG_PLAN_ERROR_DEPTH: the needle depth is outside 0.1–3.0 mm
 * @AG_PLAN_ERROR_INTERVAL: the interval is shorter than the protocol allows
 * @AG_PLAN_ERROR_COUNT: the number of sessions is outside 1–12
 * @AG_PLAN_ERROR_DATE: the date or time cannot be understood
 * @AG_PLAN_ERROR_INVALID: any other value that cannot be planned
 */
typedef enum
{
  AG_PLAN_ERROR_DEPTH,
  AG_PLAN_ERROR_INTERVAL,
  AG_PLAN_ERROR_COUNT,
  AG_PLAN_ERROR_DATE,
  AG_PLAN_ERROR_INVALID,
} AgPlanError;

GQuark ag_store_error_quark    (void);
GQuark ag_protocol_error_quark (void);
GQuark ag_plan_error_quark     (void);

G_END_DECLS
