/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-engine.c: the aftercare engine against golden tables, DST changes, late and merged sessions. */

#include "config.h"

#include <string.h>

#include "ag-engine.h"

static AgProtocol *
load_protocol (void)
{
  g_autoptr(GError) error = NULL;
  AgProtocol *protocol = ag_protocol_load_default (&error);

  g_assert_no_error (error);
  return protocol;
}

static AgSession *
make_session (gint64      id,
              gint64      treatment_id,
              AgArea      area,
              GTimeZone  *tz,
              int         year,
              int         month,
              int         day,
              int         hour,
              int         minute,
              double      depth_mm)
{
  g_autoptr(GDateTime) start = g_date_time_new (tz, year, month, day, hour, minute, 0);
  AgSession *session = ag_session_new (treatment_id, start);

  ag_session_set_id (session, id);
  ag_session_set_area (session, area);
  ag_session_set_depth_mm (session, depth_mm);
  ag_session_set_duration_minutes (session, 30);
  return session;
}

static GPtrArray *
sessions_of (AgSession *first,
             ...)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (AgSession *s = first; s != NULL; s = va_arg (args, AgSession *))
    g_ptr_array_add (sessions, s);
  va_end (args);

  return sessions;
}

static char *
format_local (GDateTime *instant,
              GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M %:z");
}

/* "08:00 cleanse/morning, 08:00 moisturise/morning, …" for one day, checking that every key
 * starts with that day. */
static char *
describe_day (AgProtocol *protocol,
              GPtrArray  *sessions,
              GTimeZone  *tz,
              int         year,
              int         month,
              int         day)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *prefix = g_strdup_printf ("%04d-%02d-%02d/", year, month, day);
  g_autofree char *day_str = g_strndup (prefix, 10);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  items = ag_engine_items_for_day (protocol, sessions, tz, NULL, &date);

  for (guint i = 0; i < items->len; i++)
    {
      AgChecklistItem *item = g_ptr_array_index (items, i);
      g_autoptr(GDateTime) due = g_date_time_to_timezone (ag_checklist_item_get_due (item), tz);
      const char *key = ag_checklist_item_get_key (item);

      g_assert_true (g_str_has_prefix (key, prefix));
      g_assert_cmpstr (ag_checklist_item_get_day (item), ==, day_str);
      g_string_append_printf (out, "%s%02d:%02d %s", i ? ", " : "",
                              g_date_time_get_hour (due), g_date_time_get_minute (due),
                              key + strlen (prefix));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define DAY_1_TO_3 \
  "08:00 cleanse/morning, 08:00 moisturise/morning, 08:00 sunscreen/morning, " \
  "08:00 hydrate/morning, 10:00 sunscreen/at-1000, 12:00 sunscreen/at-1200, " \
  "14:00 sunscreen/at-1400, 16:00 sunscreen/at-1600, 18:00 sunscreen/at-1800, " \
  "21:00 cleanse/evening, 21:00 moisturise/evening, 21:00 check-skin/evening"
#define DAY_4_TO_7 \
  "08:00 cleanse/morning, 08:00 moisturise/morning, 08:00 sunscreen/morning, " \
  "10:00 sunscreen/at-1000, 12:00 sunscreen/at-1200, " \
  "14:00 sunscreen/at-1400, 16:00 sunscreen/at-1600, 18:00 sunscreen/at-1800, " \
  "21:00 cleanse/evening, 21:00 moisturise/evening, 21:00 check-skin/evening"

/* A face session on Monday 2026-03-02, 10:00–10:30 in Berlin (CET, +01:00). */
static const char * const golden_days[] = {
  /* day 0: morning steps before the session are left out; the first wash comes 4 h after */
  "08:00 clean-skin/morning, 14:30 first-wash/after-session, 21:00 moisturise/evening",
  DAY_1_TO_3, DAY_1_TO_3, DAY_1_TO_3,
  DAY_4_TO_7, DAY_4_TO_7, DAY_4_TO_7, DAY_4_TO_7,
  /* day 8: only sunscreen goes on (until day 28) */
  "08:00 sunscreen/morning, 10:00 sunscreen/at-1000, 12:00 sunscreen/at-1200, "
  "14:00 sunscreen/at-1400, 16:00 sunscreen/at-1600, 18:00 sunscreen/at-1800",
};

typedef struct
{
  double depth_mm;
  const char *ends[7];   /* in the protocol's order of kinds */
} GoldenRestrictions;

static const GoldenRestrictions golden_restrictions[] = {
  { 0.5, {
      "2026-03-03 10:30 +01:00",   /* exercise 24 h */
      "2026-03-02 22:30 +01:00",   /* makeup 12 h */
      "2026-03-04 10:30 +01:00",   /* actives 48 h */
      "2026-03-03 10:30 +01:00",   /* swimming 24 h */
      "2026-03-05 10:30 +01:00",   /* sauna 72 h */
      "2026-03-03 10:30 +01:00",   /* sun 24 h */
      "2026-03-04 10:30 +01:00",   /* touching 48 h */
    } },
  { 1.0, {
      "2026-03-04 10:30 +01:00",   /* exercise 48 h */
      "2026-03-03 10:30 +01:00",   /* makeup 24 h */
      "2026-03-07 10:30 +01:00",   /* actives 5 days */
      "2026-03-04 10:30 +01:00",   /* swimming 48 h */
      "2026-03-07 10:30 +01:00",   /* sauna 5 days */
      "2026-03-05 10:30 +01:00",   /* sun 72 h */
      "2026-03-05 10:30 +01:00",   /* touching 72 h */
    } },
  { 2.0, {
      "2026-03-05 10:30 +01:00",   /* exercise 72 h */
      "2026-03-04 10:30 +01:00",   /* makeup 48 h */
      "2026-03-09 10:30 +01:00",   /* actives 7 days */
      "2026-03-05 10:30 +01:00",   /* swimming 72 h */
      "2026-03-09 10:30 +01:00",   /* sauna 7 days */
      "2026-03-09 10:30 +01:00",   /* sun 7 days */
      "2026-03-07 10:30 +01:00",   /* touching 5 days */
    } },
};

static const char * const kinds[] = {
  "exercise", "makeup", "actives", "swimming", "sauna", "sun", "touching",
};

static void
test_golden (gconstpointer data)
{
  const GoldenRestrictions *golden = data;
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (7, 3, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, golden->depth_mm),
                 NULL);
  g_autoptr(GPtrArray) restrictions = ag_engine_restrictions (protocol, sessions);

  g_assert_cmpuint (restrictions->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < restrictions->len; i++)
    {
      AgRestriction *restriction = g_ptr_array_index (restrictions, i);
      g_autofree char *starts = format_local (ag_restriction_get_starts (restriction), berlin);
      g_autofree char *ends = format_local (ag_restriction_get_ends (restriction), berlin);

      g_assert_cmpstr (ag_restriction_get_kind (restriction), ==, kinds[i]);
      g_assert_cmpstr (starts, ==, "2026-03-02 10:30 +01:00");
      g_assert_cmpstr (ends, ==, golden->ends[i]);
      g_assert_cmpint (ag_restriction_get_session_id (restriction), ==, 7);
      g_assert_cmpint (ag_restriction_get_treatment_id (restriction), ==, 3);
    }

  /* The checklist does not depend on depth. */
  for (guint offset = 0; offset < G_N_ELEMENTS (golden_days); offset++)
    {
      g_autofree char *described = describe_day (protocol, sessions, berlin, 2026, 3, 2 + offset);

      g_test_message ("day %u: %s", offset, described);
      g_assert_cmpstr (described, ==, golden_days[offset]);
    }
}

static void
test_item_properties (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (7, 3, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0), NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *due = NULL;
  AgChecklistItem *item;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, 3, 2026);
  items = ag_engine_items_for_day (protocol, sessions, berlin, NULL, &day);

  item = g_ptr_array_index (items, 5);
  g_assert_cmpstr (ag_checklist_item_get_key (item), ==, "2026-03-03/sunscreen/at-1200");
  g_assert_cmpstr (ag_checklist_item_get_task_id (item), ==, "sunscreen");
  g_assert_cmpstr (ag_checklist_item_get_category (item), ==, "sunscreen");
  g_assert_cmpstr (ag_checklist_item_get_title (item), ==, "Sunscreen");
  g_assert_cmpstr (ag_checklist_item_get_slot_label (item), ==, "12:00");
  g_assert_cmpstr (ag_checklist_item_get_day (item), ==, "2026-03-03");
  due = format_local (ag_checklist_item_get_due (item), berlin);
  g_assert_cmpstr (due, ==, "2026-03-03 12:00 +01:00");
  g_assert_cmpuint (ag_checklist_item_get_session_ids (item)->len, ==, 1);
  g_assert_cmpint (g_array_index (ag_checklist_item_get_session_ids (item), gint64, 0), ==, 7);
  g_assert_false (ag_checklist_item_get_done (item));

  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ag_checklist_item_get_slot_label (item), ==, "Morning");
}

static void
test_routine (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (7, 3, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0), NULL);
  g_autoptr(GPtrArray) items = NULL;
  AgRoutine routine = { 6 * 60 + 45, 22 * 60 + 15, 4 };
  GString *out = g_string_new (NULL);
  g_autofree char *described = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 3, 2026);
  items = ag_engine_items_for_day (protocol, sessions, berlin, &routine, &day);

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *time = g_date_time_format (ag_checklist_item_get_due (g_ptr_array_index (items, i)), "%R");

      g_string_append_printf (out, "%s%s %s", i ? ", " : "", time,
                              ag_checklist_item_get_key (g_ptr_array_index (items, i)));
    }
  described = g_string_free (out, FALSE);

  /* Day 8: sunscreen only, at the user's morning and every 4 h from 10:00 to 18:00. */
  g_assert_cmpstr (described, ==,
                   "06:45 2026-03-10/sunscreen/morning, 10:00 2026-03-10/sunscreen/at-1000, "
                   "14:00 2026-03-10/sunscreen/at-1400, 18:00 2026-03-10/sunscreen/at-1800");
}

typedef struct
{
  const char *zone;
  int month;
  int day;               /* the day of the change */
  const char *offset_before;
  const char *offset_after;
  const char *exercise_end_before;   /* session the day before, 10:00–10:30 */
} DstCase;

static const DstCase dst_cases[] = {
  { "Europe/Berlin", 3, 29, "+01:00", "+02:00", "2026-03-30 11:30 +02:00" },
  { "Europe/Berlin", 10, 25, "+02:00", "+01:00", "2026-10-26 09:30 +01:00" },
  { "America/New_York", 3, 8, "-05:00", "-04:00", "2026-03-09 11:30 -04:00" },
  { "America/New_York", 11, 1, "-04:00", "-05:00", "2026-11-02 09:30 -05:00" },
};

static void
assert_first_item (AgProtocol *protocol,
                   GPtrArray  *sessions,
                   GTimeZone  *tz,
                   int         month,
                   int         day,
                   const char *expected_key,
                   const char *expected_due)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *due = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);
  items = ag_engine_items_for_day (protocol, sessions, tz, NULL, &date);
  g_assert_cmpuint (items->len, >, 0);
  due = format_local (ag_checklist_item_get_due (g_ptr_array_index (items, 0)), tz);
  g_assert_cmpstr (ag_checklist_item_get_key (g_ptr_array_index (items, 0)), ==, expected_key);
  g_assert_cmpstr (due, ==, expected_due);
}

/* The local day @delta days from the change day, as y, m, d. */
static void
shift_day (const DstCase *dst,
           int            delta,
           GDate         *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, dst->day, dst->month, 2026);
  if (delta >= 0)
    g_date_add_days (out, delta);
  else
    g_date_subtract_days (out, -delta);
}

static AgSession *
session_on (const DstCase *dst,
            GTimeZone     *tz,
            gint64         id,
            int            delta)
{
  GDate day;

  shift_day (dst, delta, &day);
  return make_session (id, 1, AG_AREA_FACE, tz, 2026, g_date_get_month (&day),
                       g_date_get_day (&day), 10, 0, 1.0);
}

/* The first item on the day @delta days from the change is cleanse at 08:00 in @offset. */
static void
assert_morning (AgProtocol    *protocol,
                GPtrArray     *sessions,
                GTimeZone     *tz,
                const DstCase *dst,
                int            delta,
                const char    *offset)
{
  GDate day;
  g_autofree char *key = NULL;
  g_autofree char *due = NULL;

  shift_day (dst, delta, &day);
  key = g_strdup_printf ("2026-%02d-%02d/cleanse/morning", g_date_get_month (&day),
                         g_date_get_day (&day));
  due = g_strdup_printf ("2026-%02d-%02d 08:00 %s", g_date_get_month (&day),
                         g_date_get_day (&day), offset);
  assert_first_item (protocol, sessions, tz, g_date_get_month (&day), g_date_get_day (&day),
                     key, due);
}

static void
test_dst (gconstpointer data)
{
  const DstCase *dst = data;
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (dst->zone);
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) on_day = NULL;
  g_autoptr(GPtrArray) restrictions = NULL;
  g_autofree char *ends = NULL;
  AgRestriction *exercise;

  g_assert_nonnull (tz);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, dst->zone);

  /* Two days before: day 1 is the day before the change, 08:00 in the old offset. */
  earlier = sessions_of (session_on (dst, tz, 3, -2), NULL);
  assert_morning (protocol, earlier, tz, dst, -1, dst->offset_before);

  /* The day before: day 1 is the change day, and 08:00 is 08:00 in the new offset. */
  before = sessions_of (session_on (dst, tz, 1, -1), NULL);
  assert_morning (protocol, before, tz, dst, 0, dst->offset_after);
  assert_morning (protocol, before, tz, dst, 1, dst->offset_after);

  /* 48 h of no exercise are 48 real hours, so the local end moves by the change. */
  restrictions = ag_engine_restrictions (protocol, before);
  exercise = g_ptr_array_index (restrictions, 0);
  g_assert_cmpstr (ag_restriction_get_kind (exercise), ==, "exercise");
  g_assert_cmpint (g_date_time_difference (ag_restriction_get_ends (exercise),
                                           ag_restriction_get_starts (exercise)),
                   ==, 48 * G_TIME_SPAN_HOUR);
  ends = format_local (ag_restriction_get_ends (exercise), tz);
  g_assert_cmpstr (ends, ==, dst->exercise_end_before);

  /* On the day of the change: day 1 at 08:00, and still 48 real hours. */
  on_day = sessions_of (session_on (dst, tz, 2, 0), NULL);
  assert_morning (protocol, on_day, tz, dst, 1, dst->offset_after);

  g_clear_pointer (&restrictions, g_ptr_array_unref);
  restrictions = ag_engine_restrictions (protocol, on_day);
  exercise = g_ptr_array_index (restrictions, 0);
  g_assert_cmpint (g_date_time_difference (ag_restriction_get_ends (exercise),
                                           ag_restriction_get_starts (exercise)),
                   ==, 48 * G_TIME_SPAN_HOUR);
}

static void
test_late_session (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (5, 2, AG_AREA_FACE, berlin, 2026, 3, 2, 23, 0, 1.0), NULL);
  g_autoptr(GPtrArray) restrictions = ag_engine_restrictions (protocol, sessions);
  g_autofree char *day0 = describe_day (protocol, sessions, berlin, 2026, 3, 2);
  g_autofree char *day1 = describe_day (protocol, sessions, berlin, 2026, 3, 3);
  g_autofree char *ends = format_local (ag_restriction_get_ends (g_ptr_array_index (restrictions, 0)),
                                        berlin);

  /* Ends 23:30: still day 0 that day. The first wash would fall at 03:30 the next day and is
   * left out (the day-1 morning cleanse takes its place); so is the 21:00 moisturiser, which
   * would come before the session ended. */
  g_assert_cmpstr (day0, ==, "08:00 clean-skin/morning");
  g_assert_cmpstr (day1, ==, DAY_1_TO_3);
  g_assert_null (strstr (day1, "first-wash"));
  g_assert_cmpstr (ends, ==, "2026-03-04 23:30 +01:00");
}

static void
test_cancelled (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (5, 2, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0), NULL);
  g_autoptr(GPtrArray) restrictions = NULL;
  g_autofree char *day1 = NULL;

  ag_session_set_status (g_ptr_array_index (sessions, 0), AG_SESSION_CANCELLED);
  restrictions = ag_engine_restrictions (protocol, sessions);
  day1 = describe_day (protocol, sessions, berlin, 2026, 3, 3);

  g_assert_cmpuint (restrictions->len, ==, 0);
  g_assert_cmpstr (day1, ==, "");
}

static void
test_overlapping_treatments (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  /* Face at 10:00 (1.0 mm, treatment 1) and scalp at 14:00 (2.0 mm, treatment 2). */
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (21, 2, AG_AREA_SCALP, berlin, 2026, 3, 2, 14, 0, 2.0),
                 make_session (11, 1, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0),
                 NULL);
  g_autoptr(GPtrArray) restrictions = ag_engine_restrictions (protocol, sessions);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GDateTime) noon = g_date_time_new (berlin, 2026, 3, 4, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new (berlin, 2026, 3, 5, 15, 0, 0);
  g_autofree char *day0 = describe_day (protocol, sessions, berlin, 2026, 3, 2);
  g_autofree char *day1 = describe_day (protocol, sessions, berlin, 2026, 3, 3);
  AgRestriction *exercise;
  AgChecklistItem *cleanse;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  GArray *ids;
  GDate day;

  /* One item per step: the first wash waits for the later session (14:30 + 4 h). */
  g_assert_cmpstr (day0, ==, "08:00 clean-skin/morning, 18:30 first-wash/after-session, "
                             "21:00 moisturise/evening");
  g_assert_cmpstr (day1, ==, DAY_1_TO_3);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, 3, 2026);
  items = ag_engine_items_for_day (protocol, sessions, berlin, NULL, &day);
  cleanse = g_ptr_array_index (items, 0);
  g_assert_cmpstr (ag_checklist_item_get_key (cleanse), ==, "2026-03-03/cleanse/morning");
  ids = ag_checklist_item_get_session_ids (cleanse);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 11);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 21);
  ids = ag_checklist_item_get_treatment_ids (cleanse);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 2);

  /* One window per kind; the scalp's later end (72 h after 14:30) wins. */
  g_assert_cmpuint (restrictions->len, ==, 7);
  exercise = g_ptr_array_index (restrictions, 0);
  g_assert_cmpstr (ag_restriction_get_kind (exercise), ==, "exercise");
  starts = format_local (ag_restriction_get_starts (exercise), berlin);
  ends = format_local (ag_restriction_get_ends (exercise), berlin);
  g_assert_cmpstr (starts, ==, "2026-03-02 10:30 +01:00");
  g_assert_cmpstr (ends, ==, "2026-03-05 14:30 +01:00");
  g_assert_cmpint (ag_restriction_get_session_id (exercise), ==, 21);
  g_assert_cmpint (ag_restriction_get_treatment_id (exercise), ==, 2);
  g_assert_cmpuint (ag_restriction_get_session_ids (exercise)->len, ==, 2);

  active = ag_engine_restrictions_at (protocol, sessions, noon);
  g_assert_cmpuint (active->len, ==, 7);
  g_clear_pointer (&active, g_ptr_array_unref);

  active = ag_engine_restrictions_at (protocol, sessions, later);
  g_assert_cmpuint (active->len, ==, 4);
  g_assert_cmpstr (ag_restriction_get_kind (g_ptr_array_index (active, 0)), ==, "actives");
  g_assert_cmpstr (ag_restriction_get_kind (g_ptr_array_index (active, 1)), ==, "sauna");
  g_assert_cmpstr (ag_restriction_get_kind (g_ptr_array_index (active, 2)), ==, "sun");
  g_assert_cmpstr (ag_restriction_get_kind (g_ptr_array_index (active, 3)), ==, "touching");

  /* Four weeks later, a new face session gets windows of its own. */
  g_ptr_array_add (sessions, make_session (12, 1, AG_AREA_FACE, berlin, 2026, 3, 30, 10, 0, 1.0));
  g_clear_pointer (&restrictions, g_ptr_array_unref);
  restrictions = ag_engine_restrictions (protocol, sessions);
  g_assert_cmpuint (restrictions->len, ==, 14);
}

static void
test_countdown (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (7, 3, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0), NULL);
  g_autoptr(GPtrArray) restrictions = ag_engine_restrictions (protocol, sessions);
  AgRestriction *exercise = g_ptr_array_index (restrictions, 0);
  g_autoptr(GDateTime) morning = g_date_time_new (berlin, 2026, 3, 4, 5, 30, 0);
  g_autoptr(GDateTime) monday = g_date_time_new (berlin, 2026, 3, 2, 11, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new (berlin, 2026, 3, 4, 10, 30, 0);
  g_autofree char *soon = ag_restriction_format_countdown (exercise, morning);
  g_autofree char *far = ag_restriction_format_countdown (exercise, monday);
  g_autofree char *done = ag_restriction_format_countdown (exercise, after);

  g_assert_cmpstr (soon, ==, "No workouts or sweating · allowed again Wed 10:30 (in 5 h)");
  g_assert_cmpstr (far, ==, "No workouts or sweating · allowed again Wed 10:30 (in 2 days)");
  g_assert_cmpstr (done, ==, "You can exercise again");
}

static char *
describe_reminders (GPtrArray *reminders,
                    GTimeZone *tz)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < reminders->len; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(GDateTime) due = g_date_time_to_timezone (ag_reminder_get_due (reminder), tz);
      g_autofree char *when = g_date_time_format (due, "%m-%d %H:%M");

      g_string_append_printf (out, "%s %s\n", when, ag_reminder_get_key (reminder));
    }

  return g_string_free (out, FALSE);
}

static void
test_reminders_first_days (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (7, 3, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0), NULL);
  g_autoptr(GDateTime) from = g_date_time_new (berlin, 2026, 3, 2, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (berlin, 2026, 3, 5, 0, 0, 0);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *described = NULL;
  AgReminder *reminder;

#define DAY_REMINDERS(d, extra_1030) \
  "03-" d " 08:00 item:2026-03-" d "/cleanse/morning\n" \
  "03-" d " 08:00 item:2026-03-" d "/hydrate/morning\n" \
  "03-" d " 08:00 item:2026-03-" d "/moisturise/morning\n" \
  "03-" d " 08:00 item:2026-03-" d "/sunscreen/morning\n" \
  "03-" d " 10:00 item:2026-03-" d "/sunscreen/at-1000\n" \
  extra_1030 \
  "03-" d " 12:00 item:2026-03-" d "/sunscreen/at-1200\n" \
  "03-" d " 14:00 item:2026-03-" d "/sunscreen/at-1400\n" \
  "03-" d " 16:00 item:2026-03-" d "/sunscreen/at-1600\n" \
  "03-" d " 18:00 item:2026-03-" d "/sunscreen/at-1800\n" \
  "03-" d " 21:00 item:2026-03-" d "/check-skin/evening\n" \
  "03-" d " 21:00 item:2026-03-" d "/cleanse/evening\n" \
  "03-" d " 21:00 item:2026-03-" d "/moisturise/evening\n"

  reminders = ag_engine_reminders_between (protocol, sessions, berlin, NULL, from, to);
  described = describe_reminders (reminders, berlin);
  g_assert_cmpstr (described, ==,
                   "03-02 08:00 prep:clean-skin:7\n"
                   "03-02 10:30 restriction-start:exercise:7\n"
                   "03-02 14:30 item:2026-03-02/first-wash/after-session\n"
                   "03-02 21:00 item:2026-03-02/moisturise/evening\n"
                   DAY_REMINDERS ("03", "03-03 10:30 restriction-end:makeup:7\n")
                   DAY_REMINDERS ("04", "03-04 10:30 restriction-end:exercise:7\n"
                                        "03-04 10:30 restriction-end:swimming:7\n"));
#undef DAY_REMINDERS

  reminder = g_ptr_array_index (reminders, 1);
  g_assert_cmpstr (ag_reminder_get_category (reminder), ==, "exercise");
  g_assert_cmpstr (ag_reminder_get_summary (reminder), ==, "No workouts or sweating until Wed 10:30");
  g_assert_null (ag_reminder_get_item_key (reminder));
  g_assert_cmpstr (ag_reminder_get_day (reminder), ==, "2026-03-02");

  reminder = g_ptr_array_index (reminders, 7);
  g_assert_cmpstr (ag_reminder_get_key (reminder), ==, "item:2026-03-03/sunscreen/morning");
  g_assert_cmpstr (ag_reminder_get_category (reminder), ==, "sunscreen");
  g_assert_cmpstr (ag_reminder_get_summary (reminder), ==, "Sunscreen");
  g_assert_cmpstr (ag_reminder_get_body (reminder), ==,
                   "Apply SPF 30 or higher: healing skin burns easily.");
  g_assert_cmpstr (ag_reminder_get_item_key (reminder), ==, "2026-03-03/sunscreen/morning");
  g_assert_cmpstr (ag_reminder_get_day (reminder), ==, "2026-03-03");

  reminder = g_ptr_array_index (reminders, reminders->len - 8);
  g_assert_cmpstr (ag_reminder_get_key (reminder), ==, "restriction-end:swimming:7");
  g_assert_cmpstr (ag_reminder_get_summary (reminder), ==, "You can swim again");
  g_assert_cmpstr (ag_reminder_get_category (reminder), ==, "restrictions");
}

static void
test_reminders_around_sessions (void)
{
  g_autoptr(AgProtocol) protocol = load_protocol ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  /* Session 1 of 3 done on 2026-03-02; session 2 planned on Monday 2026-03-30. */
  g_autoptr(GPtrArray) sessions =
    sessions_of (make_session (7, 3, AG_AREA_FACE, berlin, 2026, 3, 2, 10, 0, 1.0),
                 make_session (8, 3, AG_AREA_FACE, berlin, 2026, 3, 30, 10, 0, 1.0),
                 make_session (31, 4, AG_AREA_NECK, berlin, 2026, 3, 2, 12, 0, 1.0),
                 NULL);
  g_autoptr(GDateTime) from = g_date_time_new (berlin, 2026, 3, 9, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (berlin, 2026, 3, 30, 0, 0, 0);
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) prep = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  AgReminder *stop_actives = NULL;
  GDate day;

  ag_session_set_status (g_ptr_array_index (sessions, 0), AG_SESSION_DONE);
  ag_session_set_status (g_ptr_array_index (sessions, 2), AG_SESSION_DONE);

  reminders = ag_engine_reminders_between (protocol, sessions, berlin, NULL, from, to);
  for (guint i = 0; i < reminders->len; i++)
    {
      AgReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(GDateTime) due = g_date_time_to_timezone (ag_reminder_get_due (reminder), berlin);
      g_autofree char *when = g_date_time_format (due, "%m-%d %H:%M %:z");

      if (g_str_has_prefix (ag_reminder_get_key (reminder), "item:"))
        continue;
      g_string_append_printf (kept, "%s %s\n", when, ag_reminder_get_key (reminder));
      if (g_str_equal (ag_reminder_get_key (reminder), "prep:stop-actives:8"))
        stop_actives = reminder;
    }

  /* The neck treatment has no later session: book it a week after (day 0 + 7, morning).
   * The face one has: no booking. The appointment comes the evening before, after the
   * spring change (+02:00). */
  g_assert_cmpstr (kept->str, ==,
                   "03-09 08:00 +01:00 book:4\n"
                   "03-16 08:00 +01:00 prep:avoid-sun:8\n"
                   "03-23 08:00 +01:00 prep:blood-thinners:8\n"
                   "03-23 08:00 +01:00 prep:isotretinoin:8\n"
                   "03-25 08:00 +01:00 prep:stop-actives:8\n"
                   "03-27 08:00 +01:00 prep:antiviral:8\n"
                   "03-29 21:00 +02:00 appointment:8\n");

  g_assert_nonnull (stop_actives);
  g_assert_cmpstr (ag_reminder_get_summary (stop_actives), ==,
                   "Stop retinoids and exfoliating acids: session on Monday");
  g_assert_cmpstr (ag_reminder_get_category (stop_actives), ==, "preparation");
  g_assert_cmpstr (ag_reminder_get_item_key (stop_actives), ==, "2026-03-25/stop-actives/morning");

  /* On the Friday before, the steps already started still show, under their own day's key. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 27, 3, 2026);
  prep = ag_engine_prep_steps_for_day (protocol, sessions, berlin, NULL, &day);
  g_assert_cmpuint (prep->len, ==, 5);
  g_assert_cmpstr (ag_checklist_item_get_key (g_ptr_array_index (prep, 0)), ==,
                   "2026-03-16/avoid-sun/morning");
  g_assert_cmpstr (ag_checklist_item_get_key (g_ptr_array_index (prep, 3)), ==,
                   "2026-03-25/stop-actives/morning");
  g_assert_cmpstr (ag_checklist_item_get_key (g_ptr_array_index (prep, 4)), ==,
                   "2026-03-27/antiviral/morning");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_restrictions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/engine/golden/%.1f-mm",
                                               golden_restrictions[i].depth_mm);
      g_test_add_data_func (path, &golden_restrictions[i], test_golden);
    }
  g_test_add_func ("/engine/items/properties", test_item_properties);
  g_test_add_func ("/engine/items/routine", test_routine);
  for (guint i = 0; i < G_N_ELEMENTS (dst_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/engine/dst/%s/%02d-%02d", dst_cases[i].zone,
                                               dst_cases[i].month, dst_cases[i].day);
      g_test_add_data_func (path, &dst_cases[i], test_dst);
    }
  g_test_add_func ("/engine/late-session", test_late_session);
  g_test_add_func ("/engine/cancelled", test_cancelled);
  g_test_add_func ("/engine/overlapping-treatments", test_overlapping_treatments);
  g_test_add_func ("/engine/restriction/countdown", test_countdown);
  g_test_add_func ("/engine/reminders/first-days", test_reminders_first_days);
  g_test_add_func ("/engine/reminders/around-sessions", test_reminders_around_sessions);

  return g_test_run ();
}
