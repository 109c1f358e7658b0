/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-error.c: the error domains of the core. */

#define G_LOG_DOMAIN "ag-error"

#include "config.h"

#include "ag-error.h"

G_DEFINE_QUARK (ag-store-error-quark, ag_store_error)
G_DEFINE_QUARK (ag-protocol-error-quark, ag_protocol_error)
G_DEFINE_QUARK (ag-plan-error-quark, ag_plan_error)
