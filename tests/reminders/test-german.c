/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-german.c: the reminders a German-speaking patient gets, as the notification server receives them. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ag-reminder-scheduler.h"
#include "../ag-test-german.h"
#include "ag-test-notifications.h"

#define ACTIONS "done=Erledigt,snooze=Später erinnern,default=Afterglow öffnen"
#define NO_DONE "snooze=Später erinnern,default=Afterglow öffnen"

typedef struct
{
  char *dir;
  GTimeZone *tz;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  GSettings *settings;
  AgNotifier *notifier;
  AgReminderScheduler *scheduler;
  GSubprocess *server;
} Fixture;

static char *locale_dir;
static gboolean has_german_dates;

static gboolean
notifier_available (gpointer data)
{
  return ag_notifier_get_available (data);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(AgSeriesPlan) series = NULL;
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autofree char *path = NULL;
  g_auto(GStrv) keys = NULL;

  ag_test_allow_warnings (NULL);

  fixture->dir = g_dir_make_tmp ("afterglow-german-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "afterglow.db", NULL);
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  now = g_date_time_new (fixture->tz, 2026, 3, 1, 12, 0, 0);
  fixture->clock = ag_clock_new_manual (now);
  ag_clock_set_timezone (fixture->clock, fixture->tz);
  fixture->store = ag_store_open (path, fixture->clock, &error);
  g_assert_no_error (error);
  /* The build tree's default.protocol, with the German texts merged in from de.po. */
  fixture->protocol = ag_protocol_load_default (&error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->server = ag_test_server_start (AG_TEST_CAPS_ACTIONS);
  fixture->notifier = ag_notifier_new ();
  g_assert_true (ag_test_wait_until (notifier_available, fixture->notifier, 10000));

  /* A 1.0 mm face session on Monday 2 March 2026, 10:00–10:30, Berlin time. */
  first = g_date_time_new (fixture->tz, 2026, 3, 2, 10, 0, 0);
  series = ag_series_plan_new (first, 1, 4);
  ag_series_plan_set_depth_mm (series, 1.0);
  ag_series_plan_set_duration_minutes (series, 30);
  g_assert_true (ag_store_plan_treatment (fixture->store, treatment, series, 4, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->notifier);
  ag_test_server_stop (g_steal_pointer (&fixture->server));
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
set_now (Fixture *fixture,
         int      month,
         int      day,
         int      hour,
         int      minute)
{
  g_autoptr(GDateTime) now = g_date_time_new (fixture->tz, 2026, month, day, hour, minute, 0);

  ag_clock_set_now (fixture->clock, now);
  settle ();
}

static void
start (Fixture *fixture)
{
  fixture->scheduler = ag_reminder_scheduler_new (fixture->store, fixture->protocol,
                                                  fixture->settings, fixture->notifier);
  ag_reminder_scheduler_start (fixture->scheduler);
  settle ();
}

/* What the server was asked to show since the last call: "summary | body | actions" lines. */
static char *
take (void)
{
  g_autoptr(GPtrArray) calls = ag_test_server_take_calls ("Notify");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      g_autofree char *described = ag_test_describe_notify (g_ptr_array_index (calls, i));
      g_auto(GStrv) parts = g_strsplit (described, " | ", -1);

      g_assert_cmpuint (g_strv_length (parts), ==, 5);
      g_assert_cmpstr (parts[0], ==, "Afterglow");
      g_assert_cmpstr (parts[4], ==, APPLICATION_ID);
      g_string_append_printf (out, "%s | %s | %s\n", parts[1], parts[2], g_strstrip (parts[3]));
    }

  return g_string_free (out, FALSE);
}

/* Moves the clock from alarm to alarm up to the given time, as the real clock would. */
static char *
run_until (Fixture *fixture,
           int      month,
           int      day,
           int      hour,
           int      minute)
{
  g_autoptr(GDateTime) until = g_date_time_new (fixture->tz, 2026, month, day, hour, minute, 0);
  gint64 until_usec = g_date_time_to_unix (until) * G_USEC_PER_SEC;
  GString *out = g_string_new (NULL);

  for (;;)
    {
      gint64 next = ag_reminder_scheduler_get_next_due (fixture->scheduler);
      gint64 now = ag_clock_get_now_unix_usec (fixture->clock);
      g_autofree char *shown = NULL;

      if (next == 0 || next > until_usec)
        break;
      ag_clock_advance (fixture->clock, next - now);
      settle ();
      shown = take ();
      g_string_append (out, shown);
    }

  return g_string_free (out, FALSE);
}

static void
test_day_of_session (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  g_autofree char *expected = NULL;

  set_now (fixture, 3, 2, 9, 0);
  start (fixture);
  timeline = run_until (fixture, 3, 2, 22, 0);

  /* The restriction begins when the session ends and names its end the German way, "Mi 10:30";
   * the steps come with German buttons. */
  expected = g_strdup_printf ("Kein Sport und kein Schwitzen bis %s 10:30 | Schweiß und Hitze "
                              "reizen die winzigen Wunden und lassen Bakterien eindringen. | "
                              NO_DONE "\n"
                              "Erste sanfte Reinigung | Nur lauwarmes Wasser und saubere "
                              "Fingerspitzen, kein Reinigungsprodukt und kein Waschlappen; mit "
                              "einem sauberen Handtuch trocken tupfen. | " ACTIONS "\n"
                              "Eincremen | Eine einfache Feuchtigkeitscreme oder ein Hyaluronserum "
                              "bewahrt die heilende Haut vor dem Austrocknen. | " ACTIONS "\n",
                              has_german_dates ? "Mi" : "Wed");
  g_assert_cmpstr (timeline, ==, expected);
}

static void
test_missed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_now (fixture, 3, 3, 7, 0);
  start (fixture);
  g_assert_cmpstr ((before = take ()), ==, "");

  /* The laptop sleeps from 07:00 to 12:05: what was missed comes as one German summary. */
  set_now (fixture, 3, 3, 12, 5);
  after = take ();
  g_assert_cmpstr (after, ==,
                   "Sonnenschutz | Tragen Sie LSF 30 oder höher auf: Heilende Haut verbrennt "
                   "leicht. | " ACTIONS "\n"
                   "Während Sie weg waren | 08:00 Milde Reinigung\n08:00 Wasser trinken\n"
                   "08:00 Eincremen\n08:00 Sonnenschutz\n10:00 Sonnenschutz\n"
                   "10:30 Sie können wieder Make-up tragen\n"
                   "Öffnen Sie Afterglow, um zu sehen, was noch zu tun ist. | "
                   "open=Afterglow öffnen,default=Afterglow öffnen\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;
  int status;

  g_setenv ("LANGUAGE", "de", TRUE);
  has_german_dates = ag_test_choose_german_locale (&locale_dir);
  g_test_init (&argc, &argv, NULL);
  g_test_message ("locale: %s (German day names: %s)", setlocale (LC_ALL, NULL),
                  has_german_dates ? "yes" : "no");

  /* What afterglow-reminders' main() does, with the .mo files of the build tree. */
  po_dir = ag_test_find_build_locale_dir ();
  g_assert_nonnull (po_dir);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/reminders/german/day-of-session", Fixture, NULL,
              fixture_set_up, test_day_of_session, fixture_tear_down);
  g_test_add ("/reminders/german/missed", Fixture, NULL,
              fixture_set_up, test_missed, fixture_tear_down);

  status = g_test_run ();

  if (locale_dir != NULL)
    ag_test_remove_tree (locale_dir);

  return status;
}
