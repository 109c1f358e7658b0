/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the store keeps data safe: damaged files untouched, ticks kept, changes seen. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ag-error.h"
#include "ag-store-private.h"
#include "ag-test-core.h"

/* Helpers */

static AgClock *
new_clock (void)
{
  return ag_test_clock_at (2026, 11, 22, 14, 30, 0);
}

static char *
dup_test_path (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own empty data folder. */
  return ag_store_dup_default_path ();
}

static AgStore *
open_ok (const char *path,
         AgClock    *clock)
{
  g_autoptr(GError) error = NULL;
  AgStore *store = ag_store_open (path, clock, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static gint64
query_int (AgStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (ag_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (AgStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (ag_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
make_store_with_data (const char *path,
                      AgClock    *clock)
{
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
      g_autofree char *goal = g_strdup_printf ("Goal %u: %0200d", i, 0);

      ag_treatment_set_goal (treatment, goal);
      g_assert_true (ag_store_add_treatment (store, treatment, &error));
      g_assert_no_error (error);
    }
}

/* Opens a file that must be refused and checks that nothing about it changed. */
static void
assert_refused_untouched (const char *path,
                          AgClock    *clock,
                          GQuark      domain,
                          int         code)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (path, "-shm", NULL);
  gboolean had_wal = g_file_test (wal_path, G_FILE_TEST_EXISTS);
  gboolean had_shm = g_file_test (shm_path, G_FILE_TEST_EXISTS);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct stat before_st, after_st;

  g_assert_cmpint (lstat (path, &before_st), ==, 0);

  store = ag_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_error (error, domain, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_test_message ("Refused with: %s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (lstat (path, &after_st), ==, 0);
  g_assert_cmpint (before_st.st_ino, ==, after_st.st_ino);
  g_assert_cmpint (before_st.st_mtim.tv_sec, ==, after_st.st_mtim.tv_sec);
  g_assert_cmpint (before_st.st_mtim.tv_nsec, ==, after_st.st_mtim.tv_nsec);
  g_assert_cmpint (g_file_test (wal_path, G_FILE_TEST_EXISTS), ==, had_wal);
  g_assert_cmpint (g_file_test (shm_path, G_FILE_TEST_EXISTS), ==, had_shm);
}

static AgSeriesPlan *
new_weekly_plan (guint n_sessions)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) first = g_date_time_new (berlin, 2026, 3, 15, 10, 0, 0);
  AgSeriesPlan *plan = ag_series_plan_new (first, n_sessions, 1);

  ag_series_plan_set_depth_mm (plan, 0.5);
  ag_series_plan_set_clinic (plan, "Hautzentrum Mitte");
  ag_series_plan_set_interval_override (plan, TRUE);

  return plan;
}

static gint64
plan_series (AgStore *store,
             guint    n_sessions)
{
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = new_weekly_plan (n_sessions);

  ag_test_plan (store, treatment, plan, 4);
  g_assert_cmpint (ag_treatment_get_id (treatment), >, 0);

  return ag_treatment_get_id (treatment);
}

static char *
format_start (AgSession *session)
{
  return g_date_time_format (ag_session_get_start (session), "%Y-%m-%d %H:%M %z");
}

static void
assert_starts (AgStore    *store,
               gint64      treatment_id,
               const char *expected[],
               guint       n_expected)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = ag_store_list_sessions (store, treatment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autofree char *start = format_start (g_ptr_array_index (sessions, i));
      g_assert_cmpstr (start, ==, expected[i]);
    }
}

/* Opening */

static void
test_open_create_and_reopen (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (path, "-shm", NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "afterglow",
                                                "afterglow.db", NULL);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_NECK, AG_DEVICE_ROLLER);
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = NULL;
  struct stat st;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  store = open_ok (path, clock);
  g_assert_cmpstr (ag_store_get_path (store), ==, path);

  /* Only the user can read what they went through. */
  g_assert_cmpint (stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ag_treatment_set_goal (treatment, "Acne scars");
  ag_treatment_set_color (treatment, "#3584e4");
  g_assert_true (ag_store_add_treatment (store, treatment, &error));
  g_assert_no_error (error);

  g_assert_cmpint (stat (wal_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (shm_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The settings the durability and the cascade rely on. */
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, AG_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, AG_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  journal_mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  g_clear_object (&store);

  /* No temporary file is left from creating it. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_has_prefix (name, "afterglow.db"));
  }

  store = open_ok (path, clock);
  treatments = ag_store_list_treatments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_assert_cmpint (ag_treatment_get_area (g_ptr_array_index (treatments, 0)), ==, AG_AREA_NECK);
  g_assert_cmpstr (ag_treatment_get_goal (g_ptr_array_index (treatments, 0)), ==, "Acne scars");
  g_assert_cmpstr (ag_treatment_get_color (g_ptr_array_index (treatments, 0)), ==, "#3584e4");
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, AG_STORE_SCHEMA_VERSION);
}

static void
test_open_relative_path (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_cmpint (g_chdir (g_get_user_data_dir ()), ==, 0);
  store = open_ok ("relative/afterglow.db", clock);
  g_assert_true (g_path_is_absolute (ag_store_get_path (store)));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
}

static void
test_migrate_from_empty_database (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;

  /* A version-0 database as an older build or a crash right after creating it leaves:
   * a valid SQLite file with no tables. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (path, "CREATE TABLE x (a); DROP TABLE x;");

  store = open_ok (path, clock);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, AG_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"),
                   ==, 5);
  treatments = ag_store_list_treatments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 0);
}

static void
test_damaged_zero_length (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();

  write_bytes (path, "", 0);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED);
}

static void
test_damaged_truncated (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(GBytes) whole = NULL;
  const guint8 *data;
  gsize size;

  make_store_with_data (path, clock);
  whole = read_bytes (path);
  data = g_bytes_get_data (whole, &size);
  g_assert_cmpuint (size, >=, 4 * 4096);

  /* Cut at a page boundary: only the header's page count tells. */
  write_bytes (path, data, size - 4096);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED);

  /* Cut in the middle of a page. */
  write_bytes (path, data, size / 2 + 100);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED);

  /* Cut inside the header. */
  write_bytes (path, data, 50);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED);
  write_bytes (path, data, 10);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED);
}

static void
test_damaged_pages (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *data = NULL;
  gsize size;

  make_store_with_data (path, clock);
  whole = read_bytes (path);
  size = g_bytes_get_size (whole);
  data = g_memdup2 (g_bytes_get_data (whole, NULL), size);

  /* Scribble over the middle of the file but keep the header valid. */
  for (gsize i = 4096 + 8; i < size - 4096; i += 7)
    data[i] = (guint8)(i * 31);
  write_bytes (path, data, size);

  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED);
}

static void
test_not_a_database (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const char *text = "Dear diary, today my skin feels tight.\n";
  guint8 garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8)g_rand_int_range (rand, 0, 256);
  garbage[0] = 'X';
  write_bytes (path, garbage, sizeof garbage);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE);

  write_bytes (path, text, strlen (text));
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE);

  /* Another program's SQLite file. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');");
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();

  make_store_with_data (path, clock);
  raw_exec (path, "PRAGMA user_version = 99;");
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_NEWER_SCHEMA);
}

static void
test_newer_schema_with_wal (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *wal_path = NULL;
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *newer = NULL;

  make_store_with_data (path, clock);

  /* A newer Afterglow is running and its change is still in the -wal file. */
  g_assert_cmpint (sqlite3_open (path, &newer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (newer, "PRAGMA user_version = 99;", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  wal_path = g_strconcat (path, "-wal", NULL);
  g_assert_true (g_file_test (wal_path, G_FILE_TEST_EXISTS));
  before = read_bytes (path);

  store = ag_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NEWER_SCHEMA);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (sqlite3_close (newer), ==, SQLITE_OK);
}

static void
test_unsafe_path (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *real = g_build_filename (g_get_user_data_dir (), "elsewhere.db", NULL);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  make_store_with_data (real, clock);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (symlink (real, path), ==, 0);
  assert_refused_untouched (path, clock, AG_STORE_ERROR, AG_STORE_ERROR_UNSAFE_PATH);
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* A folder where the file should be. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  store = ag_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_UNSAFE_PATH);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

static void
test_move_aside (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *expected = g_strconcat (path, ".damaged-20261122-143000", NULL);
  g_autofree char *expected_wal = g_strconcat (expected, "-wal", NULL);
  g_autofree char *second_expected = g_strconcat (expected, "-2", NULL);
  g_autofree char *new_path = NULL;
  g_autofree char *second_path = NULL;
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "not a database";

  write_bytes (path, text, strlen (text));
  write_bytes (wal_path, "wal", 3);
  before = read_bytes (path);

  store = ag_store_open (path, clock, &error);
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_assert_true (ag_store_move_aside (path, clock, &new_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_path, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (expected_wal, G_FILE_TEST_EXISTS));
  moved = read_bytes (new_path);
  g_assert_true (g_bytes_equal (before, moved));

  /* The user starts fresh. */
  store = open_ok (path, clock);
  g_assert_true (ag_store_set_item_done (store, "2026-11-22/cleanse/evening", "2026-11-22",
                                         TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Setting aside again in the same second does not overwrite the first one. */
  g_assert_true (ag_store_move_aside (path, clock, &second_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (second_path, ==, second_expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));

  g_assert_false (ag_store_move_aside (path, clock, NULL, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
}

static void
test_orphaned_wal_is_not_applied (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autofree char *kept = NULL;

  make_store_with_data (path, clock);
  wal = read_bytes (path);
  g_assert_cmpint (g_unlink (path), ==, 0);
  write_bytes (wal_path, g_bytes_get_data (wal, NULL), g_bytes_get_size (wal));

  store = open_ok (path, clock);
  treatments = ag_store_list_treatments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 0);

  kept = g_strconcat (wal_path, ".orphaned-20261122-143000", NULL);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
}

/* Errors a patient can cause or meet */

static void
test_disk_full (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (200000, 'x');
  g_autofree char *limit = NULL;

  /* SQLite reports a full disk when the page limit is reached, as when the disk is. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           query_int (store, "PRAGMA page_count"));
  g_assert_cmpint (sqlite3_exec (ag_store_get_db (store), limit, NULL, NULL, NULL), ==,
                   SQLITE_OK);

  ag_treatment_set_goal (treatment, huge);
  g_assert_false (ag_store_add_treatment (store, treatment, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "no space left"));
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);

  /* Nothing half-saved, and the store still works once there is room. */
  treatments = ag_store_list_treatments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 0);
  g_assert_true (ag_store_set_item_done (store, "2026-11-22/spf/noon", "2026-11-22", TRUE,
                                         &error));
  g_assert_no_error (error);
}

static void
test_read_only (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_exec (ag_store_get_db (store), "PRAGMA query_only = 1", NULL, NULL,
                                 NULL), ==, SQLITE_OK);

  g_assert_false (ag_store_set_item_done (store, "2026-11-22/spf/noon", "2026-11-22", TRUE,
                                          &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "not saved"));
}

static void
test_read_only_folder (void)
{
  g_autofree char *path = dup_test_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to any folder");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  store = ag_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

/* Treatments and sessions */

static void
test_treatments_delete_restore_purge (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(AgTreatment) scalp = ag_treatment_new (AG_AREA_SCALP, AG_DEVICE_ROLLER);
  g_autoptr(AgTreatment) fetched = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 face_id;

  face_id = plan_series (store, 4);
  g_assert_true (ag_store_add_treatment (store, scalp, &error));
  g_assert_no_error (error);

  ag_treatment_set_goal (scalp, "Hair growth");
  ag_treatment_set_interval_weeks (scalp, 2);
  g_assert_true (ag_store_update_treatment (store, scalp, &error));
  g_assert_no_error (error);
  fetched = ag_store_get_treatment (store, ag_treatment_get_id (scalp), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ag_treatment_get_goal (fetched), ==, "Hair growth");
  g_assert_cmpuint (ag_treatment_get_interval_weeks (fetched), ==, 2);

  /* Deleting hides the treatment and its sessions until undone. */
  g_assert_true (ag_store_delete_treatment (store, face_id, &error));
  g_assert_no_error (error);
  treatments = ag_store_list_treatments (store, &error);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_clear_pointer (&treatments, g_ptr_array_unref);
  sessions = ag_store_list_sessions (store, 0, &error);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  g_assert_null (ag_store_get_treatment (store, face_id, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ag_store_restore_treatment (store, face_id, &error));
  g_assert_no_error (error);
  sessions = ag_store_list_sessions (store, 0, &error);
  g_assert_cmpuint (sessions->len, ==, 4);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Purging removes the sessions with it. */
  g_assert_true (ag_store_purge_treatment (store, face_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_false (ag_store_restore_treatment (store, face_id, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ag_store_purge_treatment (store, face_id, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
}

static void
test_plan_treatment (void)
{
  const char *expected[] = {
    "2026-03-15 10:00 +0100",
    "2026-03-22 10:00 +0100",
    "2026-03-29 10:00 +0200",
    "2026-04-05 10:00 +0200",
  };
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(AgTreatment) refused = ag_treatment_new (AG_AREA_NECK, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = new_weekly_plan (4);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the practitioner's word a one-week interval is refused, and nothing saved. */
  ag_series_plan_set_interval_override (plan, FALSE);
  g_assert_false (ag_store_plan_treatment (store, refused, plan, 4, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INTERVAL);
  g_clear_error (&error);
  g_assert_cmpint (ag_treatment_get_id (refused), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM treatments"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 0);

  ag_series_plan_set_interval_override (plan, TRUE);
  g_assert_true (ag_store_plan_treatment (store, treatment, plan, 4, &error));
  g_assert_no_error (error);
  g_assert_true (ag_treatment_get_interval_override (treatment));
  g_assert_cmpuint (ag_treatment_get_interval_weeks (treatment), ==, 1);

  treatments = ag_store_list_treatments (store, &error);
  g_assert_cmpuint (treatments->len, ==, 1);
  g_assert_true (ag_treatment_get_interval_override (g_ptr_array_index (treatments, 0)));

  assert_starts (store, ag_treatment_get_id (treatment), expected, G_N_ELEMENTS (expected));

  sessions = ag_store_list_sessions (store, ag_treatment_get_id (treatment), &error);
  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);

      g_assert_cmpint (ag_session_get_area (session), ==, AG_AREA_FACE);
      g_assert_cmpuint (ag_session_get_number (session), ==, i + 1);
      g_assert_cmpuint (ag_session_get_count (session), ==, 4);
      g_assert_cmpfloat (ag_session_get_depth_mm (session), ==, 0.5);
      g_assert_cmpstr (ag_session_get_clinic (session), ==, "Hautzentrum Mitte");
      g_assert_cmpuint (ag_session_get_status (session), ==, AG_SESSION_PLANNED);
    }
}

/* The store keeps the sessions it read until this connection or another one commits: readers
 * share them meanwhile, and never see stale ones. */
static void
test_sessions_kept_until_change (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(AgStore) other = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) face = NULL;
  g_autoptr(GError) error = NULL;
  gint64 face_id, scalp_id;

  face_id = plan_series (store, 3);
  scalp_id = plan_series (store, 2);
  first = ag_store_list_sessions (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 5);

  /* Nothing changed: the same sessions, and a treatment's are among them, numbered alike. */
  again = ag_store_list_sessions (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 5);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (g_ptr_array_index (again, i) == g_ptr_array_index (first, i));
  face = ag_store_list_sessions (store, face_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (face->len, ==, 3);
  for (guint i = 0; i < face->len; i++)
    {
      AgSession *session = g_ptr_array_index (face, i);

      g_assert_cmpint (ag_session_get_treatment_id (session), ==, face_id);
      g_assert_cmpuint (ag_session_get_number (session), ==, i + 1);
      g_assert_cmpuint (ag_session_get_count (session), ==, 3);
      g_assert_true (g_ptr_array_find (first, session, NULL));
    }
  g_clear_pointer (&again, g_ptr_array_unref);
  g_clear_pointer (&face, g_ptr_array_unref);

  /* This connection's change is seen at once. */
  g_assert_true (ag_store_set_session_status (store,
                                              ag_session_get_id (g_ptr_array_index (first, 0)),
                                              AG_SESSION_CANCELLED, 0, &error));
  g_assert_no_error (error);
  face = ag_store_list_sessions (store, face_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ag_session_get_status (g_ptr_array_index (face, 0)), ==, AG_SESSION_CANCELLED);
  g_assert_cmpuint (ag_session_get_count (g_ptr_array_index (face, 1)), ==, 2);
  g_assert_cmpint (ag_session_get_status (g_ptr_array_index (first, 0)), ==, AG_SESSION_PLANNED);
  g_clear_pointer (&face, g_ptr_array_unref);

  /* A session asked for by its id is the caller's own: an edit the store refuses shows
   * nowhere. */
  {
    g_autoptr(GPtrArray) listed = ag_store_list_sessions (store, face_id, &error);
    g_autoptr(AgSession) edited = NULL;

    g_assert_no_error (error);
    edited = ag_store_get_session (store, ag_session_get_id (g_ptr_array_index (listed, 1)),
                                   &error);
    g_assert_no_error (error);
    g_clear_pointer (&listed, g_ptr_array_unref);
    ag_session_set_depth_mm (edited, 3.5);
    g_assert_false (ag_store_update_session (store, edited, &error));
    g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DEPTH);
    g_clear_error (&error);
    listed = ag_store_list_sessions (store, face_id, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (ag_session_get_depth_mm (g_ptr_array_index (listed, 1)), ==, 0.5);
  }

  /* So is another program's, before its change signal arrives. */
  other = open_ok (path, clock);
  g_assert_true (ag_store_delete_treatment (other, scalp_id, &error));
  g_assert_no_error (error);
  again = ag_store_list_sessions (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (ag_session_get_treatment_id (g_ptr_array_index (again, i)), ==, face_id);
}

static void
test_sessions_edit_status_and_extra (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(AgSession) second = NULL;
  g_autoptr(AgSession) extra = NULL;
  g_autoptr(AgSession) orphan = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) extra_start = g_date_time_new (berlin, 2026, 4, 12, 16, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 treatment_id;
  gint64 first_id, second_id;

  treatment_id = plan_series (store, 4);
  sessions = ag_store_list_sessions (store, treatment_id, &error);
  first_id = ag_session_get_id (g_ptr_array_index (sessions, 0));
  second_id = ag_session_get_id (g_ptr_array_index (sessions, 1));
  g_clear_pointer (&sessions, g_ptr_array_unref);

  second = ag_store_get_session (store, second_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_session_get_number (second), ==, 2);
  ag_session_set_depth_mm (second, 0.75);
  ag_session_set_clinic (second, "Praxis Nord");
  ag_session_set_notes (second, "Bring the numbing cream");
  ag_session_set_duration_minutes (second, 45);
  g_assert_true (ag_store_update_session (store, second, &error));
  g_assert_no_error (error);
  g_clear_object (&second);

  second = ag_store_get_session (store, second_id, &error);
  g_assert_cmpfloat (ag_session_get_depth_mm (second), ==, 0.75);
  g_assert_cmpstr (ag_session_get_clinic (second), ==, "Praxis Nord");
  g_assert_cmpstr (ag_session_get_notes (second), ==, "Bring the numbing cream");
  g_assert_cmpuint (ag_session_get_duration_minutes (second), ==, 45);

  ag_session_set_depth_mm (second, 3.5);
  g_assert_false (ag_store_update_session (store, second, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DEPTH);
  g_clear_error (&error);
  g_clear_object (&second);

  /* Done with the depth actually used; a cancelled one no longer counts. */
  g_assert_true (ag_store_set_session_status (store, first_id, AG_SESSION_DONE, 0.6, &error));
  g_assert_no_error (error);
  g_assert_true (ag_store_set_session_status (store, second_id, AG_SESSION_CANCELLED, 0.0,
                                              &error));
  g_assert_no_error (error);
  g_assert_false (ag_store_set_session_status (store, first_id, AG_SESSION_DONE, 4.0, &error));
  g_assert_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DEPTH);
  g_clear_error (&error);

  sessions = ag_store_list_sessions (store, treatment_id, &error);
  g_assert_cmpuint (ag_session_get_status (g_ptr_array_index (sessions, 0)), ==,
                    AG_SESSION_DONE);
  g_assert_cmpfloat (ag_session_get_effective_depth_mm (g_ptr_array_index (sessions, 0)), ==,
                     0.6);
  g_assert_cmpuint (ag_session_get_number (g_ptr_array_index (sessions, 1)), ==, 0);
  g_assert_cmpuint (ag_session_get_count (g_ptr_array_index (sessions, 1)), ==, 3);
  g_assert_cmpuint (ag_session_get_number (g_ptr_array_index (sessions, 2)), ==, 2);
  g_assert_cmpuint (ag_session_get_number (g_ptr_array_index (sessions, 3)), ==, 3);
  g_assert_cmpuint (ag_session_get_count (g_ptr_array_index (sessions, 3)), ==, 3);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* One extra session at the end. */
  extra = ag_session_new (treatment_id, extra_start);
  g_assert_true (ag_store_add_session (store, extra, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ag_session_get_id (extra), >, 0);
  sessions = ag_store_list_sessions (store, treatment_id, &error);
  g_assert_cmpuint (sessions->len, ==, 5);
  g_assert_cmpint (ag_session_get_id (g_ptr_array_index (sessions, 4)), ==,
                   ag_session_get_id (extra));
  g_assert_cmpuint (ag_session_get_number (g_ptr_array_index (sessions, 4)), ==, 4);
  g_assert_cmpuint (ag_session_get_count (g_ptr_array_index (sessions, 4)), ==, 4);

  orphan = ag_session_new (treatment_id + 100, extra_start);
  g_assert_false (ag_store_add_session (store, orphan, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (ag_store_get_session (store, 12345, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
}

static void
test_move_session_shift_later_across_dst (void)
{
  const char *after_shift[] = {
    "2026-03-08 10:00 +0100",
    "2026-03-15 10:00 +0100",
    "2026-03-22 10:00 +0100",
    "2026-03-29 10:00 +0200",
  };
  const char *after_single[] = {
    "2026-03-08 10:00 +0100",
    "2026-03-15 10:00 +0100",
    "2026-03-22 10:00 +0100",
    "2026-03-30 09:15 +0200",
  };
  const char *after_late_shift[] = {
    "2026-03-08 10:00 +0100",
    "2026-03-16 11:30 +0100",
    "2026-03-23 11:30 +0100",
    "2026-03-31 10:45 +0200",
  };
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) week_earlier = g_date_time_new (berlin, 2026, 3, 8, 10, 0, 0);
  g_autoptr(GDateTime) day_later = g_date_time_new (berlin, 2026, 3, 30, 9, 15, 0);
  g_autoptr(GDateTime) next_day = g_date_time_new (berlin, 2026, 3, 16, 11, 30, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 treatment_id;
  gint64 ids[4];

  /* 15, 22 March at 10:00 CET, 29 March and 5 April at 10:00 CEST. */
  treatment_id = plan_series (store, 4);
  sessions = ag_store_list_sessions (store, treatment_id, &error);
  for (guint i = 0; i < 4; i++)
    ids[i] = ag_session_get_id (g_ptr_array_index (sessions, i));
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* A week earlier, everything after with it: the last two cross back over the change
   * and stay at 10:00 on the wall clock. */
  g_assert_true (ag_store_move_session (store, ids[0], week_earlier, TRUE, &error));
  g_assert_no_error (error);
  assert_starts (store, treatment_id, after_shift, G_N_ELEMENTS (after_shift));

  /* Only the last one, to the next day at 09:15. */
  g_assert_true (ag_store_move_session (store, ids[3], day_later, FALSE, &error));
  g_assert_no_error (error);
  assert_starts (store, treatment_id, after_single, G_N_ELEMENTS (after_single));

  /* Moving the second by a day and 90 minutes moves the later ones by the same on the
   * wall clock, also where the real gap is an hour shorter. */
  g_assert_true (ag_store_move_session (store, ids[1], next_day, TRUE, &error));
  g_assert_no_error (error);
  assert_starts (store, treatment_id, after_late_shift, G_N_ELEMENTS (after_late_shift));

  /* It is all still so after reopening, in the zone it was planned in. */
  g_clear_object (&store);
  store = open_ok (path, clock);
  assert_starts (store, treatment_id, after_late_shift, G_N_ELEMENTS (after_late_shift));
  sessions = ag_store_list_sessions (store, treatment_id, &error);
  g_assert_cmpstr (g_time_zone_get_identifier (
                     g_date_time_get_timezone (
                       ag_session_get_start (g_ptr_array_index (sessions, 3)))), ==,
                   "Europe/Berlin");

  g_assert_false (ag_store_move_session (store, 999, next_day, TRUE, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
}

static void
test_move_session_keeps_done_ones (void)
{
  const char *expected[] = {
    "2026-03-15 10:00 +0100",
    "2026-03-22 10:00 +0100",
    "2026-03-29 10:00 +0200",
    "2026-04-06 10:00 +0200",
  };
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) monday = g_date_time_new (berlin, 2026, 3, 23, 10, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 treatment_id;
  gint64 ids[4];

  treatment_id = plan_series (store, 4);
  sessions = ag_store_list_sessions (store, treatment_id, &error);
  for (guint i = 0; i < 4; i++)
    ids[i] = ag_session_get_id (g_ptr_array_index (sessions, i));

  /* What happened stays where it happened. */
  g_assert_true (ag_store_set_session_status (store, ids[2], AG_SESSION_DONE, 0.0, &error));
  g_assert_true (ag_store_move_session (store, ids[1], monday, TRUE, &error));
  g_assert_no_error (error);

  expected[1] = "2026-03-23 10:00 +0100";
  assert_starts (store, treatment_id, expected, G_N_ELEMENTS (expected));
}

/* Ticks */

static void
test_ticks_survive_move_and_reopen (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) later = g_date_time_new (berlin, 2026, 3, 20, 10, 0, 0);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ticked_at = ag_clock_get_now_unix_usec (clock);
  gint64 treatment_id;

  treatment_id = plan_series (store, 3);

  g_assert_true (ag_store_set_item_done (store, "2026-03-15/no-makeup/all-day", "2026-03-15",
                                         TRUE, &error));
  g_assert_true (ag_store_set_item_done (store, "2026-03-16/serum/morning", "2026-03-16",
                                         TRUE, &error));
  g_assert_true (ag_store_set_item_done (store, "2026-03-16/spf/noon", "2026-03-16", TRUE,
                                         &error));
  g_assert_true (ag_store_set_item_done (store, "2026-03-17/serum/morning", "2026-03-17",
                                         TRUE, &error));
  g_assert_no_error (error);

  /* Unticking removes it; ticking again later keeps the time it was first ticked. */
  g_assert_true (ag_store_set_item_done (store, "2026-03-16/spf/noon", "2026-03-16", FALSE,
                                         &error));
  ag_clock_advance (clock, G_TIME_SPAN_HOUR);
  g_assert_true (ag_store_set_item_done (store, "2026-03-17/serum/morning", "2026-03-17",
                                         TRUE, &error));
  g_assert_no_error (error);

  /* The session moves after the ticks were made. */
  sessions = ag_store_list_sessions (store, treatment_id, &error);
  g_assert_true (ag_store_move_session (store, ag_session_get_id (g_ptr_array_index (sessions, 0)),
                                        later, TRUE, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = open_ok (path, clock);

  ticks = ag_store_dup_ticks_between (store, "2026-03-15", "2026-03-16", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 2);
  g_assert_true (g_hash_table_contains (ticks, "2026-03-15/no-makeup/all-day"));
  g_assert_true (g_hash_table_contains (ticks, "2026-03-16/serum/morning"));
  g_assert_false (g_hash_table_contains (ticks, "2026-03-16/spf/noon"));
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (ticks, "2026-03-16/serum/morning"), ==,
                   ticked_at);
  g_clear_pointer (&ticks, g_hash_table_unref);

  ticks = ag_store_dup_ticks_between (store, "2026-03-17", "2026-03-17", &error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 1);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (ticks, "2026-03-17/serum/morning"), ==,
                   ticked_at);
}

/* Two connections */

typedef struct
{
  AgStore *store;
  const char *name;
  guint n;
} Writer;

static gpointer
write_ticks_thread (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; i < writer->n; i++)
    {
      g_autofree char *key = g_strdup_printf ("2026-11-22/%s-%u/slot", writer->name, i);
      g_autoptr(GError) error = NULL;

      if (!ag_store_set_item_done (writer->store, key, "2026-11-22", TRUE, &error))
        g_error ("%s: %s", key, error->message);
    }

  return NULL;
}

static void
test_two_connections_write_at_once (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) app = open_ok (path, clock);
  g_autoptr(AgStore) reminders = open_ok (path, clock);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_HANDS, AG_DEVICE_ROLLER);
  g_autoptr(GHashTable) seen_by_app = NULL;
  g_autoptr(GHashTable) seen_by_reminders = NULL;
  g_autoptr(GError) error = NULL;
  Writer writers[2] = {
    { app, "app", 150 },
    { reminders, "reminders", 150 },
  };
  GThread *threads[2];

  /* Interleaved on one thread. */
  g_assert_true (ag_store_set_item_done (app, "2026-11-21/a/1", "2026-11-21", TRUE, &error));
  g_assert_true (ag_store_set_snooze (reminders, "r1", 1, &error));
  g_assert_true (ag_store_add_treatment (app, treatment, &error));
  g_assert_true (ag_store_set_item_done (reminders, "2026-11-21/b/1", "2026-11-21", TRUE,
                                         &error));
  g_assert_no_error (error);

  /* And really at the same time. */
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new (writers[i].name, write_ticks_thread, &writers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  seen_by_app = ag_store_dup_ticks_between (app, "2026-11-21", "2026-11-22", &error);
  g_assert_no_error (error);
  seen_by_reminders = ag_store_dup_ticks_between (reminders, "2026-11-21", "2026-11-22",
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (seen_by_app), ==, 302);
  g_assert_cmpuint (g_hash_table_size (seen_by_reminders), ==, 302);
  g_assert_true (g_hash_table_contains (seen_by_app, "2026-11-22/reminders-149/slot"));
  g_assert_true (g_hash_table_contains (seen_by_reminders, "2026-11-22/app-149/slot"));
  g_assert_cmpint (query_int (reminders, "SELECT count(*) FROM treatments"), ==, 1);
}

/* Change notification */

typedef struct
{
  guint n_emissions;
  AgStoreChange changes;
  GMainLoop *loop;
} ChangedRecord;

static void
record_changed_cb (AgStore       *store,
                   AgStoreChange  changes,
                   ChangedRecord *record)
{
  record->n_emissions++;
  record->changes |= changes;
  if (record->loop != NULL)
    g_main_loop_quit (record->loop);
}

typedef struct
{
  GMainLoop *loop;
  guint id;
} Timeout;

static gboolean
quit_loop_cb (gpointer data)
{
  Timeout *timeout = data;

  timeout->id = 0;
  g_main_loop_quit (timeout->loop);
  return G_SOURCE_REMOVE;
}

/* Runs until something quits the loop, or the time is up. */
static void
run_loop_for (GMainLoop *loop,
              guint      milliseconds)
{
  Timeout timeout = { loop, 0 };

  timeout.id = g_timeout_add (milliseconds, quit_loop_cb, &timeout);
  g_main_loop_run (loop);
  g_clear_handle_id (&timeout.id, g_source_remove);
}

static void
test_changed_own_writes (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GError) error = NULL;
  ChangedRecord record = { 0, };

  g_signal_connect (store, "changed", G_CALLBACK (record_changed_cb), &record);

  g_assert_true (ag_store_set_item_done (store, "2026-11-22/spf/noon", "2026-11-22", TRUE,
                                         &error));
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpint (record.changes, ==, AG_STORE_CHANGE_TICKS);

  record = (ChangedRecord) { 0, };
  plan_series (store, 3);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpint (record.changes, ==, AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS);

  /* A delivery recorded twice changes nothing the second time. */
  record = (ChangedRecord) { 0, };
  g_assert_true (ag_store_record_delivery (store, "k", AG_DELIVERY_SHOWN, &error));
  g_assert_false (ag_store_record_delivery (store, "k", AG_DELIVERY_SHOWN, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpint (record.changes, ==, AG_STORE_CHANGE_DELIVERIES);

  /* A failed write says nothing changed. */
  record = (ChangedRecord) { 0, };
  g_assert_false (ag_store_purge_treatment (store, 999, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (record.n_emissions, ==, 0);
}

/* Opening in a thread gives the same store, refuses the same files, and the store then sees
 * other programs' changes through the main context of the thread that finished it. */
static void
test_opening_in_thread (void)
{
  static const char garbage[] = "This is not a database, but it is somebody's data.";
  g_autofree char *path = dup_test_path ();
  g_autofree char *bad_path = g_strconcat (path, ".bad", NULL);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(AgStore) writer = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) treatments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  ChangedRecord record = { 0, };

  make_store_with_data (path, clock);
  store = ag_store_opening_finish (ag_store_opening_start (path, clock), &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (ag_store_get_path (store), ==, path);
  treatments = ag_store_list_treatments (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (treatments->len, ==, 40);

  g_signal_connect (store, "changed", G_CALLBACK (record_changed_cb), &record);
  run_loop_for (loop, 200);
  record = (ChangedRecord) { .loop = loop };
  writer = open_ok (path, clock);
  g_assert_true (ag_store_set_item_done (writer, "2026-11-22/spf/noon", "2026-11-22", TRUE,
                                         &error));
  g_assert_no_error (error);
  run_loop_for (loop, 5000);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpint (record.changes, ==, AG_STORE_CHANGE_ALL);

  /* A damaged file is refused, in the same words, and left as it was. */
  g_file_set_contents (bad_path, garbage, -1, &error);
  g_assert_no_error (error);
  g_assert_null (ag_store_opening_finish (ag_store_opening_start (bad_path, clock), &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE);
  g_file_get_contents (bad_path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, garbage);
}

static void
test_changed_by_other_connection (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) app = open_ok (path, clock);
  g_autoptr(AgStore) reminders = open_ok (path, clock);
  g_autoptr(AgStore) reader = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GError) error = NULL;
  ChangedRecord record = { 0, };

  g_signal_connect (reminders, "changed", G_CALLBACK (record_changed_cb), &record);

  /* Settle whatever the opening did. */
  run_loop_for (loop, 200);
  record = (ChangedRecord) { 0, };

  /* Noise: another connection opening and reading is not a change. */
  reader = open_ok (path, clock);
  ticks = ag_store_dup_ticks_between (reader, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_clear_object (&reader);
  run_loop_for (loop, 300);
  g_assert_cmpuint (record.n_emissions, ==, 0);

  /* A real change: the app ticks something. */
  record.loop = loop;
  g_assert_true (ag_store_set_item_done (app, "2026-11-22/spf/noon", "2026-11-22", TRUE,
                                         &error));
  g_assert_no_error (error);
  run_loop_for (loop, 5000);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpint (record.changes, ==, AG_STORE_CHANGE_ALL);

  /* Several quick writes come out as few emissions, never none. */
  record = (ChangedRecord) { 0, };
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *key = g_strdup_printf ("2026-11-22/serum/%u", i);
      g_assert_true (ag_store_set_item_done (app, key, "2026-11-22", TRUE, &error));
    }
  run_loop_for (loop, 500);
  g_assert_cmpuint (record.n_emissions, >=, 1);
  g_assert_cmpuint (record.n_emissions, <=, 10);
  g_test_message ("10 writes gave %u emissions", record.n_emissions);
}

/* Reminders */

static void
test_deliveries_idempotent (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) app = open_ok (path, clock);
  g_autoptr(AgStore) reminders = open_ok (path, clock);
  g_autoptr(GError) error = NULL;
  gint64 delivered_at = 0;
  AgDeliveryHow how = AG_DELIVERY_SHOWN;
  gint64 first_time = ag_clock_get_now_unix_usec (clock);

  g_assert_false (ag_store_lookup_delivery (app, "2026-11-22/spf/noon", NULL, NULL, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ag_store_record_delivery (reminders, "2026-11-22/spf/noon", AG_DELIVERY_MISSED,
                                           &error));
  g_assert_no_error (error);

  /* Whoever comes second, later, with another "how", is told it is already done. */
  ag_clock_advance (clock, G_TIME_SPAN_MINUTE);
  g_assert_false (ag_store_record_delivery (app, "2026-11-22/spf/noon", AG_DELIVERY_SHOWN,
                                            &error));
  g_assert_no_error (error);
  g_assert_false (ag_store_record_delivery (reminders, "2026-11-22/spf/noon",
                                            AG_DELIVERY_SHOWN, &error));
  g_assert_no_error (error);

  g_assert_true (ag_store_lookup_delivery (app, "2026-11-22/spf/noon", &delivered_at, &how,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (delivered_at, ==, first_time);
  g_assert_cmpint (how, ==, AG_DELIVERY_MISSED);
}

static void
test_snoozes_persist (void)
{
  g_autofree char *path = dup_test_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GHashTable) snoozes = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = ag_clock_get_now_unix_usec (clock);

  g_assert_true (ag_store_set_snooze (store, "spf", now + 10 * G_TIME_SPAN_MINUTE, &error));
  g_assert_true (ag_store_set_snooze (store, "serum", now + 5 * G_TIME_SPAN_MINUTE, &error));
  g_assert_true (ag_store_set_snooze (store, "cleanse", now + G_TIME_SPAN_HOUR, &error));
  /* Snoozing again replaces the time. */
  g_assert_true (ag_store_set_snooze (store, "cleanse", now + 2 * G_TIME_SPAN_MINUTE, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = open_ok (path, clock);

  snoozes = ag_store_dup_snoozes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (snoozes), ==, 3);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (snoozes, "cleanse"), ==,
                   now + 2 * G_TIME_SPAN_MINUTE);

  due = ag_store_dup_due_snoozes (store, now + 5 * G_TIME_SPAN_MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (due, 0), ==, "cleanse");
  g_assert_cmpstr (g_ptr_array_index (due, 1), ==, "serum");
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (ag_store_clear_snooze (store, "cleanse", &error));
  g_assert_true (ag_store_clear_snooze (store, "never-snoozed", &error));
  g_assert_no_error (error);
  due = ag_store_dup_due_snoozes (store, now + G_TIME_SPAN_HOUR, &error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (due, 0), ==, "serum");
  g_assert_cmpstr (g_ptr_array_index (due, 1), ==, "spf");
}

/* What was deleted and can no longer be undone leaves the file, with its sessions; what was
 * not deleted stays. */
static void
test_purge_deleted_treatments (void)
{
  g_autofree char *dir = ag_test_make_tmp_dir ("afterglow-purge-XXXXXX");
  g_autoptr(AgClock) clock = ag_test_clock_at (2026, 11, 3, 9, 0, 0);
  g_autoptr(AgStore) store = ag_test_open_store (dir, clock);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) first = g_date_time_new (tz, 2026, 11, 10, 10, 0, 0);
  g_autoptr(AgTreatment) face = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(AgTreatment) scalp = ag_treatment_new (AG_AREA_SCALP, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = ag_series_plan_new (first, 3, 4);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  ag_test_plan (store, face, plan, 4);
  ag_test_plan (store, scalp, plan, 4);
  g_assert_true (ag_store_delete_treatment (store, ag_treatment_get_id (face), &error));
  g_assert_no_error (error);

  g_assert_true (ag_store_purge_deleted_treatments (store, &error));
  g_assert_no_error (error);

  g_assert_false (ag_store_restore_treatment (store, ag_treatment_get_id (face), &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sessions"), ==, 3);
  sessions = ag_store_list_sessions (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  g_assert_cmpint (ag_session_get_treatment_id (g_ptr_array_index (sessions, 0)), ==,
                   ag_treatment_get_id (scalp));

  g_clear_object (&store);
  ag_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/create-and-reopen", test_open_create_and_reopen);
  g_test_add_func ("/store/treatments/purge-deleted", test_purge_deleted_treatments);
  g_test_add_func ("/store/open/relative-path", test_open_relative_path);
  g_test_add_func ("/store/open/in-thread", test_opening_in_thread);
  g_test_add_func ("/store/open/migrate-from-empty", test_migrate_from_empty_database);
  g_test_add_func ("/store/open/damaged/zero-length", test_damaged_zero_length);
  g_test_add_func ("/store/open/damaged/truncated", test_damaged_truncated);
  g_test_add_func ("/store/open/damaged/pages", test_damaged_pages);
  g_test_add_func ("/store/open/not-a-database", test_not_a_database);
  g_test_add_func ("/store/open/newer-schema", test_newer_schema);
  g_test_add_func ("/store/open/newer-schema-with-wal", test_newer_schema_with_wal);
  g_test_add_func ("/store/open/unsafe-path", test_unsafe_path);
  g_test_add_func ("/store/open/orphaned-wal", test_orphaned_wal_is_not_applied);
  g_test_add_func ("/store/move-aside", test_move_aside);
  g_test_add_func ("/store/errors/disk-full", test_disk_full);
  g_test_add_func ("/store/errors/read-only", test_read_only);
  g_test_add_func ("/store/errors/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/treatments/delete-restore-purge",
                   test_treatments_delete_restore_purge);
  g_test_add_func ("/store/treatments/plan", test_plan_treatment);
  g_test_add_func ("/store/sessions/kept-until-change", test_sessions_kept_until_change);
  g_test_add_func ("/store/sessions/edit-status-extra", test_sessions_edit_status_and_extra);
  g_test_add_func ("/store/sessions/move-across-dst", test_move_session_shift_later_across_dst);
  g_test_add_func ("/store/sessions/move-keeps-done", test_move_session_keeps_done_ones);
  g_test_add_func ("/store/tick/survives-move-and-reopen", test_ticks_survive_move_and_reopen);
  g_test_add_func ("/store/concurrent/two-connections", test_two_connections_write_at_once);
  g_test_add_func ("/store/changed/own-writes", test_changed_own_writes);
  g_test_add_func ("/store/changed/other-connection", test_changed_by_other_connection);
  g_test_add_func ("/store/deliveries/idempotent", test_deliveries_idempotent);
  g_test_add_func ("/store/snoozes/persist", test_snoozes_persist);

  return g_test_run ();
}
