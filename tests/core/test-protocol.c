/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-protocol.c: the protocol loader: the default loads, edits round-trip, bad files are refused. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ag-error.h"
#include "ag-protocol.h"

static AgProtocol *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "protocols", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ag_protocol_new_from_file (file, error);
}

static void
test_default_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (&error);
  const AgProtocolTask *sunscreen;
  const AgProtocolTask *first_wash;
  const AgProtocolPrep *stop_actives;
  const AgProtocolRestriction *exercise;
  const char * const *signs;

  g_assert_no_error (error);
  g_assert_nonnull (protocol);

  g_assert_cmpuint (ag_protocol_get_version (protocol), ==, 1);
  g_assert_cmpstr (ag_protocol_get_title (protocol), ==, "Standard microneedling aftercare");
  g_assert_nonnull (ag_protocol_get_contact_text (protocol));

  /* Bands: ≤0.5, 0.5–1.5, >1.5 mm, covering 0.1–3.0. */
  g_assert_cmpuint (ag_protocol_get_n_bands (protocol), ==, 3);
  g_assert_cmpfloat (ag_protocol_get_band (protocol, 0)->from_mm, ==, 0.1);
  g_assert_cmpfloat (ag_protocol_get_band (protocol, 2)->to_mm, ==, 3.0);
  g_assert_cmpuint (ag_protocol_get_band_for_depth (protocol, 0.1), ==, 0);
  g_assert_cmpuint (ag_protocol_get_band_for_depth (protocol, 0.5), ==, 0);
  g_assert_cmpuint (ag_protocol_get_band_for_depth (protocol, 0.75), ==, 1);
  g_assert_cmpuint (ag_protocol_get_band_for_depth (protocol, 1.5), ==, 1);
  g_assert_cmpuint (ag_protocol_get_band_for_depth (protocol, 2.0), ==, 2);
  g_assert_cmpuint (ag_protocol_get_band_for_depth (protocol, 3.0), ==, 2);

  /* The values of aftercare.md, band by band. */
  g_assert_cmpuint (ag_protocol_get_n_restrictions (protocol), ==, 7);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "makeup", 0.5), ==, 12);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "makeup", 1.0), ==, 24);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "makeup", 2.0), ==, 48);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 1.0), ==, 48);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "actives", 1.0), ==, 120);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "swimming", 2.0), ==, 72);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "sauna", 0.5), ==, 72);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "sun", 1.0), ==, 72);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "sun", 2.0), ==, 168);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "touching", 2.0), ==, 120);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "no-such-kind", 1.0), ==, 0);

  exercise = ag_protocol_find_restriction (protocol, "exercise");
  g_assert_nonnull (exercise);
  g_assert_cmpstr (exercise->title, ==, "No workouts or sweating");
  g_assert_cmpstr (exercise->lifted, ==, "You can exercise again");
  g_assert_cmpstr (exercise->category, ==, "exercise");
  g_assert_true (exercise->notice_at_start);
  g_assert_cmpstr (ag_protocol_find_restriction (protocol, "sun")->category, ==, "restrictions");

  g_assert_cmpuint (ag_protocol_get_n_tasks (protocol), ==, 6);
  first_wash = ag_protocol_find_task (protocol, "first-wash");
  g_assert_nonnull (first_wash);
  g_assert_cmpuint (first_wash->slots, ==, AG_SLOT_AFTER_SESSION);
  g_assert_cmpuint (first_wash->after_hours, ==, 4);
  sunscreen = ag_protocol_find_task (protocol, "sunscreen");
  g_assert_nonnull (sunscreen);
  g_assert_cmpstr (sunscreen->title, ==, "Sunscreen");
  g_assert_cmpstr (sunscreen->detail, ==, "Apply SPF 30 or higher: healing skin burns easily.");
  g_assert_cmpstr (sunscreen->category, ==, "sunscreen");
  g_assert_cmpuint (sunscreen->slots, ==, AG_SLOT_MORNING | AG_SLOT_REPEAT);
  g_assert_cmpuint (sunscreen->first_day, ==, 1);
  g_assert_cmpuint (sunscreen->last_day, ==, 28);
  g_assert_cmpuint (sunscreen->repeat_from, ==, 10);
  g_assert_cmpuint (sunscreen->repeat_until, ==, 18);
  g_assert_cmpuint (sunscreen->repeat_every, ==, 2);

  g_assert_cmpuint (ag_protocol_get_n_preps (protocol), ==, 6);
  stop_actives = ag_protocol_find_prep (protocol, "stop-actives");
  g_assert_nonnull (stop_actives);
  g_assert_cmpuint (stop_actives->days_before, ==, 5);

  signs = ag_protocol_get_warning_signs (protocol);
  g_assert_cmpuint (g_strv_length ((char **) signs), ==, 7);
  g_assert_cmpstr (signs[2], ==, "Fever or chills");

  /* Four weeks for skin to rebuild; scalp treatments for hair may be weekly. */
  for (guint area = 0; area < AG_N_AREAS; area++)
    g_assert_cmpuint (ag_protocol_get_min_interval_weeks (protocol, area), ==,
                      area == AG_AREA_SCALP ? 1 : 4);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (&error);
  g_autoptr(AgProtocol) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  gsize len = 0;
  const AgProtocolTask *task;

  g_assert_no_error (error);

  g_assert_true (ag_protocol_set_restriction_hours (protocol, "exercise", 1, 60, &error));
  g_assert_true (ag_protocol_set_task_days (protocol, "cleanse", 1, 10, &error));
  g_assert_true (ag_protocol_set_task_after_hours (protocol, "first-wash", 6, &error));
  g_assert_true (ag_protocol_set_task_repeat (protocol, "sunscreen", 9, 17, 4, &error));
  g_assert_true (ag_protocol_set_prep_days_before (protocol, "stop-actives", 3, &error));
  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_SCALP, 6, &error));
  g_assert_no_error (error);

  data = ag_protocol_to_data (protocol, &len);
  again = ag_protocol_new_from_data (data, len, "edited.protocol", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_assert_cmpuint (ag_protocol_get_restriction_hours (again, "exercise", 1.0), ==, 60);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (again, "exercise", 0.5), ==, 24);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (again, "exercise", 2.0), ==, 72);
  task = ag_protocol_find_task (again, "cleanse");
  g_assert_cmpuint (task->first_day, ==, 1);
  g_assert_cmpuint (task->last_day, ==, 10);
  g_assert_cmpuint (ag_protocol_find_task (again, "first-wash")->after_hours, ==, 6);
  task = ag_protocol_find_task (again, "sunscreen");
  g_assert_cmpuint (task->repeat_from, ==, 9);
  g_assert_cmpuint (task->repeat_until, ==, 17);
  g_assert_cmpuint (task->repeat_every, ==, 4);
  g_assert_cmpuint (ag_protocol_find_prep (again, "stop-actives")->days_before, ==, 3);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (again, AG_AREA_SCALP), ==, 6);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (again, AG_AREA_FACE), ==, 4);
  g_assert_cmpstr (ag_protocol_find_task (again, "sunscreen")->detail, ==,
                   "Apply SPF 30 or higher: healing skin burns easily.");

  /* Writing the reloaded protocol gives the same text: nothing is lost or reordered. */
  data_again = ag_protocol_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);
}

static void
test_setters_refuse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_load_default (&error);

  g_assert_no_error (error);

  g_assert_false (ag_protocol_set_restriction_hours (protocol, "exercise", 7, 24, &error));
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);

  g_assert_false (ag_protocol_set_task_days (protocol, "cleanse", 5, 2, &error));
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_FACE, 0, &error));
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (ag_protocol_set_task_repeat (protocol, "cleanse", 10, 18, 2, &error));
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);

  /* Refused edits leave the values alone. */
  g_assert_cmpuint (ag_protocol_find_task (protocol, "cleanse")->last_day, ==, 7);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (protocol, AG_AREA_FACE), ==, 4);
}

typedef struct
{
  const char *file;
  int code;
  const char *line;
  const char *words;
} BadFile;

static const BadFile bad_files[] = {
  { "unknown-group.protocol", AG_PROTOCOL_ERROR_UNKNOWN_KEY, "line 37", "[Reward cake]" },
  { "unknown-key.protocol", AG_PROTOCOL_ERROR_UNKNOWN_KEY, "line 33", "“Command”" },
  { "missing-key.protocol", AG_PROTOCOL_ERROR_MISSING_KEY, "line 24", "“Lifted”" },
  { "out-of-range.protocol", AG_PROTOCOL_ERROR_OUT_OF_RANGE, "line 34", "from 1 to 365" },
  { "overlapping-bands.protocol", AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, "line 21", "overlap" },
  { "gapped-bands.protocol", AG_PROTOCOL_ERROR_OVERLAPPING_BANDS, "line 21",
    "gap between 1.00 and 1.20 mm" },
  { "invalid-utf8.protocol", AG_PROTOCOL_ERROR_PARSE, "line 30", "UTF-8" },
  { "bad-hours.protocol", AG_PROTOCOL_ERROR_OUT_OF_RANGE, "line 27", "2 values, not 1" },
};

static void
test_valid_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = load_fixture ("valid.protocol", &error);

  /* The base of the bad fixtures loads: each of them fails for its one change. */
  g_assert_no_error (error);
  g_assert_cmpuint (ag_protocol_get_n_tasks (protocol), ==, 1);
  g_assert_cmpuint (ag_protocol_get_restriction_hours (protocol, "exercise", 2.0), ==, 48);
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = load_fixture (bad->file, &error);

  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, bad->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad->file));
  g_assert_nonnull (strstr (error->message, bad->line));
  g_assert_nonnull (strstr (error->message, bad->words));
}

static const char minimal_head[] =
  "[Protocol]\nVersion=1\nTitle=T\nContact=C\n"
  "[Intervals]\nFace=4\nNeck=4\nChest=4\nHands=4\nScalp=4\nBody=4\n"
  "[Band all]\nFrom=0.1\nTo=3.0\n";

static void
assert_inline_error (const char *text,
                     int         code,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = ag_protocol_new_from_data (text, strlen (text),
                                                              "inline.protocol", &error);

  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_inline_errors (void)
{
  g_autofree char *newer = g_strconcat ("[Protocol]\nVersion=2\nTitle=T\nContact=C\n", NULL);
  g_autofree char *bad_line = g_strconcat (minimal_head, "[Task x]\nthis is not a key\n", NULL);
  g_autofree char *twice = g_strconcat (minimal_head, "[Warning a]\nText=A\nText=B\n", NULL);
  g_autofree char *bad_slot = g_strconcat (minimal_head,
                                           "[Task x]\nTitle=X\nDetail=D\nCategory=care\n"
                                           "FirstDay=0\nLastDay=1\nSlot=noon;\n", NULL);
  g_autofree char *bad_name = g_strconcat (minimal_head, "[Warning ../etc]\nText=A\n", NULL);
  g_autofree char *no_repeat = g_strconcat (minimal_head,
                                            "[Task x]\nTitle=X\nDetail=D\nCategory=care\n"
                                            "FirstDay=0\nLastDay=1\nSlot=repeat;\n"
                                            "RepeatFrom=10\n", NULL);

  assert_inline_error (newer, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
                       "inline.protocol, line 2: This protocol was written for a newer version "
                       "of Afterglow (format 2).");
  assert_inline_error (bad_line, AG_PROTOCOL_ERROR_PARSE,
                       "inline.protocol, line 16: This line is neither a section, a “Key=value” "
                       "line nor a comment.");
  assert_inline_error (twice, AG_PROTOCOL_ERROR_PARSE,
                       "inline.protocol, line 17: The key “Text” appears twice in [Warning a].");
  assert_inline_error (bad_slot, AG_PROTOCOL_ERROR_OUT_OF_RANGE,
                       "inline.protocol, line 21: “noon” is not a time of day Afterglow knows; "
                       "use morning, evening, after-session or repeat.");
  assert_inline_error (bad_name, AG_PROTOCOL_ERROR_PARSE,
                       "inline.protocol, line 15: “../etc” is not a valid name: use 1 to 32 "
                       "lowercase letters, digits and dashes.");
  assert_inline_error (no_repeat, AG_PROTOCOL_ERROR_MISSING_KEY,
                       "inline.protocol, line 15: The section [Task x] needs a “RepeatUntil” key.");
  assert_inline_error ("", AG_PROTOCOL_ERROR_MISSING_KEY,
                       "inline.protocol: The file has no [Protocol] section; it is not an "
                       "aftercare protocol.");
}

static void
test_too_many_tasks (void)
{
  g_autoptr(GString) text = g_string_new (minimal_head);
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = NULL;

  for (guint i = 0; i <= AG_PROTOCOL_MAX_ITEMS; i++)
    g_string_append_printf (text, "[Task t%u]\nTitle=X\nDetail=D\nCategory=care\n"
                            "FirstDay=0\nLastDay=1\nSlot=morning;\n", i);

  protocol = ag_protocol_new_from_data (text->str, text->len, "many.protocol", &error);
  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_TOO_LARGE);
  /* The 201st task starts on line 15 + 200 × 7. */
  g_assert_cmpstr (error->message, ==,
                   "many.protocol, line 1415: The protocol has more than 200 sections of this kind.");
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("afterglow-protocol-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AgProtocol) protocol = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.protocol", NULL);
  big = g_malloc (AG_PROTOCOL_MAX_SIZE + 2);
  memset (big, '#', AG_PROTOCOL_MAX_SIZE + 1);
  big[AG_PROTOCOL_MAX_SIZE + 1] = '\0';
  g_assert_true (g_file_set_contents (path, big, AG_PROTOCOL_MAX_SIZE + 1, &error));

  file = g_file_new_for_path (path);
  protocol = ag_protocol_new_from_file (file, &error);
  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.protocol"));
  g_clear_error (&error);

  /* The same through the data entry point. */
  protocol = ag_protocol_new_from_data (big, AG_PROTOCOL_MAX_SIZE + 1, "huge.protocol", &error);
  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AgProtocol) protocol = load_fixture ("does-not-exist.protocol", &error);

  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does-not-exist.protocol"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/protocol/default/loads", test_default_loads);
  g_test_add_func ("/protocol/round-trip", test_round_trip);
  g_test_add_func ("/protocol/setters/refuse", test_setters_refuse);
  g_test_add_func ("/protocol/fixture/valid", test_valid_fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/protocol/fixture/%s", bad_files[i].file);
      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/protocol/inline-errors", test_inline_errors);
  g_test_add_func ("/protocol/too-many-tasks", test_too_many_tasks);
  g_test_add_func ("/protocol/too-large", test_too_large);
  g_test_add_func ("/protocol/missing-file", test_missing_file);

  return g_test_run ();
}
