/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scheduler.c: the reminders a patient gets, on time and once, through a real notification server. */

#include "config.h"

#include <string.h>

#include "ag-day-checklist.h"
#include "ag-error.h"
#include "ag-reminder-scheduler.h"
#include "ag-store-private.h"
#include "ag-test-notifications.h"

typedef struct
{
  char *dir;
  char *path;
  GTimeZone *tz;
  AgClock *clock;
  AgStore *store;
  AgProtocol *protocol;
  GSettings *settings;
  AgNotifier *notifier;
  AgReminderScheduler *scheduler;
  GSubprocess *server;
} Fixture;

static gboolean
notifier_available (gpointer data)
{
  return ag_notifier_get_available (data);
}

static void
new_notifier (Fixture *fixture)
{
  fixture->notifier = ag_notifier_new ();
  if (fixture->server != NULL)
    g_assert_true (ag_test_wait_until (notifier_available, fixture->notifier, 10000));
  else
    ag_test_drain ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  const char *capabilities = data;

  ag_test_allow_warnings (NULL);

  fixture->dir = g_dir_make_tmp ("afterglow-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "afterglow.db", NULL);
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (fixture->tz);
  now = g_date_time_new (fixture->tz, 2026, 3, 1, 12, 0, 0);
  fixture->clock = ag_clock_new_manual (now);
  ag_clock_set_timezone (fixture->clock, fixture->tz);
  fixture->store = ag_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->protocol = ag_protocol_load_default (&error);
  g_assert_no_error (error);

  /* The memory backend outlives each test: start from the defaults. */
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->settings, keys[i]);

  if (capabilities != NULL)
    fixture->server = ag_test_server_start (capabilities);
  else
    ag_test_allow_warnings ("ag-reminder-scheduler");

  new_notifier (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->notifier);
  if (fixture->server != NULL)
    ag_test_server_stop (g_steal_pointer (&fixture->server));
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->protocol);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
  ag_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  ag_test_allow_warnings (NULL);
}

static void
plan_session (Fixture *fixture,
              int      month,
              int      day,
              int      hour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new (fixture->tz, 2026, month, day, hour, 0, 0);
  g_autoptr(AgSeriesPlan) series = ag_series_plan_new (first, 1, 4);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);

  ag_series_plan_set_depth_mm (series, 1.0);
  ag_series_plan_set_duration_minutes (series, 30);
  g_assert_true (ag_store_plan_treatment (fixture->store, treatment, series,
                                          ag_protocol_get_min_interval_weeks (fixture->protocol,
                                                                              AG_AREA_FACE),
                                          &error));
  g_assert_no_error (error);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

/* The service quits and starts again: nothing is kept but the store and its state file. */
static void
restart (Fixture *fixture)
{
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->notifier);
  new_notifier (fixture);
  start (fixture);
}

static char *
format_now (Fixture *fixture)
{
  g_autoptr(GDateTime) now = ag_clock_get_now (fixture->clock);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, fixture->tz);

  return g_date_time_format (local, "%m-%d %H:%M %:z");
}

/* What the server was asked to show since the last call, one line each: when (by the test's
 * clock), then app, summary, body, actions and desktop entry. */
static void
collect (Fixture *fixture,
         GString *out,
         gboolean full)
{
  g_autoptr(GPtrArray) calls = ag_test_server_take_calls ("Notify");
  g_autofree char *now = format_now (fixture);

  for (guint i = 0; i < calls->len; i++)
    {
      g_autofree char *described = ag_test_describe_notify (g_ptr_array_index (calls, i));

      if (full)
        {
          g_string_append_printf (out, "%s | %s\n", now, described);
        }
      else
        {
          g_auto(GStrv) parts = g_strsplit (described, " | ", -1);

          g_assert_cmpstr (parts[0], ==, "Afterglow");
          g_assert_cmpstr (parts[4], ==, APPLICATION_ID);
          g_string_append_printf (out, "%s %s [%s]\n", now, parts[1], g_strstrip (parts[3]));
        }
    }
}

static char *
take (Fixture *fixture)
{
  GString *out = g_string_new (NULL);

  collect (fixture, out, FALSE);
  return g_string_free (out, FALSE);
}

/* Moves the clock from alarm to alarm up to the given time, as the real clock would, and
 * notes what was shown at each step. */
static char *
run_until (Fixture *fixture,
           int      month,
           int      day,
           int      hour,
           int      minute,
           gboolean full)
{
  g_autoptr(GDateTime) until = g_date_time_new (fixture->tz, 2026, month, day, hour, minute, 0);
  gint64 until_usec = g_date_time_to_unix (until) * G_USEC_PER_SEC;
  GString *out = g_string_new (NULL);

  for (;;)
    {
      gint64 next = ag_reminder_scheduler_get_next_due (fixture->scheduler);
      gint64 now = ag_clock_get_now_unix_usec (fixture->clock);

      g_assert_cmpint (next == 0 || next > now, ==, TRUE);
      if (next == 0 || next > until_usec)
        break;

      ag_clock_advance (fixture->clock, next - now);
      settle ();
      collect (fixture, out, full);
    }

  ag_clock_advance (fixture->clock, until_usec - ag_clock_get_now_unix_usec (fixture->clock));
  settle ();
  collect (fixture, out, full);

  return g_string_free (out, FALSE);
}

static void
assert_delivery (Fixture       *fixture,
                 const char    *key,
                 AgDeliveryHow  expected)
{
  g_autoptr(GError) error = NULL;
  AgDeliveryHow how;

  g_assert_true (ag_store_lookup_delivery (fixture->store, key, NULL, &how, &error));
  g_assert_no_error (error);
  g_assert_cmpint (how, ==, expected);
}

static void
assert_not_delivered (Fixture    *fixture,
                      const char *key)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ag_store_lookup_delivery (fixture->store, key, NULL, NULL, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
}

#define ACTIONS "done=Done,snooze=Snooze,default=Open Afterglow"
#define NO_DONE "snooze=Snooze,default=Open Afterglow"

static void
test_first_three_days (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *timeline = NULL;

  /* A 1.0 mm face session on Monday 2 March 2026, 10:00–10:30, Berlin time. */
  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 2, 9, 0);
  start (fixture);

  /* Day 0 to day 2, in the order they come; the 08:00 preparation step was before the
   * first start and is not dumped. */
  timeline = run_until (fixture, 3, 5, 0, 0, TRUE);
  g_assert_cmpstr (timeline, ==,
    "03-02 10:30 +01:00 | Afterglow | No workouts or sweating until Wed 10:30 | Sweat and heat "
    "irritate the tiny wounds and let bacteria in. | " NO_DONE " | " APPLICATION_ID "\n"
    "03-02 14:30 +01:00 | Afterglow | First gentle wash | Lukewarm water and clean fingertips "
    "only, no cleanser or cloth; pat dry with a clean towel. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-02 21:00 +01:00 | Afterglow | Moisturise | A plain moisturiser or hyaluronic serum keeps "
    "the healing skin from drying out. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 08:00 +01:00 | Afterglow | Gentle cleanser | A mild, fragrance-free cleanser with "
    "lukewarm water; no scrubbing, pat dry. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 08:00 +01:00 | Afterglow | Drink water | Plenty of water helps your skin recover. | "
    ACTIONS " | " APPLICATION_ID "\n"
    "03-03 08:00 +01:00 | Afterglow | Moisturise | A plain moisturiser or hyaluronic serum keeps "
    "the healing skin from drying out. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 08:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 10:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 10:30 +01:00 | Afterglow | You can wear makeup again | Your skin has had the time it "
    "needs for this. Go gently at first. | " NO_DONE " | " APPLICATION_ID "\n"
    "03-03 12:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 14:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 16:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 18:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 21:00 +01:00 | Afterglow | Check your skin | Look for redness or swelling that gets "
    "worse, warmth, or pus. See the warning signs. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 21:00 +01:00 | Afterglow | Gentle cleanser | A mild, fragrance-free cleanser with "
    "lukewarm water; no scrubbing, pat dry. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-03 21:00 +01:00 | Afterglow | Moisturise | A plain moisturiser or hyaluronic serum keeps "
    "the healing skin from drying out. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 08:00 +01:00 | Afterglow | Gentle cleanser | A mild, fragrance-free cleanser with "
    "lukewarm water; no scrubbing, pat dry. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 08:00 +01:00 | Afterglow | Drink water | Plenty of water helps your skin recover. | "
    ACTIONS " | " APPLICATION_ID "\n"
    "03-04 08:00 +01:00 | Afterglow | Moisturise | A plain moisturiser or hyaluronic serum keeps "
    "the healing skin from drying out. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 08:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 10:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 10:30 +01:00 | Afterglow | You can exercise again | Your skin has had the time it "
    "needs for this. Go gently at first. | " NO_DONE " | " APPLICATION_ID "\n"
    "03-04 10:30 +01:00 | Afterglow | You can swim again | Your skin has had the time it "
    "needs for this. Go gently at first. | " NO_DONE " | " APPLICATION_ID "\n"
    "03-04 12:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 14:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 16:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 18:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing skin burns "
    "easily. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 21:00 +01:00 | Afterglow | Check your skin | Look for redness or swelling that gets "
    "worse, warmth, or pus. See the warning signs. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 21:00 +01:00 | Afterglow | Gentle cleanser | A mild, fragrance-free cleanser with "
    "lukewarm water; no scrubbing, pat dry. | " ACTIONS " | " APPLICATION_ID "\n"
    "03-04 21:00 +01:00 | Afterglow | Moisturise | A plain moisturiser or hyaluronic serum keeps "
    "the healing skin from drying out. | " ACTIONS " | " APPLICATION_ID "\n");
}

static gboolean
sunscreen_ticked (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GHashTable) ticks = ag_store_dup_ticks_between (fixture->store, "2026-03-03",
                                                            "2026-03-03", NULL);

  return g_hash_table_contains (ticks, "2026-03-03/sunscreen/morning");
}

static AgChecklistItem *
find_item (GListModel *model,
           const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AgChecklistItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (ag_checklist_item_get_key (item), key))
        return item;
    }

  return NULL;
}

static gboolean
checklist_shows_done (gpointer data)
{
  AgChecklistItem *item = find_item (data, "2026-03-03/sunscreen/morning");

  return item != NULL && ag_checklist_item_get_done (item);
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgClock) other_clock = NULL;
  g_autoptr(AgStore) other = NULL;
  g_autoptr(AgDayChecklist) checklist = NULL;
  g_autoptr(GPtrArray) closes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *timeline = NULL;
  guint32 id;
  GDate day;

  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 50);
  start (fixture);

  /* The app, on its own connection, shows Tuesday's checklist. */
  now = ag_clock_get_now (fixture->clock);
  other_clock = ag_clock_new_manual (now);
  ag_clock_set_timezone (other_clock, fixture->tz);
  other = ag_store_open (fixture->path, other_clock, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, 3, 2026);
  checklist = ag_day_checklist_new (other, fixture->protocol, &day);
  g_assert_nonnull (find_item (G_LIST_MODEL (checklist), "2026-03-03/sunscreen/morning"));
  g_assert_false (checklist_shows_done (checklist));

  /* The patient already did the evening cleanse in the app. */
  g_assert_true (ag_store_set_item_done (other, "2026-03-03/cleanse/evening", "2026-03-03",
                                         TRUE, &error));
  g_assert_no_error (error);

  timeline = run_until (fixture, 3, 3, 8, 0, FALSE);
  g_assert_cmpstr (timeline, ==,
                   "03-03 08:00 +01:00 Gentle cleanser [" ACTIONS "]\n"
                   "03-03 08:00 +01:00 Drink water [" ACTIONS "]\n"
                   "03-03 08:00 +01:00 Moisturise [" ACTIONS "]\n"
                   "03-03 08:00 +01:00 Sunscreen [" ACTIONS "]\n");

  id = ag_notifier_lookup_id (fixture->notifier, "sunscreen");
  g_assert_cmpuint (id, >, 0);
  ag_test_server_invoke (id, "done");

  g_assert_true (ag_test_wait_until (sunscreen_ticked, fixture, 5000));
  g_assert_true (ag_test_wait_until (checklist_shows_done, checklist, 5000));
  closes = ag_test_server_take_calls ("CloseNotification");
  g_assert_cmpuint (closes->len, ==, 1);

  /* The ticked evening cleanse is not sent; the other evening steps are. */
  g_clear_pointer (&timeline, g_free);
  timeline = run_until (fixture, 3, 3, 21, 30, FALSE);
  g_assert_cmpstr (timeline, ==,
                   "03-03 10:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "03-03 10:30 +01:00 You can wear makeup again [" NO_DONE "]\n"
                   "03-03 12:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "03-03 14:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "03-03 16:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "03-03 18:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "03-03 21:00 +01:00 Check your skin [" ACTIONS "]\n"
                   "03-03 21:00 +01:00 Moisturise [" ACTIONS "]\n");
}

typedef struct
{
  GString *seen;
} NotifyLog;

static gboolean
not_saved_shown (gpointer data)
{
  NotifyLog *log = data;
  g_autoptr(GPtrArray) calls = ag_test_server_take_calls ("Notify");

  for (guint i = 0; i < calls->len; i++)
    {
      g_autofree char *described = ag_test_describe_notify (g_ptr_array_index (calls, i));

      g_string_append_printf (log->seen, "%s\n", described);
    }

  return strstr (log->seen->str, "“Sunscreen” was not saved") != NULL;
}

/* A Done that cannot be saved says so, instead of quietly closing as if it were ticked. */
static void
test_done_not_saved (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  NotifyLog log = { g_string_new (NULL) };
  guint32 id;

  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 50);
  start (fixture);
  timeline = run_until (fixture, 3, 3, 8, 0, FALSE);

  /* Every tick now fails, as on a disk that filled up. */
  g_assert_cmpint (sqlite3_exec (ag_store_get_db (fixture->store),
                                 "CREATE TEMP TRIGGER refuse BEFORE INSERT ON ticks "
                                 "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  id = ag_notifier_lookup_id (fixture->notifier, "sunscreen");
  g_assert_cmpuint (id, >, 0);
  ag_test_allow_warnings ("ag-reminder-scheduler");
  ag_test_server_invoke (id, "done");

  g_assert_true (ag_test_wait_until (not_saved_shown, &log, 5000));
  g_assert_false (sunscreen_ticked (fixture));
  g_assert_nonnull (strstr (log.seen->str, "Tick it in Afterglow once this is solved."));
  g_string_free (log.seen, TRUE);
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GHashTable) snoozes = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *later = NULL;
  g_autofree char *back = NULL;
  g_autofree char *after = NULL;

  g_settings_set_int (fixture->settings, "snooze-minutes", 20);
  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 50);
  start (fixture);
  timeline = run_until (fixture, 3, 3, 8, 0, FALSE);
  g_assert_cmpuint (strlen (timeline), >, 0);

  ag_test_server_invoke (ag_notifier_lookup_id (fixture->notifier, "sunscreen"), "snooze");
  ag_test_drain ();
  snoozes = ag_store_dup_snoozes (fixture->store, NULL);
  g_assert_cmpuint (g_hash_table_size (snoozes), ==, 1);
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (snoozes, "item:2026-03-03/sunscreen/morning"),
                   ==, ag_clock_get_now_unix_usec (fixture->clock) + 20 * G_TIME_SPAN_MINUTE);
  g_assert_true (ag_reminder_scheduler_get_busy (fixture->scheduler));

  /* The service quits and comes back: the snooze is in the store. */
  restart (fixture);
  later = run_until (fixture, 3, 3, 8, 19, FALSE);
  g_assert_cmpstr (later, ==, "");

  /* Back once, with Done but without Snooze. */
  back = run_until (fixture, 3, 3, 8, 20, FALSE);
  g_assert_cmpstr (back, ==,
                   "03-03 08:20 +01:00 Sunscreen [done=Done,default=Open Afterglow]\n");
  assert_delivery (fixture, "item:2026-03-03/sunscreen/morning#snoozed", AG_DELIVERY_SHOWN);

  restart (fixture);
  after = run_until (fixture, 3, 3, 9, 59, FALSE);
  g_assert_cmpstr (after, ==, "");
  g_clear_pointer (&snoozes, g_hash_table_unref);
  snoozes = ag_store_dup_snoozes (fixture->store, NULL);
  g_assert_cmpuint (g_hash_table_size (snoozes), ==, 0);
}

static void
test_sleep (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  g_autofree char *again = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) full = g_string_new (NULL);

  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 0);
  start (fixture);
  g_assert_cmpstr ((timeline = take (fixture)), ==, "");

  /* The laptop sleeps from 07:00 to 12:05; the clock jumps when it wakes. */
  set_now (fixture, 3, 3, 12, 5);
  collect (fixture, full, TRUE);
  g_assert_cmpstr (full->str, ==,
                   "03-03 12:05 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing "
                   "skin burns easily. | " ACTIONS " | " APPLICATION_ID "\n"
                   "03-03 12:05 +01:00 | Afterglow | While you were away | "
                   "08:00 Gentle cleanser\n08:00 Drink water\n08:00 Moisturise\n08:00 Sunscreen\n"
                   "10:00 Sunscreen\n10:30 You can wear makeup again\n"
                   "Open Afterglow to see what is still to do. | "
                   "open=Open Afterglow,default=Open Afterglow | " APPLICATION_ID "\n");

  assert_delivery (fixture, "item:2026-03-03/sunscreen/morning", AG_DELIVERY_MISSED);
  assert_delivery (fixture, "restriction-end:makeup:1", AG_DELIVERY_MISSED);
  assert_delivery (fixture, "item:2026-03-03/sunscreen/at-1200", AG_DELIVERY_SHOWN);

  /* Nothing twice: not on another pass, not after a restart. */
  ag_reminder_scheduler_process (fixture->scheduler);
  g_assert_cmpstr ((again = take (fixture)), ==, "");
  restart (fixture);
  g_assert_cmpstr ((summary = take (fixture)), ==, "");
}

static void
test_clock_forward (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *jumped = NULL;
  g_autofree char *again = NULL;
  g_autofree char *later = NULL;

  plan_session (fixture, 3, 2, 10);
  /* A first start shows nothing from the past: 08:00 is long gone at 09:12. */
  set_now (fixture, 3, 3, 9, 12);
  start (fixture);
  g_assert_cmpstr ((first = take (fixture)), ==, "");
  assert_not_delivered (fixture, "item:2026-03-03/sunscreen/morning");

  /* Someone sets the clock an hour forward: 10:00 became due 12 minutes ago. */
  set_now (fixture, 3, 3, 10, 12);
  g_assert_cmpstr ((jumped = take (fixture)), ==,
                   "03-03 10:12 +01:00 Sunscreen [" ACTIONS "]\n");
  ag_reminder_scheduler_process (fixture->scheduler);
  g_assert_cmpstr ((again = take (fixture)), ==, "");

  later = run_until (fixture, 3, 3, 11, 0, FALSE);
  g_assert_cmpstr (later, ==, "03-03 10:30 +01:00 You can wear makeup again [" NO_DONE "]\n");
}

static void
test_dst_spring (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *timeline = NULL;

  /* Friday 27 March 2026, 10:00–10:30 +01:00; clocks go forward on Sunday at 02:00. */
  plan_session (fixture, 3, 27, 10);
  set_now (fixture, 3, 28, 21, 30);
  start (fixture);

  timeline = run_until (fixture, 3, 29, 12, 30, FALSE);
  /* 08:00 stays 08:00 (+02:00 now); 48 real hours after 10:30 +01:00 is 11:30 +02:00. */
  g_assert_cmpstr (timeline, ==,
                   "03-29 08:00 +02:00 Gentle cleanser [" ACTIONS "]\n"
                   "03-29 08:00 +02:00 Drink water [" ACTIONS "]\n"
                   "03-29 08:00 +02:00 Moisturise [" ACTIONS "]\n"
                   "03-29 08:00 +02:00 Sunscreen [" ACTIONS "]\n"
                   "03-29 10:00 +02:00 Sunscreen [" ACTIONS "]\n"
                   "03-29 11:30 +02:00 You can exercise again [" NO_DONE "]\n"
                   "03-29 11:30 +02:00 You can swim again [" NO_DONE "]\n"
                   "03-29 12:00 +02:00 Sunscreen [" ACTIONS "]\n");
}

static void
test_dst_autumn (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *timeline = NULL;

  /* Friday 23 October 2026, 10:00–10:30 +02:00; clocks go back on Sunday at 03:00. */
  plan_session (fixture, 10, 23, 10);
  set_now (fixture, 10, 24, 21, 30);
  start (fixture);

  timeline = run_until (fixture, 10, 25, 12, 30, FALSE);
  /* 08:00 stays 08:00 (+01:00 now); 48 real hours after 10:30 +02:00 is 09:30 +01:00. */
  g_assert_cmpstr (timeline, ==,
                   "10-25 08:00 +01:00 Gentle cleanser [" ACTIONS "]\n"
                   "10-25 08:00 +01:00 Drink water [" ACTIONS "]\n"
                   "10-25 08:00 +01:00 Moisturise [" ACTIONS "]\n"
                   "10-25 08:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "10-25 09:30 +01:00 You can exercise again [" NO_DONE "]\n"
                   "10-25 09:30 +01:00 You can swim again [" NO_DONE "]\n"
                   "10-25 10:00 +01:00 Sunscreen [" ACTIONS "]\n"
                   "10-25 12:00 +01:00 Sunscreen [" ACTIONS "]\n");
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  g_autofree char *changed = NULL;

  g_settings_set_boolean (fixture->settings, "remind-sunscreen", FALSE);
  g_settings_set_boolean (fixture->settings, "remind-care", FALSE);
  g_settings_set_int (fixture->settings, "quiet-hours-start", 20 * 60);
  g_settings_set_int (fixture->settings, "quiet-hours-end", 9 * 60);
  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 0);
  start (fixture);

  /* Only cleansing and restrictions; quiet until 09:00 holds the 08:00 and 21:00 ones. */
  timeline = run_until (fixture, 3, 4, 9, 30, FALSE);
  g_assert_cmpstr (timeline, ==,
                   "03-03 09:00 +01:00 Gentle cleanser [" ACTIONS "]\n"
                   "03-03 10:30 +01:00 You can wear makeup again [" NO_DONE "]\n"
                   "03-04 09:00 +01:00 Gentle cleanser [" ACTIONS "]\n"
                   "03-04 09:00 +01:00 Gentle cleanser [" ACTIONS "]\n");

  /* Turning a kind back on reschedules at once. */
  g_settings_set_boolean (fixture->settings, "remind-sunscreen", TRUE);
  changed = run_until (fixture, 3, 4, 10, 0, FALSE);
  g_assert_cmpstr (changed, ==, "03-04 10:00 +01:00 Sunscreen [" ACTIONS "]\n");
}

static void
test_protocol_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  g_autoptr(GError) error = NULL;
  guint band;

  g_settings_set_boolean (fixture->settings, "remind-sunscreen", FALSE);
  g_settings_set_boolean (fixture->settings, "remind-care", FALSE);
  g_settings_set_boolean (fixture->settings, "remind-cleansing", FALSE);
  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 0);
  start (fixture);

  /* The practitioner said no makeup for 30 hours: the reminder moves from 10:30 to 16:30. */
  band = ag_protocol_get_band_for_depth (fixture->protocol, 1.0);
  g_assert_true (ag_protocol_set_restriction_hours (fixture->protocol, "makeup", band, 30,
                                                    &error));
  g_assert_no_error (error);

  timeline = run_until (fixture, 3, 3, 17, 0, FALSE);
  g_assert_cmpstr (timeline, ==,
                   "03-03 16:30 +01:00 You can wear makeup again [" NO_DONE "]\n");
}

/* The record is the claim: a reminder recorded already (by the app, or before a crash) is
 * never shown again. */
static void
test_claimed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  g_autoptr(GError) error = NULL;

  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 9, 50);
  g_assert_true (ag_store_record_delivery (fixture->store, "item:2026-03-03/sunscreen/at-1000",
                                           AG_DELIVERY_SHOWN, &error));
  g_assert_no_error (error);
  start (fixture);

  timeline = run_until (fixture, 3, 3, 10, 30, FALSE);
  g_assert_cmpstr (timeline, ==, "03-03 10:30 +01:00 You can wear makeup again [" NO_DONE "]\n");
}

static void
test_no_actions (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *timeline = NULL;

  g_assert_false (ag_notifier_get_has_actions (fixture->notifier));
  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 9, 50);
  start (fixture);

  timeline = run_until (fixture, 3, 3, 10, 30, TRUE);
  g_assert_cmpstr (timeline, ==,
                   "03-03 10:00 +01:00 | Afterglow | Sunscreen | Apply SPF 30 or higher: healing "
                   "skin burns easily.\nWhen you have done it, tick it in Afterglow’s list for "
                   "the day. | | " APPLICATION_ID "\n"
                   "03-03 10:30 +01:00 | Afterglow | You can wear makeup again | Your skin has "
                   "had the time it needs for this. Go gently at first. | | " APPLICATION_ID "\n");
}

static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_false (ag_notifier_get_available (fixture->notifier));

  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 50);
  start (fixture);
  set_now (fixture, 3, 3, 8, 0);
  set_now (fixture, 3, 3, 8, 5);

  /* Nothing was shown, so nothing is recorded, and the service waits. */
  assert_not_delivered (fixture, "item:2026-03-03/sunscreen/morning");
  g_assert_true (ag_reminder_scheduler_get_busy (fixture->scheduler));
  /* One warning for the whole outage. */
  g_assert_cmpuint (ag_test_allow_warnings (NULL), ==, 1);

  /* A server appears five minutes later: within the grace period, all four come. */
  fixture->server = ag_test_server_start (AG_TEST_CAPS_ACTIONS);
  g_assert_true (ag_test_wait_until (notifier_available, fixture->notifier, 10000));
  ag_test_drain ();
  first = take (fixture);
  g_assert_cmpstr (first, ==,
                   "03-03 08:05 +01:00 Gentle cleanser [" ACTIONS "]\n"
                   "03-03 08:05 +01:00 Drink water [" ACTIONS "]\n"
                   "03-03 08:05 +01:00 Moisturise [" ACTIONS "]\n"
                   "03-03 08:05 +01:00 Sunscreen [" ACTIONS "]\n");
  assert_delivery (fixture, "item:2026-03-03/sunscreen/morning", AG_DELIVERY_SHOWN);

  /* It goes away for the morning: what it missed comes as one summary, the rest on time. */
  ag_test_allow_warnings ("ag-reminder-scheduler");
  ag_test_server_stop (g_steal_pointer (&fixture->server));
  set_now (fixture, 3, 3, 10, 0);
  set_now (fixture, 3, 3, 10, 30);
  set_now (fixture, 3, 3, 12, 10);
  assert_not_delivered (fixture, "item:2026-03-03/sunscreen/at-1000");
  fixture->server = ag_test_server_start (AG_TEST_CAPS_ACTIONS);
  g_assert_true (ag_test_wait_until (notifier_available, fixture->notifier, 10000));
  ag_test_drain ();
  second = take (fixture);
  g_assert_cmpstr (second, ==,
                   "03-03 12:10 +01:00 Sunscreen [" ACTIONS "]\n"
                   "03-03 12:10 +01:00 While you were away [open=Open Afterglow,default=Open Afterglow]\n");
  assert_delivery (fixture, "item:2026-03-03/sunscreen/at-1000", AG_DELIVERY_MISSED);
  assert_delivery (fixture, "item:2026-03-03/sunscreen/at-1200", AG_DELIVERY_SHOWN);
  g_assert_cmpuint (ag_test_allow_warnings (NULL), ==, 1);

  third = run_until (fixture, 3, 3, 14, 0, FALSE);
  g_assert_cmpstr (third, ==, "03-03 14:00 +01:00 Sunscreen [" ACTIONS "]\n");
}

typedef struct
{
  char *action;
  char *day;
} Activation;

static void
fake_app_method_cb (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  Activation *activation = user_data;
  g_autoptr(GVariant) args = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) day = NULL;

  g_assert_cmpstr (method_name, ==, "ActivateAction");
  g_variant_get (parameters, "(s@av@a{sv})", &activation->action, &args, NULL);
  g_assert_cmpuint (g_variant_n_children (args), ==, 1);
  first = g_variant_get_child_value (args, 0);
  day = g_variant_get_variant (first);
  activation->day = g_variant_dup_string (day, NULL);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
activated (gpointer data)
{
  return ((Activation *) data)->day != NULL;
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  static const char xml[] =
    "<node><interface name='org.freedesktop.Application'>"
    "<method name='ActivateAction'><arg type='s' direction='in'/>"
    "<arg type='av' direction='in'/><arg type='a{sv}' direction='in'/></method>"
    "</interface></node>";
  static const GDBusInterfaceVTable vtable = { fake_app_method_cb, NULL, NULL };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GDBusConnection) app_bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *timeline = NULL;
  Activation activation = { NULL, NULL };
  guint registration;
  guint owner;

  /* A stand-in for Afterglow on the bus, on its own connection. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  app_bus = g_dbus_connection_new_for_address_sync (address,
                                                    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                    NULL, NULL, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (app_bus, "/io/github/afterglow/Afterglow",
                                                    info->interfaces[0], &vtable, &activation,
                                                    NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (app_bus, APPLICATION_ID, G_BUS_NAME_OWNER_FLAGS_NONE,
                                        NULL, NULL, NULL, NULL);

  plan_session (fixture, 3, 2, 10);
  set_now (fixture, 3, 3, 7, 50);
  start (fixture);
  timeline = run_until (fixture, 3, 3, 8, 0, FALSE);

  ag_test_server_invoke (ag_notifier_lookup_id (fixture->notifier, "sunscreen"), "default");
  g_assert_true (ag_test_wait_until (activated, &activation, 5000));
  g_assert_cmpstr (activation.action, ==, "show-day");
  g_assert_cmpstr (activation.day, ==, "2026-03-03");

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (app_bus, registration);
  g_free (activation.action);
  g_free (activation.day);
}

static void
test_resident (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *timeline = NULL;
  guint id;

  /* No plan: nothing to wait for. */
  set_now (fixture, 3, 3, 7, 50);
  start (fixture);
  g_assert_false (ag_reminder_scheduler_get_busy (fixture->scheduler));
  g_assert_cmpint (ag_reminder_scheduler_get_next_due (fixture->scheduler), ==, 0);

  /* A session a month ahead: its first preparation step is two weeks before it. */
  plan_session (fixture, 4, 20, 10);
  settle ();
  g_assert_true (ag_reminder_scheduler_get_busy (fixture->scheduler));
  g_clear_pointer (&timeline, g_free);
  {
    g_autoptr(GDateTime) next = g_date_time_new (fixture->tz, 2026, 4, 6, 8, 0, 0);

    g_assert_cmpint (ag_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                     g_date_time_to_unix (next) * G_USEC_PER_SEC);
  }

  /* After the last reminder, the service stays only while its notification is on screen. */
  timeline = run_until (fixture, 6, 1, 0, 0, FALSE);
  g_assert_cmpint (ag_reminder_scheduler_get_next_due (fixture->scheduler), ==, 0);
  g_assert_true (ag_reminder_scheduler_get_busy (fixture->scheduler));
  for (guint n = ag_notifier_get_n_shown (fixture->notifier); n > 0; n--)
    {
      const char *categories[] = { "sunscreen", "cleansing", "care", "exercise", "restrictions",
                                   "preparation", "appointment", "booking", "missed" };

      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        if ((id = ag_notifier_lookup_id (fixture->notifier, categories[c])) > 0)
          ag_test_server_close (id);
    }
  ag_test_drain ();
  g_assert_cmpuint (ag_notifier_get_n_shown (fixture->notifier), ==, 0);
  g_assert_false (ag_reminder_scheduler_get_busy (fixture->scheduler));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reminders/first-three-days", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_first_three_days, fixture_tear_down);
  g_test_add ("/reminders/done", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_done, fixture_tear_down);
  g_test_add ("/reminders/snooze", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_snooze, fixture_tear_down);
  g_test_add ("/reminders/open", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/reminders/missed/sleep", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_sleep, fixture_tear_down);
  g_test_add ("/reminders/missed/clock-forward", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_clock_forward, fixture_tear_down);
  g_test_add ("/reminders/dst/spring-forward", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_dst_spring, fixture_tear_down);
  g_test_add ("/reminders/dst/fall-back", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_dst_autumn, fixture_tear_down);
  g_test_add ("/reminders/settings/kinds-and-quiet-hours", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/reminders/settings/protocol-change", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_protocol_change, fixture_tear_down);
  g_test_add ("/reminders/done-not-saved", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_done_not_saved, fixture_tear_down);
  g_test_add ("/reminders/claimed-elsewhere", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_claimed_elsewhere, fixture_tear_down);
  g_test_add ("/reminders/server/no-actions", Fixture, AG_TEST_CAPS_NO_ACTIONS,
              fixture_set_up, test_no_actions, fixture_tear_down);
  g_test_add ("/reminders/server/appears-later", Fixture, NULL,
              fixture_set_up, test_no_server, fixture_tear_down);
  g_test_add ("/reminders/resident", Fixture, AG_TEST_CAPS_ACTIONS,
              fixture_set_up, test_resident, fixture_tear_down);

  return g_test_run ();
}
