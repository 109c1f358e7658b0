/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-date.c: feeds arbitrary text to the reader of typed dates and times. */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ag-error.h"
#include "ag-plan.h"

int LLVMFuzzerInitialize   (int             *argc,
                            char          ***argv);
int LLVMFuzzerTestOneInput (const uint8_t   *data,
                            size_t           size);

/* Zones with every kind of trouble: none, summer time at 02:00 and at midnight, a
 * 30-minute change, a day that was skipped (Samoa, 2011-12-30). */
static const char * const zone_names[] = {
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Sao_Paulo",
  "Australia/Lord_Howe",
  "Pacific/Apia",
};

static GTimeZone *zones[G_N_ELEMENTS (zone_names)];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    {
      zones[i] = g_time_zone_new_identifier (zone_names[i]);
      if (zones[i] == NULL)
        zones[i] = g_time_zone_new_utc ();
    }

  return 0;
}

/*
 * The input is: one byte choosing the zone, then the date as typed, a newline, and the
 * time as typed (the two entries of the session dialog, or two command-line arguments).
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GDateTime) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date_copy = NULL;
  g_autofree char *time_copy = NULL;
  const char *newline;
  GTimeZone *tz;
  unsigned int year, month, day, hour, minute;
  char tail;

  if (size == 0)
    return 0;

  tz = zones[data[0] % G_N_ELEMENTS (zones)];
  text = g_strndup ((const char *)data + 1, size - 1);
  newline = strchr (text, '\n');
  if (newline != NULL)
    {
      date_copy = g_strndup (text, newline - text);
      time_copy = g_strdup (newline + 1);
    }
  else
    {
      date_copy = g_strdup (text);
      time_copy = g_strdup ("");
    }

  if (!ag_parse_local_date_time (date_copy, time_copy, tz, &out, &error))
    {
      g_assert_null (out);
      g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (out);

  /* What was accepted is exactly the wall-clock time typed, never a neighbour of it. */
  g_strstrip (date_copy);
  g_strstrip (time_copy);
  if (sscanf (date_copy, "%4u-%2u-%2u%c", &year, &month, &day, &tail) == 3 &&
      sscanf (time_copy, "%2u:%2u", &hour, &minute) == 2)
    {
      g_assert_cmpuint (g_date_time_get_year (out), ==, year);
      g_assert_cmpuint (g_date_time_get_month (out), ==, month);
      g_assert_cmpuint (g_date_time_get_day_of_month (out), ==, day);
      g_assert_cmpuint (g_date_time_get_hour (out), ==, hour);
      g_assert_cmpuint (g_date_time_get_minute (out), ==, minute);
    }

  return 0;
}
