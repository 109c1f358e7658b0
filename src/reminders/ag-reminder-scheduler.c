/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-reminder-scheduler.c: decides which reminders are due, sends them once and wakes for the next. */

#define G_LOG_DOMAIN "ag-reminder-scheduler"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ag-alarm.h"
#include "ag-engine.h"
#include "ag-error.h"
#include "ag-reminder-scheduler.h"

/* How far ahead one pass looks; beyond it, the next planned session is looked up. */
#define HORIZON_DAYS 14
/* Quiet hours defer a reminder by less than a day: look back that much further. */
#define QUIET_SLACK (24 * G_TIME_SPAN_HOUR)
/* A snooze comes back at most hours after its reminder was first due. */
#define SNOOZE_SLACK (2 * G_TIME_SPAN_DAY)
/* The key under which a snoozed reminder's second showing is recorded. */
#define SNOOZED_SUFFIX "#snoozed"

#define STATE_GROUP "Reminders"
#define STATE_WATERMARK "checked-until-usec"

struct _AgReminderScheduler
{
  GObject parent_instance;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  GSettings *settings;
  AgNotifier *notifier;
  AgAlarm *alarm;
  char *state_path;

  guint idle_id;
  gint64 watermark;
  gint64 next_due;
  guint busy : 1;
  guint pending : 1;
  guint started : 1;
  guint processing : 1;
  guint warned : 1;
};

G_DEFINE_FINAL_TYPE (AgReminderScheduler, ag_reminder_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The settings, read once per pass. */
typedef struct
{
  AgRoutine routine;
  gboolean repeat_sunscreen;
  gint64 grace;
  gint64 snooze;
  gboolean quiet;
  int quiet_start;
  int quiet_end;
} Preferences;

/* A reminder that may be due, at the time quiet hours allow it. */
typedef struct
{
  AgReminder *reminder;
  gint64 due;
  gboolean snoozed;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_clear_object (&candidate->reminder);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->due != cb->due)
    return ca->due < cb->due ? -1 : 1;
  return g_strcmp0 (ag_reminder_get_key (ca->reminder), ag_reminder_get_key (cb->reminder));
}

static gint64
to_usec (GDateTime *instant)
{
  return g_date_time_to_unix (instant) * G_USEC_PER_SEC + g_date_time_get_microsecond (instant);
}

static GDateTime *
from_usec (gint64     usec,
           GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (utc, usec % G_USEC_PER_SEC);

  return g_date_time_to_timezone (exact, tz);
}

static char *
format_day (gint64     usec,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) local = from_usec (usec, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
read_preferences (AgReminderScheduler *self,
                  Preferences         *prefs)
{
  int interval = g_settings_get_int (self->settings, "sunscreen-interval-hours");

  prefs->routine.morning_minutes = g_settings_get_int (self->settings, "morning-time");
  prefs->routine.evening_minutes = g_settings_get_int (self->settings, "evening-time");
  /* 0 in the settings turns re-application off, where the engine's 0 means the protocol's. */
  prefs->routine.sunscreen_interval_hours = interval;
  prefs->repeat_sunscreen = interval > 0;
  prefs->grace = g_settings_get_int (self->settings, "missed-grace-minutes") * G_TIME_SPAN_MINUTE;
  prefs->snooze = g_settings_get_int (self->settings, "snooze-minutes") * G_TIME_SPAN_MINUTE;
  prefs->quiet = g_settings_get_boolean (self->settings, "quiet-hours-enabled");
  prefs->quiet_start = g_settings_get_int (self->settings, "quiet-hours-start");
  prefs->quiet_end = g_settings_get_int (self->settings, "quiet-hours-end");
}

static gboolean
is_wanted (AgReminderScheduler *self,
           const Preferences   *prefs,
           AgReminder          *reminder)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *key = g_strconcat ("remind-", ag_reminder_get_category (reminder), NULL);
  const char *item_key = ag_reminder_get_item_key (reminder);

  if (!prefs->repeat_sunscreen &&
      g_strcmp0 (ag_reminder_get_category (reminder), "sunscreen") == 0 &&
      item_key != NULL && strstr (item_key, "/at-") != NULL)
    return FALSE;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, key))
    return TRUE;

  return g_settings_get_boolean (self->settings, key);
}

/* When a reminder due at @due_usec may be shown: quiet hours hold it until they end. */
static gint64
allowed_time (const Preferences *prefs,
              GTimeZone         *tz,
              gint64             due_usec)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean quiet = FALSE;
  gboolean next_day = FALSE;
  int minutes;

  if (!prefs->quiet || prefs->quiet_start == prefs->quiet_end)
    return due_usec;

  local = from_usec (due_usec, tz);
  minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  if (prefs->quiet_start < prefs->quiet_end)
    quiet = minutes >= prefs->quiet_start && minutes < prefs->quiet_end;
  else if (minutes >= prefs->quiet_start)
    quiet = next_day = TRUE;
  else if (minutes < prefs->quiet_end)
    quiet = TRUE;

  if (!quiet)
    return due_usec;

  day = next_day ? g_date_time_add_days (local, 1) : g_date_time_ref (local);
  /* A quiet end that DST skips is moved forward by GLib, never back into the quiet. */
  end = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                         g_date_time_get_day_of_month (day),
                         prefs->quiet_end / 60, prefs->quiet_end % 60, 0);

  return MAX (to_usec (end), due_usec);
}

static void
load_watermark (AgReminderScheduler *self)
{
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (!g_key_file_load_from_file (state, self->state_path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Could not read %s, starting afresh: %s", self->state_path, error->message);
      return;
    }

  value = g_key_file_get_value (state, STATE_GROUP, STATE_WATERMARK, NULL);
  if (value != NULL)
    self->watermark = g_ascii_strtoll (value, NULL, 10);
}

static void
save_watermark (AgReminderScheduler *self)
{
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, self->watermark);

  g_key_file_set_comment (state, NULL, NULL,
                          " Written by afterglow-reminders: reminders due before this time"
                          " (µs since 1970) were handled.", NULL);
  g_key_file_set_value (state, STATE_GROUP, STATE_WATERMARK, value);
  if (!g_key_file_save_to_file (state, self->state_path, &error))
    g_warning ("Could not save when reminders were last checked: %s", error->message);
}

static void
set_busy (AgReminderScheduler *self,
          gboolean             busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_busy (AgReminderScheduler *self)
{
  g_autoptr(GHashTable) snoozes = ag_store_dup_snoozes (self->store, NULL);

  set_busy (self, self->next_due > 0 || self->pending ||
                  (snoozes != NULL && g_hash_table_size (snoozes) > 0) ||
                  ag_notifier_get_n_shown (self->notifier) > 0);
}

static gboolean
was_delivered (AgReminderScheduler *self,
               const char          *key)
{
  g_autoptr(GError) error = NULL;

  if (ag_store_lookup_delivery (self->store, key, NULL, NULL, &error))
    return TRUE;

  if (g_error_matches (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND))
    return FALSE;

  /* Better a reminder missed than one shown twice. */
  g_warning ("Could not check whether “%s” was shown: %s", key, error->message);
  return TRUE;
}

static char *
dup_record_key (const Candidate *candidate)
{
  const char *key = ag_reminder_get_key (candidate->reminder);

  return candidate->snoozed ? g_strconcat (key, SNOOZED_SUFFIX, NULL) : g_strdup (key);
}

/* Records the delivery before anything is shown: the record is the claim, so neither a crash
 * between showing and recording nor the app showing the same reminder can make it appear
 * twice. Returns FALSE when it was delivered already or the claim could not be saved (then
 * it waits for the next pass). */
static gboolean
claim (AgReminderScheduler *self,
       const Candidate     *candidate,
       AgDeliveryHow        how)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *record_key = dup_record_key (candidate);

  if (ag_store_record_delivery (self->store, record_key, how, &error))
    return TRUE;

  if (error != NULL)
    g_warning ("Could not record that “%s” is due, so it waits: %s", record_key, error->message);

  return FALSE;
}

/* Takes a claim back when the notification could not be shown after all. */
static void
unclaim (AgReminderScheduler *self,
         const Candidate     *candidate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *record_key = dup_record_key (candidate);

  if (!ag_store_forget_delivery (self->store, record_key, &error))
    g_warning ("Could not take back the record of “%s”: %s", record_key, error->message);
}

/* After a claimed reminder was shown (or summarised), its snooze is over. */
static void
settle (AgReminderScheduler *self,
        const Candidate     *candidate)
{
  g_autoptr(GError) error = NULL;
  const char *key = ag_reminder_get_key (candidate->reminder);

  if (candidate->snoozed && !ag_store_clear_snooze (self->store, key, &error))
    g_warning ("Could not clear the snooze of “%s”: %s", key, error->message);
}

static GPtrArray *
reminders_between (AgReminderScheduler *self,
                   const Preferences   *prefs,
                   GPtrArray           *sessions,
                   GTimeZone           *tz,
                   gint64               from,
                   gint64               to)
{
  g_autoptr(GDateTime) from_dt = from_usec (from, tz);
  g_autoptr(GDateTime) to_dt = from_usec (to, tz);

  return ag_engine_reminders_between (self->protocol, sessions, tz, &prefs->routine,
                                      from_dt, to_dt);
}

/* The first wanted reminder after @now, when none is within the horizon: the next planned
 * session brings preparation steps at most a month before it. */
static gint64
find_later (AgReminderScheduler *self,
            const Preferences   *prefs,
            GPtrArray           *sessions,
            GTimeZone           *tz,
            gint64               now)
{
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 next_start = G_MAXINT64;

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);
      gint64 start = to_usec (ag_session_get_start (session));

      if (ag_session_get_status (session) != AG_SESSION_CANCELLED && start > now)
        next_start = MIN (next_start, start);
    }

  if (next_start == G_MAXINT64)
    return 0;

  reminders = reminders_between (self, prefs, sessions, tz,
                                 MAX (now, next_start - (AG_PROTOCOL_MAX_DAYS_BEFORE + 1) *
                                           G_TIME_SPAN_DAY),
                                 next_start + G_TIME_SPAN_DAY);
  for (guint i = 0; i < reminders->len; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);
      gint64 due = allowed_time (prefs, tz, to_usec (ag_reminder_get_due (reminder)));

      if (due > now && is_wanted (self, prefs, reminder))
        return due;
    }

  return 0;
}

static gboolean
process_idle_cb (gpointer user_data)
{
  AgReminderScheduler *self = AG_REMINDER_SCHEDULER (user_data);

  self->idle_id = 0;
  ag_reminder_scheduler_process (self);

  return G_SOURCE_REMOVE;
}

static void
queue_process (AgReminderScheduler *self)
{
  if (self->started && self->idle_id == 0)
    self->idle_id = g_idle_add (process_idle_cb, self);
}

static void
store_changed_cb (AgReminderScheduler *self,
                  AgStoreChange        change,
                  AgStore             *store)
{
  /* Our own records of what was shown change nothing in the schedule. */
  if (self->processing || change == AG_STORE_CHANGE_DELIVERIES)
    return;

  queue_process (self);
}

static void
clock_changed_cb (AgReminderScheduler *self,
                  AgClock             *clock)
{
  queue_process (self);
}

static void
settings_changed_cb (AgReminderScheduler *self,
                     const char          *key,
                     GSettings           *settings)
{
  queue_process (self);
}

/* The user changed a value of the aftercare plan in the app's Preferences. */
static void
protocol_changed_cb (AgReminderScheduler *self,
                     AgProtocol          *protocol)
{
  queue_process (self);
}

static void
alarm_fired_cb (AgReminderScheduler *self,
                AgAlarm             *alarm)
{
  ag_reminder_scheduler_process (self);
}

static void
notifier_available_cb (AgReminderScheduler *self,
                       GParamSpec          *pspec,
                       AgNotifier          *notifier)
{
  if (ag_notifier_get_available (notifier))
    queue_process (self);
}

static void
notifier_shown_cb (AgReminderScheduler *self,
                   GParamSpec          *pspec,
                   AgNotifier          *notifier)
{
  if (self->started && !self->processing)
    update_busy (self);
}

static void
notifier_action_cb (AgReminderScheduler *self,
                    AgReminder          *reminder,
                    const char          *action,
                    AgNotifier          *notifier)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (action, "done"))
    ok = ag_reminder_scheduler_mark_done (self, reminder, &error);
  else if (g_str_equal (action, "snooze"))
    ok = ag_reminder_scheduler_snooze (self, reminder, &error);

  if (!ok)
    {
      g_autoptr(GError) show_error = NULL;

      g_warning ("Could not save “%s” for “%s”: %s", action, ag_reminder_get_key (reminder),
                 error->message);
      if (!ag_notifier_show_not_saved (self->notifier, reminder, error->message, &show_error))
        g_warning ("Could not say so either: %s", show_error->message);
    }
}

static void
ag_reminder_scheduler_dispose (GObject *object)
{
  AgReminderScheduler *self = AG_REMINDER_SCHEDULER (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (ag_store_get_clock (self->store), self);
  if (self->alarm != NULL)
    ag_alarm_cancel (self->alarm);
  g_clear_object (&self->alarm);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->protocol);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ag_reminder_scheduler_parent_class)->dispose (object);
}

static void
ag_reminder_scheduler_finalize (GObject *object)
{
  AgReminderScheduler *self = AG_REMINDER_SCHEDULER (object);

  g_free (self->state_path);

  G_OBJECT_CLASS (ag_reminder_scheduler_parent_class)->finalize (object);
}

static void
ag_reminder_scheduler_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AgReminderScheduler *self = AG_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_reminder_scheduler_class_init (AgReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ag_reminder_scheduler_dispose;
  object_class->finalize = ag_reminder_scheduler_finalize;
  object_class->get_property = ag_reminder_scheduler_get_property;

  /**
   * AgReminderScheduler:busy:
   *
   * Whether there is anything left to wait for: a reminder to come, a snooze, a reminder
   * that waits for a notification server, or a notification on screen whose buttons work
   * only while this process runs.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_reminder_scheduler_init (AgReminderScheduler *self)
{
}

/**
 * ag_reminder_scheduler_dup_state_path:
 * @store: the store
 *
 * Returns: (transfer full): the small file, next to the store, where the scheduler notes
 *   up to when it has handled reminders
 */
char *
ag_reminder_scheduler_dup_state_path (AgStore *store)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);

  dir = g_path_get_dirname (ag_store_get_path (store));
  return g_build_filename (dir, "reminders-state.ini", NULL);
}

/**
 * ag_reminder_scheduler_new:
 * @store: the store, whose clock tells the time
 * @protocol: the aftercare protocol
 * @settings: the app's settings (schema io.github.afterglow.Afterglow)
 * @notifier: what shows the reminders
 *
 * Creates a scheduler; nothing happens until ag_reminder_scheduler_start().
 *
 * Returns: (transfer full): a new scheduler
 */
AgReminderScheduler *
ag_reminder_scheduler_new (AgStore    *store,
                           AgProtocol *protocol,
                           GSettings  *settings,
                           AgNotifier *notifier)
{
  AgReminderScheduler *self;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (AG_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (AG_TYPE_REMINDER_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  self->protocol = g_object_ref (protocol);
  self->settings = g_object_ref (settings);
  self->notifier = g_object_ref (notifier);
  self->alarm = ag_alarm_new (ag_store_get_clock (store));
  self->state_path = ag_reminder_scheduler_dup_state_path (store);

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ag_store_get_clock (store), "changed",
                           G_CALLBACK (clock_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (protocol, "changed", G_CALLBACK (protocol_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alarm, "fired", G_CALLBACK (alarm_fired_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "notify::available", G_CALLBACK (notifier_available_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "notify::n-shown", G_CALLBACK (notifier_shown_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "action", G_CALLBACK (notifier_action_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * ag_reminder_scheduler_start:
 * @self: the scheduler
 *
 * Reads when reminders were last handled, then runs the first pass: what is due within
 * the grace period is shown, what was missed before that is summarised once.
 */
void
ag_reminder_scheduler_start (AgReminderScheduler *self)
{
  g_return_if_fail (AG_IS_REMINDER_SCHEDULER (self));

  if (self->started)
    return;

  load_watermark (self);
  self->started = TRUE;
  ag_reminder_scheduler_process (self);
}

/**
 * ag_reminder_scheduler_process:
 * @self: the scheduler
 *
 * Shows what is due and not yet shown, summarises what was missed, and arms the alarm for
 * the next reminder. Runs on its own when the alarm fires, the clock jumps, the store or
 * the settings change, or a notification server appears.
 */
void
ag_reminder_scheduler_process (AgReminderScheduler *self)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GHashTable) snoozes = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GArray) missed_candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  AgClock *clock;
  GTimeZone *tz;
  Preferences prefs;
  GHashTableIter iter;
  gpointer key, value;
  gint64 now, lookback, from, next_due = G_MAXINT64;
  gboolean can_show, all_shown = TRUE;

  g_return_if_fail (AG_IS_REMINDER_SCHEDULER (self));

  if (!self->started || self->processing)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->processing = TRUE;

  clock = ag_store_get_clock (self->store);
  tz = ag_clock_get_timezone (clock);
  now = ag_clock_get_now_unix_usec (clock);
  read_preferences (self, &prefs);

  /* Without a note of the last run (a first start), only what is within the grace period
   * counts: a first start does not dump old reminders. */
  if (self->watermark > 0)
    lookback = CLAMP (self->watermark, now - AG_REMINDER_SCHEDULER_MAX_LOOKBACK, now);
  else
    lookback = now - prefs.grace;

  sessions = ag_store_list_sessions (self->store, 0, &error);
  snoozes = ag_store_dup_snoozes (self->store, error == NULL ? &error : NULL);
  if (sessions == NULL || snoozes == NULL)
    {
      g_warning ("Could not read the treatment plan: %s", error->message);
      self->processing = FALSE;
      return;
    }

  from = lookback - QUIET_SLACK;
  g_hash_table_iter_init (&iter, snoozes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    from = MIN (from, *(gint64 *) value - SNOOZE_SLACK);

  reminders = reminders_between (self, &prefs, sessions, tz, from,
                                 now + HORIZON_DAYS * G_TIME_SPAN_DAY);
  first_day = format_day (from - G_TIME_SPAN_DAY, tz);
  last_day = format_day (now + G_TIME_SPAN_DAY, tz);
  ticks = ag_store_dup_ticks_between (self->store, first_day, last_day, NULL);
  if (ticks == NULL)
    ticks = g_hash_table_new (g_str_hash, g_str_equal);

  due = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (due, candidate_clear);
  by_key = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < reminders->len; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);
      const char *item_key = ag_reminder_get_item_key (reminder);
      Candidate candidate = { NULL, 0, FALSE };

      g_hash_table_insert (by_key, (gpointer) ag_reminder_get_key (reminder), reminder);

      if (!is_wanted (self, &prefs, reminder))
        continue;

      candidate.due = allowed_time (&prefs, tz, to_usec (ag_reminder_get_due (reminder)));
      if (candidate.due > now)
        {
          next_due = MIN (next_due, candidate.due);
          continue;
        }

      /* Before the look-back it was handled in an earlier run, or is too old to matter. */
      if (candidate.due < lookback)
        continue;
      if (item_key != NULL && g_hash_table_contains (ticks, item_key))
        continue;
      if (was_delivered (self, ag_reminder_get_key (reminder)))
        continue;

      candidate.reminder = g_object_ref (reminder);
      g_array_append_val (due, candidate);
    }

  g_hash_table_iter_init (&iter, snoozes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AgReminder *reminder = g_hash_table_lookup (by_key, key);
      g_autofree char *snoozed_key = g_strconcat (key, SNOOZED_SUFFIX, NULL);
      const char *item_key;
      Candidate candidate = { NULL, 0, TRUE };

      item_key = reminder != NULL ? ag_reminder_get_item_key (reminder) : NULL;

      /* Gone from the plan, ticked in the meantime, or already back once. */
      if (reminder == NULL || (item_key != NULL && g_hash_table_contains (ticks, item_key)) ||
          !is_wanted (self, &prefs, reminder) || was_delivered (self, snoozed_key))
        {
          ag_store_clear_snooze (self->store, key, NULL);
          g_hash_table_iter_remove (&iter);
          continue;
        }

      candidate.due = allowed_time (&prefs, tz, *(gint64 *) value);
      if (candidate.due > now)
        {
          next_due = MIN (next_due, candidate.due);
          continue;
        }

      candidate.reminder = g_object_ref (reminder);
      g_array_append_val (due, candidate);
    }

  g_array_sort (due, compare_candidates);

  can_show = ag_notifier_get_available (self->notifier);
  missed = g_ptr_array_new ();
  missed_candidates = g_array_new (FALSE, FALSE, sizeof (Candidate *));

  for (guint i = 0; i < due->len; i++)
    {
      Candidate *candidate = &g_array_index (due, Candidate, i);
      g_autoptr(GError) show_error = NULL;

      if (now - candidate->due > prefs.grace)
        {
          g_ptr_array_add (missed, candidate->reminder);
          g_array_append_val (missed_candidates, candidate);
          continue;
        }

      if (!can_show)
        {
          all_shown = FALSE;
          continue;
        }

      if (!claim (self, candidate, AG_DELIVERY_SHOWN))
        continue;

      if (!ag_notifier_show_reminder (self->notifier, candidate->reminder,
                                      candidate->snoozed ? AG_NOTIFIER_SNOOZED : AG_NOTIFIER_NONE,
                                      &show_error))
        {
          g_warning ("Could not show a reminder, it waits: %s", show_error->message);
          unclaim (self, candidate);
          all_shown = can_show = FALSE;
          continue;
        }

      g_debug ("Shown %s", ag_reminder_get_key (candidate->reminder));
      settle (self, candidate);
    }

  if (missed->len > 0 && !can_show)
    all_shown = FALSE;
  else if (missed->len > 0)
    {
      g_autoptr(GError) show_error = NULL;
      g_autoptr(GDateTime) now_dt = from_usec (now, tz);
      g_autoptr(GPtrArray) claimed = g_ptr_array_new ();
      g_autoptr(GArray) claimed_candidates = g_array_new (FALSE, FALSE, sizeof (Candidate *));

      /* Only what this program claimed goes into the summary. */
      for (guint i = 0; i < missed_candidates->len; i++)
        {
          Candidate *candidate = g_array_index (missed_candidates, Candidate *, i);

          if (claim (self, candidate, AG_DELIVERY_MISSED))
            {
              g_ptr_array_add (claimed, candidate->reminder);
              g_array_append_val (claimed_candidates, candidate);
            }
        }

      if (claimed->len > 0 &&
          !ag_notifier_show_missed (self->notifier, claimed, tz, now_dt, &show_error))
        {
          g_warning ("Could not show the missed reminders, they wait: %s", show_error->message);
          for (guint i = 0; i < claimed_candidates->len; i++)
            unclaim (self, g_array_index (claimed_candidates, Candidate *, i));
          all_shown = FALSE;
        }
      else
        {
          for (guint i = 0; i < claimed_candidates->len; i++)
            settle (self, g_array_index (claimed_candidates, Candidate *, i));
        }
    }

  /* One warning per outage, and only when a reminder actually has to wait. */
  if (!all_shown && !self->warned)
    {
      g_warning ("No notification server is running: %u reminders wait until one appears",
                 due->len);
      self->warned = TRUE;
    }
  else if (all_shown && self->warned)
    {
      g_message ("Notifications work again: the reminders that waited were sent");
      self->warned = FALSE;
    }

  /* Only when everything due was handled may the next run start looking from now. */
  self->pending = !all_shown;
  if (all_shown && self->watermark != now)
    {
      self->watermark = now;
      save_watermark (self);
    }

  if (next_due == G_MAXINT64)
    next_due = find_later (self, &prefs, sessions, tz, now);
  else if (next_due == 0)
    next_due = 1;

  self->next_due = next_due == G_MAXINT64 ? 0 : next_due;
  if (self->next_due > 0)
    ag_alarm_schedule (self->alarm, self->next_due);
  else
    ag_alarm_cancel (self->alarm);

  self->processing = FALSE;
  update_busy (self);

  /* A pass builds two weeks of reminders and throws them away; the service then sleeps for
   * hours, so give the cached database pages and the freed heap back instead of keeping
   * them resident. */
  ag_store_release_memory (self->store);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/**
 * ag_reminder_scheduler_get_busy:
 * @self: the scheduler
 *
 * Returns: whether the service has a reason to keep running
 */
gboolean
ag_reminder_scheduler_get_busy (AgReminderScheduler *self)
{
  g_return_val_if_fail (AG_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->busy;
}

/**
 * ag_reminder_scheduler_get_next_due:
 * @self: the scheduler
 *
 * Returns: when the alarm wakes next, in µs since the epoch; 0 if nothing is planned
 */
gint64
ag_reminder_scheduler_get_next_due (AgReminderScheduler *self)
{
  g_return_val_if_fail (AG_IS_REMINDER_SCHEDULER (self), 0);

  return self->next_due;
}

/**
 * ag_reminder_scheduler_get_watermark:
 * @self: the scheduler
 *
 * Returns: up to when reminders were handled, in µs since the epoch; 0 if never
 */
gint64
ag_reminder_scheduler_get_watermark (AgReminderScheduler *self)
{
  g_return_val_if_fail (AG_IS_REMINDER_SCHEDULER (self), 0);

  return self->watermark;
}

/**
 * ag_reminder_scheduler_mark_done:
 * @self: the scheduler
 * @reminder: a reminder of a checklist step
 * @error: where a reason goes
 *
 * Ticks the reminder's step in the store, as the Done button does.
 *
 * Returns: %TRUE if the tick was saved
 */
gboolean
ag_reminder_scheduler_mark_done (AgReminderScheduler  *self,
                                 AgReminder           *reminder,
                                 GError              **error)
{
  g_return_val_if_fail (AG_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (AG_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (ag_reminder_get_item_key (reminder) != NULL, FALSE);

  return ag_store_set_item_done (self->store, ag_reminder_get_item_key (reminder),
                                 ag_reminder_get_day (reminder), TRUE, error);
}

/**
 * ag_reminder_scheduler_snooze:
 * @self: the scheduler
 * @reminder: the reminder
 * @error: where a reason goes
 *
 * Brings the reminder back once, after the snooze-minutes setting. The snooze is kept in
 * the store, so a restart keeps it.
 *
 * Returns: %TRUE if the snooze was saved
 */
gboolean
ag_reminder_scheduler_snooze (AgReminderScheduler  *self,
                              AgReminder           *reminder,
                              GError              **error)
{
  gint64 minutes;

  g_return_val_if_fail (AG_IS_REMINDER_SCHEDULER (self), FALSE);
  g_return_val_if_fail (AG_IS_REMINDER (reminder), FALSE);

  minutes = g_settings_get_int (self->settings, "snooze-minutes");
  return ag_store_set_snooze (self->store, ag_reminder_get_key (reminder),
                              ag_clock_get_now_unix_usec (ag_store_get_clock (self->store)) +
                              minutes * G_TIME_SPAN_MINUTE, error);
}
