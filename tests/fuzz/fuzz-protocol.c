/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-protocol.c: feeds arbitrary bytes to the protocol loader, as an imported file would. */

#include "config.h"

#include <stdint.h>

#include "ag-engine.h"
#include "ag-error.h"
#include "ag-protocol.h"

int LLVMFuzzerInitialize   (int             *argc,
                            char          ***argv);
int LLVMFuzzerTestOneInput (const uint8_t   *data,
                            size_t           size);

static GTimeZone *berlin;
static GPtrArray *sessions;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GDateTime) start = NULL;
  AgSession *session;

  /* A critical is a bug the fuzzer must see as a crash, not a line on stderr. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  if (berlin == NULL)
    berlin = g_time_zone_new_utc ();

  /* One session the engine expands with whatever protocol the input turns into. */
  start = g_date_time_new (berlin, 2026, 3, 29, 1, 30, 0);
  session = ag_session_new (1, start);
  ag_session_set_depth_mm (session, 1.5);
  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (sessions, session);

  return 0;
}

static void
exercise_engine (AgProtocol *protocol)
{
  g_autoptr(GDateTime) from = g_date_time_new (berlin, 2026, 3, 28, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, 14);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) restrictions = NULL;
  AgRoutine routine;
  GDate day;

  ag_routine_init_default (&routine);
  reminders = ag_engine_reminders_between (protocol, sessions, berlin, &routine, from, to);
  restrictions = ag_engine_restrictions (protocol, sessions);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 29, G_DATE_MARCH, 2026);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) items = ag_engine_items_for_day (protocol, sessions, berlin,
                                                            &routine, &day);
      g_autoptr(GPtrArray) preps = ag_engine_prep_steps_for_day (protocol, sessions, berlin,
                                                                 &routine, &day);
      g_date_add_days (&day, 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgProtocol) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_len = 0;
  gsize saved_again_len = 0;

  protocol = ag_protocol_new_from_data ((const char *)data, size, "fuzz.protocol", &error);
  if (protocol == NULL)
    {
      /* Refused: with a reason from our own domain that a label can show. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == AG_PROTOCOL_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_null (error);
  exercise_engine (protocol);

  /* What Afterglow writes back, it must be able to read again, unchanged. */
  saved = ag_protocol_to_data (protocol, &saved_len);
  again = ag_protocol_new_from_data (saved, saved_len, "saved.protocol", &error);
  if (again == NULL)
    g_error ("A protocol that loaded cannot be read back after saving: %s", error->message);

  saved_again = ag_protocol_to_data (again, &saved_again_len);
  g_assert_cmpmem (saved, saved_len, saved_again, saved_again_len);

  return 0;
}
