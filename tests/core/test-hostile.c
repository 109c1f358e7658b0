/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile.c: damaged files and a hostile environment give a clear error and lose nothing. */

/* unshare() and CLONE_NEW* */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <glib/gstdio.h>

#include "ag-alarm.h"
#include "ag-engine.h"
#include "ag-error.h"
#include "ag-store-private.h"
#include "ag-user-protocol.h"

/* Cases test-store.c, test-protocol.c and test-user-protocol.c already cover are not
 * repeated here; docs/reliability.md lists which test checks what. */

#define DAY "2026-11-22"
#define EXIT_SKIP 77

/* Helpers */

static AgClock *
new_clock (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (berlin, 2026, 11, 22, 14, 30, 0);

  return ag_clock_new_manual (now);
}

static AgStore *
open_ok (const char *path,
         AgClock    *clock)
{
  g_autoptr(GError) error = NULL;
  AgStore *store = ag_store_open (path, clock, &error);

  if (store == NULL)
    g_error ("Opening %s: %s", path, error->message);

  return store;
}

static void
tick_ok (AgStore    *store,
         const char *key)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ag_store_set_item_done (store, key, DAY, TRUE, &error));
  g_assert_no_error (error);
}

static guint
count_ticks (AgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);

  g_assert_no_error (error);
  return g_hash_table_size (ticks);
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

/* A message a patient can read: a sentence, and none of the machinery behind it. */
static void
assert_patient_readable (const GError *error)
{
  g_assert_nonnull (error);
  g_test_message ("Message: %s", error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "SQLITE"));
  g_assert_null (strstr (error->message, "sqlite3"));
  g_assert_null (strstr (error->message, "(null)"));
  g_assert_null (strstr (error->message, "errno"));
}

/* Bytes read by this process so far, from the kernel's own count. */
static gint64
bytes_read_so_far (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL))
    return -1;

  rchar = strstr (io, "rchar: ");
  if (rchar == NULL)
    return -1;

  return g_ascii_strtoll (rchar + strlen ("rchar: "), NULL, 10);
}

static void
make_store_with_data (const char *path,
                      AgClock    *clock)
{
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
      g_autofree char *goal = g_strdup_printf ("Goal %u: %0100d", i, 0);
      g_autofree char *key = g_strdup_printf (DAY "/task-%u/evening", i);

      ag_treatment_set_goal (treatment, goal);
      g_assert_true (ag_store_add_treatment (store, treatment, &error));
      g_assert_no_error (error);
      tick_ok (store, key);
    }
}

/* Runs this test program again as a child in @mode, with @envp, and returns its wait
 * status; the child's stderr goes to ours so an assertion there is visible. */
static int
run_child (const char         *mode,
           const char         *arg,
           const char * const *envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", &error);
  const char *argv[] = { self_exe, mode, arg != NULL ? arg : "", NULL };
  int status = -1;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)argv, (char **)envp,
                G_SPAWN_CHILD_INHERITS_STDIN | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);

  return status;
}

/* The environment for a child: the test's own data folder, which GLib keeps only in its
 * cache while the variable itself may say /dev/null. */
static GStrv
dup_child_environ (void)
{
  GStrv envp = g_get_environ ();

  return g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
}

static void
assert_child_ok (int status)
{
  if (WIFSIGNALED (status))
    g_error ("The child was killed by signal %d%s", WTERMSIG (status),
             WTERMSIG (status) == SIGSYS ? " (it opened a network socket)" : "");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Damaged files */

static void
test_flipped_bytes (void)
{
  g_autofree char *path = ag_store_dup_default_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(GBytes) whole = NULL;
  guint n_refused = 0;
  guint n_opened = 0;

  GLogLevelFlags fatal_before;

  make_store_with_data (path, clock);
  whole = read_bytes (path);

  /* A damaged value in a row that passed the checks (an area no longer spelt right) is
   * logged as a warning and read as the default: allowed here, a critical is not. */
  fatal_before = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  for (guint32 seed = 1; seed <= 24; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (whole, NULL),
                                           g_bytes_get_size (whole));
      gsize size = g_bytes_get_size (whole);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(AgStore) store = NULL;
      g_autoptr(GError) error = NULL;
      guint n_flips = g_rand_int_range (rand, 1, 9);

      /* Half the seeds hit the header and first pages, where most of the structure is. */
      for (guint i = 0; i < n_flips; i++)
        {
          gsize at = seed % 2 == 0 ? (gsize)g_rand_int_range (rand, 0, MIN (size, 8192))
                                   : (gsize)g_rand_int_range (rand, 0, size);
          data[at] ^= (guint8)g_rand_int_range (rand, 1, 256);
        }
      write_bytes (path, data, size);
      before = read_bytes (path);

      store = ag_store_open (path, clock, &error);
      if (store == NULL)
        {
          /* Refused: with our own reason, and not one byte changed. */
          g_assert_true (error->domain == AG_STORE_ERROR);
          assert_patient_readable (error);
          after = read_bytes (path);
          g_assert_true (g_bytes_equal (before, after));
          n_refused++;
        }
      else
        {
          /* The flips hit bytes no check can tell from real data (a letter of a goal,
           * unused space): everything still reads, or fails with a reason. */
          g_autoptr(GPtrArray) treatments = ag_store_list_treatments (store, &error);
          g_autoptr(GHashTable) ticks = NULL;

          if (treatments == NULL)
            {
              g_assert_true (error->domain == AG_STORE_ERROR);
              g_clear_error (&error);
            }
          ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);
          if (ticks == NULL)
            g_assert_true (error->domain == AG_STORE_ERROR);
          n_opened++;
        }
    }

  g_log_set_always_fatal (fatal_before);
  g_test_message ("24 damaged files: %u refused untouched, %u opened", n_refused, n_opened);
  g_assert_cmpuint (n_refused, >, 0);
}

static void
test_protocol_sparse_100mb (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("afterglow-hostile-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  struct stat before, after;
  gint64 read_before, read_after;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.protocol", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)100 * 1024 * 1024), ==, 0);
  g_assert_cmpint (write (fd, "[Protocol]\n", 11), ==, 11);
  close (fd);
  g_assert_cmpint (stat (path, &before), ==, 0);

  read_before = bytes_read_so_far ();
  file = g_file_new_for_path (path);
  protocol = ag_protocol_new_from_file (file, &error);
  read_after = bytes_read_so_far ();

  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_TOO_LARGE);
  assert_patient_readable (error);
  g_assert_nonnull (strstr (error->message, "huge.protocol"));

  /* Refused by its size: not read at all, let alone all of it. */
  if (read_before >= 0 && read_after >= 0)
    g_assert_cmpint (read_after - read_before, <, 64 * 1024);
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_user_protocol_sparse_100mb (void)
{
  g_autofree char *path = ag_user_protocol_dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(GError) error = NULL;
  struct stat before, after;
  gint64 read_before, read_after;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)100 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_cmpint (stat (path, &before), ==, 0);

  read_before = bytes_read_so_far ();
  protocol = ag_user_protocol_load (&error);
  read_after = bytes_read_so_far ();

  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_TOO_LARGE);
  assert_patient_readable (error);

  /* Only the default protocol (a few KiB) was read. */
  if (read_before >= 0 && read_after >= 0)
    g_assert_cmpint (read_after - read_before, <, AG_PROTOCOL_MAX_SIZE);
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
}

static void
test_protocol_ten_thousand_tasks (void)
{
  g_autoptr(GString) text = g_string_new ("[Protocol]\nVersion=1\nTitle=T\nContact=C\n"
                                          "[Intervals]\nFace=4\nNeck=4\nChest=4\nHands=4\n"
                                          "Scalp=4\nBody=4\n"
                                          "[Band all]\nFrom=0.1\nTo=3.0\n");
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;
  double seconds;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "[Task t%u]\nTitle=X\nDetail=D\nCategory=care\n"
                            "FirstDay=0\nLastDay=1\nSlot=morning;\n", i);
  g_assert_cmpuint (text->len, <, AG_PROTOCOL_MAX_SIZE);

  started = g_get_monotonic_time ();
  protocol = ag_protocol_new_from_data (text->str, text->len, "many.protocol", &error);
  seconds = (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;

  g_assert_null (protocol);
  g_assert_error (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_TOO_LARGE);
  assert_patient_readable (error);
  g_test_message ("10,000 tasks (%" G_GSIZE_FORMAT " bytes) refused in %.3f s", text->len,
                  seconds);
  /* It is refused by the count of tasks, before any checklist is built; the time it took
   * is only reported. */
}

/* The environment */

/* A read-only data folder. Root ignores permission bits, so a read-only mount in a private
 * mount namespace stands in for it; without one (no privileges) the child says "skip". */
static int
child_read_only_mount (const char *dir)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autofree char *path = g_build_filename (dir, "afterglow", "afterglow.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "elsewhere", "afterglow.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("afterglow-test", dir, "tmpfs", 0, "size=4m,mode=0700") != 0)
    {
      g_printerr ("# cannot mount a tmpfs: %s\n", g_strerror (errno));
      return EXIT_SKIP;
    }

  make_store_with_data (path, clock);
  g_assert_cmpint (mount ("afterglow-test", dir, "tmpfs", MS_REMOUNT | MS_RDONLY,
                          "size=4m,mode=0700"), ==, 0);
  before = read_bytes (path);

  store = ag_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY);
  assert_patient_readable (error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (&error);

  /* No store yet, and its folder cannot be made. */
  store = ag_store_open (missing, clock, &error);
  g_assert_null (store);
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY);
  assert_patient_readable (error);

  return 0;
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "ro-mount", NULL);
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  status = run_child ("--read-only-mount", dir, NULL);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP)
    {
      g_test_skip ("no private read-only mount here; /hostile/env/data-folder-is-a-file "
                   "covers what root meets");
      return;
    }
  assert_child_ok (status);
}

/* What root meets too: the data folder's parent is a file, so the folder cannot exist. */
static void
test_data_folder_is_a_file (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "afterglow", NULL);
  g_autofree char *path = g_build_filename (blocker, "afterglow.db", NULL);
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "my notes, not a folder\n";

  write_bytes (blocker, text, strlen (text));
  before = read_bytes (blocker);

  store = ag_store_open (path, clock, &error);
  g_assert_null (store);
  g_assert_true (error->domain == AG_STORE_ERROR);
  assert_patient_readable (error);

  after = read_bytes (blocker);
  g_assert_true (g_bytes_equal (before, after));
}

/* The disk fills up under the file: RLIMIT_FSIZE makes the next write past the current end
 * of the -wal fail (EFBIG, with SIGXFSZ ignored) as a full disk would. */
static int
child_disk_full (const char *path)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  struct rlimit limit;
  struct stat st;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf (DAY "/saved-%u/evening", i);
      tick_ok (store, key);
    }

  g_assert_cmpint (stat (wal_path, &st), ==, 0);
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = st.st_size;
  limit.rlim_max = RLIM_INFINITY;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ag_store_set_item_done (store, DAY "/in-flight/evening", DAY, TRUE, &error));
  g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_DISK_FULL);
  assert_patient_readable (error);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);

  /* Everything saved before is still there, and the one in flight is not half there. */
  ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 5);
  g_assert_false (g_hash_table_contains (ticks, DAY "/in-flight/evening"));

  /* Once there is room again, saving works again. */
  limit.rlim_cur = RLIM_INFINITY;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  tick_ok (store, DAY "/after-room/evening");
  g_assert_cmpuint (count_ticks (store), ==, 6);

  return 0;
}

static void
test_disk_full (void)
{
  g_autofree char *path = ag_store_dup_default_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_object (&store);
  assert_child_ok (run_child ("--disk-full", path, NULL));

  /* And all of it after reopening, in a file that checks out. */
  store = open_ok (path, clock);
  g_assert_cmpint (sqlite3_prepare_v2 (ag_store_get_db (store), "PRAGMA integrity_check", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 6);
  g_assert_false (g_hash_table_contains (ticks, DAY "/in-flight/evening"));
}

/* A really full file system: a 1 MiB tmpfs filled to the last byte by another file. */
static int
child_tmpfs_full (const char *dir)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autofree char *path = g_build_filename (dir, "afterglow", "afterglow.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(AgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char block[4096];
  gboolean full = FALSE;
  int fd;

  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("afterglow-test", dir, "tmpfs", 0, "size=1m,mode=0700") != 0)
    {
      g_printerr ("# cannot mount a tmpfs: %s\n", g_strerror (errno));
      return EXIT_SKIP;
    }

  store = open_ok (path, clock);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf (DAY "/saved-%u/evening", i);
      tick_ok (store, key);
    }

  memset (block, 'x', sizeof block);
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  while (write (fd, block, 1) > 0)
    ;
  close (fd);

  /* Keep ticking until the -wal needs a page the disk does not have. */
  for (guint i = 0; i < 2000 && !full; i++)
    {
      g_autofree char *key = g_strdup_printf (DAY "/late-%u/evening", i);

      if (!ag_store_set_item_done (store, key, DAY, TRUE, &error))
        {
          g_assert_error (error, AG_STORE_ERROR, AG_STORE_ERROR_DISK_FULL);
          assert_patient_readable (error);
          full = TRUE;
        }
    }
  g_assert_true (full);
  g_assert_cmpuint (count_ticks (store), >=, 5);
  g_clear_object (&store);

  /* Room again: everything saved is there and saving works. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  store = open_ok (path, clock);
  g_assert_cmpuint (count_ticks (store), >=, 5);
  tick_ok (store, DAY "/after-room/evening");

  return 0;
}

static void
test_tmpfs_full (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "full-mount", NULL);
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  status = run_child ("--tmpfs-full", dir, NULL);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP)
    {
      g_test_skip ("no private tmpfs possible here; /hostile/env/disk-full covers it");
      return;
    }
  assert_child_ok (status);
}

/* $HOME unset and $XDG_DATA_HOME naming a folder that does not exist yet. */
static int
child_store_in_default_place (void)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autofree char *path = ag_store_dup_default_path ();
  g_autoptr(AgStore) store = open_ok (path, clock);

  tick_ok (store, DAY "/cleanse/evening");
  g_print ("%s\n", path);

  return 0;
}

static void
test_no_home_missing_data_home (void)
{
  g_autofree char *data_home = g_build_filename (g_get_user_data_dir (), "not", "yet", NULL);
  g_autofree char *dir = g_build_filename (data_home, "afterglow", NULL);
  g_autofree char *path = g_build_filename (dir, "afterglow.db", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = NULL;
  struct stat st;

  envp = g_environ_unsetenv (envp, "HOME");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  g_assert_false (g_file_test (data_home, G_FILE_TEST_EXISTS));

  assert_child_ok (run_child ("--default-place", NULL, (const char * const *)envp));

  g_assert_cmpint (stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (data_home, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store = open_ok (path, clock);
  g_assert_cmpuint (count_ticks (store), ==, 1);
}

/* The user sets the system clock back a day (or it was wrong and gets fixed). */
static void
test_clock_back_a_day (void)
{
  g_autofree char *path = ag_store_dup_default_path ();
  g_autoptr(AgClock) clock = new_clock ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(GHashTable) ticks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  gint64 first_time = ag_clock_get_now_unix_usec (clock);
  gint64 delivered_at = 0;
  gint64 *done_at;

  tick_ok (store, DAY "/cleanse/morning");
  g_assert_true (ag_store_record_delivery (store, DAY "/cleanse/morning", AG_DELIVERY_SHOWN,
                                           &error));
  g_assert_no_error (error);

  {
    g_autoptr(GDateTime) now = ag_clock_get_now (clock);
    yesterday = g_date_time_add_days (now, -1);
  }
  ag_clock_set_now (clock, yesterday);

  /* Ticking the same item again keeps when it was first done; a new tick is saved. */
  tick_ok (store, DAY "/cleanse/morning");
  tick_ok (store, DAY "/cleanse/evening");

  /* A reminder already shown is not shown again because the clock went back. */
  g_assert_false (ag_store_record_delivery (store, DAY "/cleanse/morning", AG_DELIVERY_SHOWN,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (ag_store_record_delivery (store, DAY "/cleanse/evening", AG_DELIVERY_SHOWN,
                                           &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = open_ok (path, clock);

  ticks = ag_store_dup_ticks_between (store, DAY, DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (ticks), ==, 2);
  done_at = g_hash_table_lookup (ticks, DAY "/cleanse/morning");
  g_assert_nonnull (done_at);
  g_assert_cmpint (*done_at, ==, first_time);
  g_assert_true (ag_store_lookup_delivery (store, DAY "/cleanse/morning", &delivered_at, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (delivered_at, ==, first_time);
}

/* Everything the core does for both programs, with no D-Bus, no network and no display. */
static void
run_workload (void)
{
  g_autoptr(AgClock) clock = new_clock ();
  g_autofree char *path = ag_store_dup_default_path ();
  g_autoptr(AgStore) store = open_ok (path, clock);
  g_autoptr(AgStore) other = open_ok (path, clock);
  g_autoptr(AgTreatment) treatment = ag_treatment_new (AG_AREA_FACE, AG_DEVICE_PEN);
  g_autoptr(AgSeriesPlan) plan = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(AgProtocol) protocol = NULL;
  g_autoptr(AgProtocol) loaded = NULL;
  g_autoptr(AgAlarm) alarm = NULL;
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  g_autoptr(GDateTime) until = g_date_time_add_days (now, 30);
  g_autoptr(GError) error = NULL;
  AgRoutine routine;

  plan = ag_series_plan_new (now, 3, 4);
  g_assert_true (ag_store_plan_treatment (store, treatment, plan, 4, &error));
  g_assert_no_error (error);
  sessions = ag_store_list_sessions (store, ag_treatment_get_id (treatment), &error);
  g_assert_no_error (error);

  protocol = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  ag_routine_init_default (&routine);
  reminders = ag_engine_reminders_between (protocol, sessions, ag_clock_get_timezone (clock),
                                           &routine, now, until);
  g_assert_cmpuint (reminders->len, >, 0);

  g_assert_true (ag_protocol_set_min_interval_weeks (protocol, AG_AREA_NECK, 8, &error));
  g_assert_true (ag_user_protocol_save (protocol, &error));
  g_assert_no_error (error);
  loaded = ag_user_protocol_load (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (ag_protocol_get_min_interval_weeks (loaded, AG_AREA_NECK), ==, 8);

  tick_ok (store, DAY "/cleanse/evening");
  g_assert_true (ag_store_record_delivery (other, DAY "/cleanse/evening", AG_DELIVERY_SHOWN,
                                           &error));
  g_assert_true (ag_store_set_snooze (other, "spf", ag_clock_get_now_unix_usec (clock), &error));
  g_assert_no_error (error);

  /* Let the file monitors tell each store about the other's writes. */
  for (guint i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  alarm = ag_alarm_new (clock);
  ag_alarm_schedule (alarm, ag_clock_get_now_unix_usec (clock) + G_USEC_PER_SEC);
  g_assert_true (ag_alarm_is_scheduled (alarm));
  ag_alarm_cancel (alarm);
}

static guint
count_sockets (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *fd_path = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (fd_path, NULL);

      if (target != NULL && g_str_has_prefix (target, "socket:"))
        {
          g_printerr ("# fd %s is a %s\n", name, target);
          n++;
        }
    }

  return n;
}

static int
child_no_session_bus (void)
{
  g_assert_null (g_getenv ("DISPLAY"));
  run_workload ();
  g_assert_cmpuint (count_sockets (), ==, 0);

  return 0;
}

static void
test_no_session_bus (void)
{
  g_auto(GStrv) envp = dup_child_environ ();

  /* A bus address that leads nowhere, and no display: nothing in the core may need them. */
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  envp = g_environ_setenv (envp, "DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  assert_child_ok (run_child ("--no-session-bus", NULL, (const char * const *)envp));
}

/* Privacy: any socket(AF_INET, AF_INET6 or AF_PACKET) kills the child with SIGSYS. */
static gboolean
forbid_network_sockets (void)
{
#if defined(__x86_64__)
# define AG_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
# define AG_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif
#ifdef AG_AUDIT_ARCH
  struct sock_filter filter[] = {
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AG_AUDIT_ARCH, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, nr)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 4),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, args[0])),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AF_INET, 3, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AF_INET6, 2, 0),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, AF_PACKET, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_TRAP),
  };
  struct sock_fprog program = { G_N_ELEMENTS (filter), filter };

  return prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
         prctl (PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0;
#else
  return FALSE;
#endif
}

static int
child_no_network (void)
{
  gboolean isolated = unshare (CLONE_NEWNET) == 0;
  gboolean filtered = forbid_network_sockets ();

  g_printerr ("# network namespace: %s, socket filter: %s\n",
              isolated ? "yes" : "no", filtered ? "yes" : "no");

  /* Prove the filter bites before trusting that it stayed quiet. */
  if (filtered && g_strcmp0 (g_getenv ("AFTERGLOW_TEST_OPEN_SOCKET"), "1") == 0)
    socket (AF_INET, SOCK_STREAM, 0);

  run_workload ();
  g_assert_cmpuint (count_sockets (), ==, 0);

  return filtered ? 0 : EXIT_SKIP;
}

static void
test_no_network_socket (void)
{
  g_auto(GStrv) envp = dup_child_environ ();
  g_auto(GStrv) plain_envp = dup_child_environ ();
  int status;

  envp = g_environ_setenv (envp, "AFTERGLOW_TEST_OPEN_SOCKET", "1", TRUE);
  status = run_child ("--no-network", NULL, (const char * const *)envp);
  if (!(WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP))
    {
      /* The filter works: the deliberate socket() was fatal. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGSYS);

      assert_child_ok (run_child ("--no-network", NULL, (const char * const *)plain_envp));
    }
  else
    {
      /* No seccomp here: the open descriptors after the workload are all we can see. */
      status = run_child ("--no-network", NULL, (const char * const *)plain_envp);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, EXIT_SKIP);
      g_test_message ("no seccomp: checked only that no socket stayed open");
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--read-only-mount"))
    return child_read_only_mount (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--disk-full"))
    return child_disk_full (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--tmpfs-full"))
    return child_tmpfs_full (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--default-place"))
    return child_store_in_default_place ();
  if (argc == 3 && g_str_equal (argv[1], "--no-session-bus"))
    return child_no_session_bus ();
  if (argc == 3 && g_str_equal (argv[1], "--no-network"))
    return child_no_network ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/db/flipped-bytes", test_flipped_bytes);
  g_test_add_func ("/hostile/protocol/sparse-100mb", test_protocol_sparse_100mb);
  g_test_add_func ("/hostile/protocol/user-file-sparse-100mb", test_user_protocol_sparse_100mb);
  g_test_add_func ("/hostile/protocol/ten-thousand-tasks", test_protocol_ten_thousand_tasks);
  g_test_add_func ("/hostile/env/read-only-folder", test_read_only_folder);
  g_test_add_func ("/hostile/env/data-folder-is-a-file", test_data_folder_is_a_file);
  g_test_add_func ("/hostile/env/disk-full", test_disk_full);
  g_test_add_func ("/hostile/env/tmpfs-full", test_tmpfs_full);
  g_test_add_func ("/hostile/env/no-home-missing-data-home", test_no_home_missing_data_home);
  g_test_add_func ("/hostile/env/no-session-bus", test_no_session_bus);
  g_test_add_func ("/hostile/clock/back-a-day", test_clock_back_a_day);
  g_test_add_func ("/privacy/no-network-socket", test_no_network_socket);

  return g_test_run ();
}
