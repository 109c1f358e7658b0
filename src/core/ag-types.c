/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-types.c: stable names and translated labels of the shared enums. */

#define G_LOG_DOMAIN "ag-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ag-types.h"

typedef struct
{
  const char *id;
  const char *label;
} NamedValue;

static const NamedValue areas[AG_N_AREAS] = {
  { "face", N_("Face") },
  { "neck", N_("Neck") },
  { "chest", N_("Chest") },
  { "hands", N_("Hands") },
  { "scalp", N_("Scalp") },
  { "body", N_("Body") },
};

static const NamedValue devices[AG_N_DEVICES] = {
  { "roller", N_("Dermaroller") },
  { "pen", N_("Automated pen") },
  { "microchanneling", N_("Microchanneling pen") },
};

static const NamedValue statuses[AG_N_SESSION_STATUSES] = {
  { "planned", N_("Planned") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
};

static gboolean
find_value (const NamedValue *values,
            guint             n_values,
            const char       *str,
            guint            *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_values; i++)
    {
      if (g_str_equal (values[i].id, str))
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ag_area_to_string (AgArea area)
{
  g_return_val_if_fail (area < AG_N_AREAS, NULL);
  return areas[area].id;
}

gboolean
ag_area_from_string (const char *str,
                     AgArea     *area)
{
  guint v;

  if (!find_value (areas, AG_N_AREAS, str, &v))
    return FALSE;
  *area = v;
  return TRUE;
}

const char *
ag_area_get_label (AgArea area)
{
  g_return_val_if_fail (area < AG_N_AREAS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, areas[area].label);
}

const char *
ag_device_to_string (AgDevice device)
{
  g_return_val_if_fail (device < AG_N_DEVICES, NULL);
  return devices[device].id;
}

gboolean
ag_device_from_string (const char *str,
                       AgDevice   *device)
{
  guint v;

  if (!find_value (devices, AG_N_DEVICES, str, &v))
    return FALSE;
  *device = v;
  return TRUE;
}

const char *
ag_device_get_label (AgDevice device)
{
  g_return_val_if_fail (device < AG_N_DEVICES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, devices[device].label);
}

const char *
ag_session_status_to_string (AgSessionStatus status)
{
  g_return_val_if_fail (status < AG_N_SESSION_STATUSES, NULL);
  return statuses[status].id;
}

gboolean
ag_session_status_from_string (const char      *str,
                               AgSessionStatus *status)
{
  guint v;

  if (!find_value (statuses, AG_N_SESSION_STATUSES, str, &v))
    return FALSE;
  *status = v;
  return TRUE;
}

const char *
ag_session_status_get_label (AgSessionStatus status)
{
  g_return_val_if_fail (status < AG_N_SESSION_STATUSES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, statuses[status].label);
}
