/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-clock.c: the system clock, or a manual clock that tests set and advance. */

#define G_LOG_DOMAIN "ag-clock"

#include "config.h"

#include "ag-clock.h"

struct _AgClock
{
  GObject parent_instance;

  /* owned */
  GTimeZone *timezone;

  gint64 manual_usec;
  guint manual : 1;
};

G_DEFINE_FINAL_TYPE (AgClock, ag_clock, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ag_clock_finalize (GObject *object)
{
  AgClock *self = (AgClock *)object;

  g_clear_pointer (&self->timezone, g_time_zone_unref);

  G_OBJECT_CLASS (ag_clock_parent_class)->finalize (object);
}

static void
ag_clock_class_init (AgClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ag_clock_finalize;

  /**
   * AgClock::changed:
   *
   * Emitted when "now" moved in a way that was not the plain passing of time: a manual
   * clock was set or advanced, the time zone changed, or the system clock jumped.
   * Whoever caches anything derived from the time should recompute it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ag_clock_init (AgClock *self)
{
  self->timezone = g_time_zone_new_local ();
}

/**
 * ag_clock_new_system:
 *
 * Returns: (transfer full): a clock that reads the real time, in the local time zone
 */
AgClock *
ag_clock_new_system (void)
{
  return g_object_new (AG_TYPE_CLOCK, NULL);
}

/**
 * ag_clock_new_manual:
 * @now: the time the clock starts at; its time zone becomes the clock's
 *
 * Returns: (transfer full): a clock that only moves when it is told to
 */
AgClock *
ag_clock_new_manual (GDateTime *now)
{
  AgClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (AG_TYPE_CLOCK, NULL);
  self->manual = TRUE;
  self->manual_usec = g_date_time_to_unix (now) * G_USEC_PER_SEC
                      + g_date_time_get_microsecond (now);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  self->timezone = g_time_zone_ref (g_date_time_get_timezone (now));

  return self;
}

gboolean
ag_clock_is_manual (AgClock *self)
{
  g_return_val_if_fail (AG_IS_CLOCK (self), FALSE);

  return self->manual;
}

/**
 * ag_clock_get_now_unix_usec:
 *
 * Returns: microseconds since the Unix epoch, by this clock
 */
gint64
ag_clock_get_now_unix_usec (AgClock *self)
{
  g_return_val_if_fail (AG_IS_CLOCK (self), 0);

  if (self->manual)
    return self->manual_usec;

  return g_get_real_time ();
}

/**
 * ag_clock_get_now:
 *
 * Returns: (transfer full): the current time by this clock, in the clock's time zone
 */
GDateTime *
ag_clock_get_now (AgClock *self)
{
  g_autoptr(GDateTime) epoch = NULL;
  gint64 usec;

  g_return_val_if_fail (AG_IS_CLOCK (self), NULL);

  usec = ag_clock_get_now_unix_usec (self);
  epoch = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (usec % G_USEC_PER_SEC != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_add (epoch, usec % G_USEC_PER_SEC);
      return g_date_time_to_timezone (utc, self->timezone);
    }

  return g_date_time_to_timezone (epoch, self->timezone);
}

/**
 * ag_clock_get_timezone:
 *
 * Returns: (transfer none): the time zone local days and wall-clock times are reckoned in
 */
GTimeZone *
ag_clock_get_timezone (AgClock *self)
{
  g_return_val_if_fail (AG_IS_CLOCK (self), NULL);

  return self->timezone;
}

void
ag_clock_set_timezone (AgClock   *self,
                       GTimeZone *timezone)
{
  g_return_if_fail (AG_IS_CLOCK (self));
  g_return_if_fail (timezone != NULL);

  if (self->timezone == timezone)
    return;

  g_clear_pointer (&self->timezone, g_time_zone_unref);
  self->timezone = g_time_zone_ref (timezone);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ag_clock_reload_timezone:
 *
 * Reads the system's local time zone again, for when /etc/localtime or $TZ changed while
 * the program runs. Emits #AgClock::changed if the zone is different.
 */
void
ag_clock_reload_timezone (AgClock *self)
{
  g_autoptr(GTimeZone) fresh = NULL;

  g_return_if_fail (AG_IS_CLOCK (self));

  fresh = g_time_zone_new_identifier (g_getenv ("TZ"));
  if (fresh == NULL)
    fresh = g_time_zone_new_utc ();

  if (g_strcmp0 (g_time_zone_get_identifier (fresh),
                 g_time_zone_get_identifier (self->timezone)) == 0)
    return;

  ag_clock_set_timezone (self, fresh);
}

void
ag_clock_set_now (AgClock   *self,
                  GDateTime *now)
{
  g_return_if_fail (AG_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (now != NULL);

  self->manual_usec = g_date_time_to_unix (now) * G_USEC_PER_SEC
                      + g_date_time_get_microsecond (now);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
ag_clock_advance (AgClock   *self,
                  GTimeSpan  span)
{
  g_return_if_fail (AG_IS_CLOCK (self));
  g_return_if_fail (self->manual);

  self->manual_usec += span;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ag_clock_notify_jump:
 *
 * Tells listeners that the system clock jumped (it was set, or the machine resumed).
 */
void
ag_clock_notify_jump (AgClock *self)
{
  g_return_if_fail (AG_IS_CLOCK (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
