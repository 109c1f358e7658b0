/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-alarm.c: a one-shot wall-clock alarm on a timerfd, re-armed when the clock or the zone moves. */

#define G_LOG_DOMAIN "ag-alarm"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "ag-alarm.h"

/* The longest a degraded alarm sleeps before it looks at the wall clock again. */
#define FALLBACK_RECHECK_SECONDS 60

/* How long the files naming the local zone must stay quiet before the zone is read again:
 * they are replaced by renaming a new file over them, which arrives as several events. */
#define ZONE_SETTLE_MSEC 250

/*
 * What every alarm on one system clock shares: one logind subscription, one pair of file
 * monitors, and one pending "the clock jumped" notification, so that ten alarms woken by
 * the same settimeofday() tell the clock's listeners once, not ten times.
 * It hangs off the clock as qdata and lives as long as one alarm holds it.
 */
typedef struct
{
  grefcount ref_count;

  /* borrowed: every alarm that holds the watch holds the clock */
  AgClock *clock;

  /* owned */
  GMainContext *context;
  GCancellable *cancellable;
  GDBusConnection *system_bus;
  GFileMonitor *localtime_monitor;
  GFileMonitor *etc_monitor;
  GSource *jump_source;
  GSource *zone_source;

  guint sleep_subscription;
} AgAlarmWatch;

struct _AgAlarm
{
  GObject parent_instance;

  /* owned */
  AgClock *clock;
  AgAlarmWatch *watch;
  GMainContext *context;
  GSource *fd_source;
  GSource *fallback_source;
  GSource *check_source;

  gulong clock_changed_id;
  gint64 due;
  int timer_fd;
  guint wakeups;
  guint scheduled : 1;
  guint degraded : 1;
};

static void ag_alarm_rearm (AgAlarm *self);

G_DEFINE_FINAL_TYPE (AgAlarm, ag_alarm, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  N_PROPS
};

enum {
  FIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GQuark
watch_quark (void)
{
  return g_quark_from_static_string ("ag-alarm-watch");
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
attach_source (GSource      *source,
               GMainContext *context,
               GSourceFunc   func,
               gpointer      data,
               const char   *name)
{
  g_source_set_callback (source, func, data, NULL);
  g_source_set_static_name (source, name);
  g_source_attach (source, context);
}

static gboolean
names_zone_file (GFile *file)
{
  g_autofree char *name = NULL;

  if (file == NULL)
    return FALSE;

  name = g_file_get_basename (file);

  return g_strcmp0 (name, "localtime") == 0 || g_strcmp0 (name, "timezone") == 0;
}

/* The shared watch */

static gboolean
watch_jump_cb (gpointer data)
{
  AgAlarmWatch *watch = data;
  /* A listener may drop the last alarm, and with it the watch, while we emit. */
  g_autoptr(AgClock) clock = g_object_ref (watch->clock);
  g_autoptr(GTimeZone) zone_before = NULL;

  g_clear_pointer (&watch->jump_source, g_source_unref);

  /* A resume is the usual moment the zone changes too (the laptop crossed a border while
   * asleep), and a zone change already emits AgClock::changed: say it once. */
  zone_before = g_time_zone_ref (ag_clock_get_timezone (clock));
  ag_clock_reload_timezone (clock);
  if (ag_clock_get_timezone (clock) == zone_before)
    ag_clock_notify_jump (clock);

  return G_SOURCE_REMOVE;
}

static void
ag_alarm_watch_queue_jump (AgAlarmWatch *watch)
{
  g_assert (watch != NULL);

  if (watch->jump_source != NULL)
    return;

  watch->jump_source = g_idle_source_new ();
  attach_source (watch->jump_source, watch->context, watch_jump_cb, watch,
                 "[afterglow] clock jumped");
}

static gboolean
watch_zone_settled_cb (gpointer data)
{
  AgAlarmWatch *watch = data;
  g_autoptr(AgClock) clock = g_object_ref (watch->clock);

  g_clear_pointer (&watch->zone_source, g_source_unref);
  ag_clock_reload_timezone (clock);

  return G_SOURCE_REMOVE;
}

static void
zone_file_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  AgAlarmWatch *watch = user_data;

  if (!names_zone_file (file) && !names_zone_file (other_file))
    return;

  /* Wait for the burst of events to end so the zone is never read half-way through. */
  clear_source (&watch->zone_source);
  watch->zone_source = g_timeout_source_new (ZONE_SETTLE_MSEC);
  attach_source (watch->zone_source, watch->context, watch_zone_settled_cb, watch,
                 "[afterglow] time zone settled");
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  AgAlarmWatch *watch = user_data;
  gboolean going_to_sleep = TRUE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    ag_alarm_watch_queue_jump (watch);
}

static void
system_bus_ready_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  AgAlarmWatch *watch;

  bus = g_dbus_connection_new_for_address_finish (result, &error);
  if (bus == NULL)
    {
      /* Cancelled means the watch is gone: do not touch it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no resume notice from logind: %s", error->message);
      return;
    }

  watch = user_data;
  watch->system_bus = g_steal_pointer (&bus);
  watch->sleep_subscription =
    g_dbus_connection_signal_subscribe (watch->system_bus,
                                        "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb,
                                        watch,
                                        NULL);
}

static void
ag_alarm_watch_listen_for_resume (AgAlarmWatch *watch)
{
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;

  /* A private connection rather than g_bus_get(): the shared one exits the whole process
   * when the bus goes away, which a clock helper has no business deciding. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  if (address == NULL)
    {
      g_debug ("No system bus address, so no resume notice from logind: %s", error->message);
      return;
    }

  g_dbus_connection_new_for_address (address,
                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                     G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                     NULL,
                                     watch->cancellable,
                                     system_bus_ready_cb,
                                     watch);
}

static GFileMonitor *
monitor_zone_file (GFile    *file,
                   gboolean  directory,
                   gpointer  watch)
{
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;

  if (directory)
    monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  else
    monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);

  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s for time zone changes: %s",
               g_file_peek_path (file), error->message);
      return NULL;
    }

  g_signal_connect (monitor, "changed", G_CALLBACK (zone_file_changed_cb), watch);

  return g_steal_pointer (&monitor);
}

static void
ag_alarm_watch_listen_for_zone (AgAlarmWatch *watch)
{
  g_autoptr(GFile) localtime = g_file_new_for_path ("/etc/localtime");
  g_autoptr(GFile) etc = g_file_get_parent (localtime);

  /* /etc/localtime is usually a symlink that timedatectl replaces atomically, so the
   * directory is watched as well as the file: the rename shows up there for sure. */
  watch->localtime_monitor = monitor_zone_file (localtime, FALSE, watch);
  watch->etc_monitor = monitor_zone_file (etc, TRUE, watch);
}

static AgAlarmWatch *
ag_alarm_watch_acquire (AgClock *clock)
{
  AgAlarmWatch *watch;

  g_assert (AG_IS_CLOCK (clock));

  watch = g_object_get_qdata (G_OBJECT (clock), watch_quark ());
  if (watch != NULL)
    {
      g_ref_count_inc (&watch->ref_count);
      return watch;
    }

  watch = g_new0 (AgAlarmWatch, 1);
  g_ref_count_init (&watch->ref_count);
  watch->clock = clock;
  watch->context = g_main_context_ref_thread_default ();
  watch->cancellable = g_cancellable_new ();

  ag_alarm_watch_listen_for_resume (watch);
  ag_alarm_watch_listen_for_zone (watch);

  g_object_set_qdata (G_OBJECT (clock), watch_quark (), watch);

  return watch;
}

static void
drop_monitor (GFileMonitor **monitor,
              gpointer       watch)
{
  if (*monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_func (*monitor, zone_file_changed_cb, watch);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

static void
ag_alarm_watch_release (AgAlarmWatch *watch)
{
  g_assert (watch != NULL);

  if (!g_ref_count_dec (&watch->ref_count))
    return;

  g_object_set_qdata (G_OBJECT (watch->clock), watch_quark (), NULL);

  g_cancellable_cancel (watch->cancellable);
  if (watch->system_bus != NULL)
    {
      if (watch->sleep_subscription != 0)
        g_dbus_connection_signal_unsubscribe (watch->system_bus, watch->sleep_subscription);
      g_dbus_connection_close (watch->system_bus, NULL, NULL, NULL);
    }
  drop_monitor (&watch->localtime_monitor, watch);
  drop_monitor (&watch->etc_monitor, watch);
  clear_source (&watch->jump_source);
  clear_source (&watch->zone_source);

  g_clear_object (&watch->system_bus);
  g_clear_object (&watch->cancellable);
  g_clear_pointer (&watch->context, g_main_context_unref);
  g_free (watch);
}

/* The alarm */

static void
ag_alarm_note_jump (AgAlarm *self)
{
  if (self->watch != NULL)
    ag_alarm_watch_queue_jump (self->watch);
}

static void
ag_alarm_disarm (AgAlarm *self)
{
  clear_source (&self->check_source);
  clear_source (&self->fallback_source);

  if (self->timer_fd >= 0)
    {
      struct itimerspec off;

      memset (&off, 0, sizeof off);
      if (timerfd_settime (self->timer_fd, 0, &off, NULL) < 0)
        g_debug ("Could not disarm the timer: %s", g_strerror (errno));
    }
}

static void
ag_alarm_check (AgAlarm *self)
{
  if (!self->scheduled)
    return;

  /* Woken early (the clock went back) or for a jump: go back to sleep until the due time. */
  if (ag_clock_get_now_unix_usec (self->clock) < self->due)
    {
      ag_alarm_rearm (self);
      return;
    }

  self->scheduled = FALSE;
  ag_alarm_disarm (self);
  g_signal_emit (self, signals[FIRED], 0);
}

static gboolean
check_cb (gpointer data)
{
  AgAlarm *self = data;
  g_autoptr(AgAlarm) hold = g_object_ref (self);

  g_clear_pointer (&self->check_source, g_source_unref);
  self->wakeups++;
  ag_alarm_check (self);

  return G_SOURCE_REMOVE;
}

static void
ag_alarm_queue_check (AgAlarm *self)
{
  if (self->check_source != NULL)
    return;

  /* From an idle, so that whoever scheduled the alarm or moved the clock is not re-entered
   * by a "fired" handler in the middle of its own work. */
  self->check_source = g_idle_source_new ();
  attach_source (self->check_source, self->context, check_cb, self, "[afterglow] alarm check");
}

static gboolean
fallback_cb (gpointer data)
{
  AgAlarm *self = data;
  g_autoptr(AgAlarm) hold = g_object_ref (self);

  g_clear_pointer (&self->fallback_source, g_source_unref);
  self->wakeups++;
  ag_alarm_check (self);

  return G_SOURCE_REMOVE;
}

static void
ag_alarm_arm_fallback (AgAlarm *self,
                       gint64   remaining_usec)
{
  g_assert (remaining_usec > 0);

  clear_source (&self->fallback_source);

  /* Monotonic timeouts stop during suspend and ignore clock changes, so a long wait is cut
   * into minutes and the wall clock is read again after each. The last minute is aimed
   * at the millisecond, rounded up so that it never wakes early. */
  if (remaining_usec > FALLBACK_RECHECK_SECONDS * G_USEC_PER_SEC)
    self->fallback_source = g_timeout_source_new_seconds (FALLBACK_RECHECK_SECONDS);
  else
    self->fallback_source = g_timeout_source_new ((guint) ((remaining_usec + 999) / 1000));

  attach_source (self->fallback_source, self->context, fallback_cb, self,
                 "[afterglow] alarm fallback");
}

static void
ag_alarm_become_degraded (AgAlarm    *self,
                          const char *reason)
{
  static gsize logged = 0;

  clear_source (&self->fd_source);
  if (self->timer_fd >= 0)
    {
      g_close (self->timer_fd, NULL);
      self->timer_fd = -1;
    }
  self->degraded = TRUE;

  if (g_once_init_enter (&logged))
    {
      g_message ("No wall-clock timer (%s): alarms re-read the clock every %d s instead, "
                 "so they may be late after a suspend or a clock change",
                 reason, FALLBACK_RECHECK_SECONDS);
      g_once_init_leave (&logged, 1);
    }
}

static gboolean
ag_alarm_arm_timer_fd (AgAlarm *self)
{
  struct itimerspec spec;
  int saved_errno;

  g_assert (self->timer_fd >= 0);
  g_assert (self->due > 0);

  memset (&spec, 0, sizeof spec);
  spec.it_value.tv_sec = self->due / G_USEC_PER_SEC;
  spec.it_value.tv_nsec = (self->due % G_USEC_PER_SEC) * 1000;

  if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET,
                       &spec, NULL) == 0)
    return TRUE;

  saved_errno = errno;
  if (saved_errno == ECANCELED)
    {
      /* The kernel armed the timer all the same; it also reports that the clock was set
       * since the fd was last read, which our listeners have not heard about yet. */
      ag_alarm_note_jump (self);
      return TRUE;
    }

  ag_alarm_become_degraded (self, g_strerror (saved_errno));

  return FALSE;
}

static void
ag_alarm_rearm (AgAlarm *self)
{
  gint64 now;

  g_assert (self->scheduled);

  now = ag_clock_get_now_unix_usec (self->clock);
  if (now >= self->due)
    {
      ag_alarm_queue_check (self);
      return;
    }

  /* A manual clock only moves when told to, and tells us through AgClock::changed. */
  if (ag_clock_is_manual (self->clock))
    return;

  if (self->timer_fd >= 0 && ag_alarm_arm_timer_fd (self))
    return;

  ag_alarm_arm_fallback (self, self->due - now);
}

static gboolean
timer_fd_ready_cb (int          fd,
                   GIOCondition condition,
                   gpointer     data)
{
  AgAlarm *self = data;
  g_autoptr(AgAlarm) hold = g_object_ref (self);
  guint64 expirations = 0;
  ssize_t n_read;

  self->wakeups++;

  n_read = read (fd, &expirations, sizeof expirations);
  if (n_read < 0 && errno == ECANCELED)
    {
      /* The realtime clock was set, or the machine resumed: the kernel treats a resume as
       * a clock change, since wall time moved while monotonic time stood still. */
      ag_alarm_note_jump (self);
    }
  else if (n_read < 0 && errno != EAGAIN && errno != EINTR)
    {
      g_debug ("Reading the timer failed: %s", g_strerror (errno));
    }

  ag_alarm_check (self);

  return G_SOURCE_CONTINUE;
}

static void
ag_alarm_open_timer_fd (AgAlarm *self)
{
  int saved_errno;

  if (g_getenv ("AFTERGLOW_ALARM_NO_TIMERFD") != NULL)
    {
      ag_alarm_become_degraded (self, "AFTERGLOW_ALARM_NO_TIMERFD is set");
      return;
    }

  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd < 0)
    {
      saved_errno = errno;
      ag_alarm_become_degraded (self, g_strerror (saved_errno));
      return;
    }

  self->fd_source = g_unix_fd_source_new (self->timer_fd, G_IO_IN);
  attach_source (self->fd_source, self->context, G_SOURCE_FUNC (timer_fd_ready_cb), self,
                 "[afterglow] alarm timerfd");
}

static void
clock_changed_cb (AgClock *clock,
                  AgAlarm *self)
{
  if (self->scheduled)
    ag_alarm_rearm (self);
}

static void
ag_alarm_constructed (GObject *object)
{
  AgAlarm *self = (AgAlarm *)object;

  G_OBJECT_CLASS (ag_alarm_parent_class)->constructed (object);

  g_assert (AG_IS_CLOCK (self->clock));

  self->context = g_main_context_ref_thread_default ();
  self->clock_changed_id = g_signal_connect (self->clock, "changed",
                                             G_CALLBACK (clock_changed_cb), self);

  if (ag_clock_is_manual (self->clock))
    return;

  self->watch = ag_alarm_watch_acquire (self->clock);
  ag_alarm_open_timer_fd (self);
}

static void
ag_alarm_dispose (GObject *object)
{
  AgAlarm *self = (AgAlarm *)object;

  self->scheduled = FALSE;
  clear_source (&self->check_source);
  clear_source (&self->fallback_source);
  clear_source (&self->fd_source);
  if (self->timer_fd >= 0)
    {
      g_close (self->timer_fd, NULL);
      self->timer_fd = -1;
    }

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_changed_id, self->clock);
  g_clear_pointer (&self->watch, ag_alarm_watch_release);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (ag_alarm_parent_class)->dispose (object);
}

static void
ag_alarm_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AgAlarm *self = AG_ALARM (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_alarm_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AgAlarm *self = AG_ALARM (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_alarm_class_init (AgAlarmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ag_alarm_constructed;
  object_class->dispose = ag_alarm_dispose;
  object_class->get_property = ag_alarm_get_property;
  object_class->set_property = ag_alarm_set_property;

  /**
   * AgAlarm:clock:
   *
   * The clock whose wall time the alarm waits for.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         AG_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgAlarm::fired:
   *
   * Emitted once, from the main loop, when the clock reaches the scheduled time (or has
   * passed it: after a resume or a clock change, late is better than never). The alarm
   * is no longer scheduled when this runs, so a handler may schedule the next one.
   *
   * To hear that time jumped (a resume, a clock change, a new time zone) and recompute a
   * whole schedule, listen to #AgClock::changed: the alarm makes sure the system clock
   * emits it in those cases.
   */
  signals[FIRED] =
    g_signal_new ("fired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ag_alarm_init (AgAlarm *self)
{
  self->timer_fd = -1;
}

/**
 * ag_alarm_new:
 * @clock: the clock to follow
 *
 * Creates an alarm with nothing scheduled. Its sources run in the thread-default main
 * context of the caller.
 *
 * With the system clock, the alarm sleeps in the kernel on a CLOCK_REALTIME timer, so it
 * wakes at the wall-clock instant even across suspend and clock changes, and never in
 * between. With a manual clock it fires when the clock is set or advanced past the due time.
 *
 * Returns: (transfer full): a new #AgAlarm
 */
AgAlarm *
ag_alarm_new (AgClock *clock)
{
  g_return_val_if_fail (AG_IS_CLOCK (clock), NULL);

  return g_object_new (AG_TYPE_ALARM, "clock", clock, NULL);
}

/**
 * ag_alarm_get_clock:
 *
 * Returns: (transfer none): the clock the alarm follows
 */
AgClock *
ag_alarm_get_clock (AgAlarm *self)
{
  g_return_val_if_fail (AG_IS_ALARM (self), NULL);

  return self->clock;
}

/**
 * ag_alarm_schedule:
 * @due_unix_usec: when to fire, in microseconds since the Unix epoch
 *
 * Sets the one deadline of the alarm, replacing any earlier one. A time already past
 * fires soon, from the main loop, never from inside this call.
 */
void
ag_alarm_schedule (AgAlarm *self,
                   gint64   due_unix_usec)
{
  g_return_if_fail (AG_IS_ALARM (self));

  ag_alarm_disarm (self);
  self->due = due_unix_usec;
  self->scheduled = TRUE;
  ag_alarm_rearm (self);
}

/**
 * ag_alarm_cancel:
 *
 * Forgets the deadline, if any: #AgAlarm::fired will not be emitted for it, even if it has
 * already passed and the emission was only waiting for the main loop.
 */
void
ag_alarm_cancel (AgAlarm *self)
{
  g_return_if_fail (AG_IS_ALARM (self));

  self->scheduled = FALSE;
  ag_alarm_disarm (self);
}

/**
 * ag_alarm_is_scheduled:
 *
 * Returns: whether a deadline is pending
 */
gboolean
ag_alarm_is_scheduled (AgAlarm *self)
{
  g_return_val_if_fail (AG_IS_ALARM (self), FALSE);

  return self->scheduled;
}

/**
 * ag_alarm_get_due:
 *
 * Returns: the pending deadline in microseconds since the Unix epoch, or 0 if none
 */
gint64
ag_alarm_get_due (AgAlarm *self)
{
  g_return_val_if_fail (AG_IS_ALARM (self), 0);

  return self->scheduled ? self->due : 0;
}

/**
 * ag_alarm_is_degraded:
 *
 * Whether this system-clock alarm could not get a kernel wall-clock timer and re-reads
 * the clock at least once a minute instead, so it may be up to a minute late after a
 * suspend or a clock change. Always %FALSE for a manual clock.
 *
 * Returns: %TRUE in the fallback mode
 */
gboolean
ag_alarm_is_degraded (AgAlarm *self)
{
  g_return_val_if_fail (AG_IS_ALARM (self), FALSE);

  return self->degraded;
}

/**
 * ag_alarm_get_wakeups:
 *
 * How many times the alarm's own main-loop sources ran since it was created: for
 * diagnostics and for tests that make sure the alarm does not wake up in between.
 *
 * Returns: the number of wake-ups
 */
guint
ag_alarm_get_wakeups (AgAlarm *self)
{
  g_return_val_if_fail (AG_IS_ALARM (self), 0);

  return self->wakeups;
}

/**
 * ag_alarm_next_local_midnight:
 * @clock: the clock whose time and zone count
 *
 * Finds the start of the next local day in the clock's zone, strictly after now. Days are
 * not 24 hours long on DST days (Europe/Berlin's 2026-03-29 has 23), and where a DST change
 * skips midnight itself the day starts at the first instant that exists (01:00).
 *
 * Returns: the next local midnight, in microseconds since the Unix epoch
 */
gint64
ag_alarm_next_local_midnight (AgClock *clock)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) tomorrow_noon = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  GTimeZone *zone;

  g_return_val_if_fail (AG_IS_CLOCK (clock), 0);

  zone = ag_clock_get_timezone (clock);
  now = ag_clock_get_now (clock);

  /* Step a day from noon, which every calendar day has, then ask for that day's 00:00:
   * GLib moves a local time that a DST jump skipped to the first one that exists. */
  noon = g_date_time_new (zone,
                          g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now),
                          12, 0, 0);
  tomorrow_noon = g_date_time_add_days (noon, 1);
  midnight = g_date_time_new (zone,
                              g_date_time_get_year (tomorrow_noon),
                              g_date_time_get_month (tomorrow_noon),
                              g_date_time_get_day_of_month (tomorrow_noon),
                              0, 0, 0);

  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}
