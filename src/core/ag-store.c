/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-store.c: the SQLite file that keeps treatments, sessions, ticks and reminders. */

#define G_LOG_DOMAIN "ag-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "ag-error.h"
#include "ag-store-private.h"

#define BUSY_TIMEOUT_MS 5000
#define MONITOR_RATE_LIMIT_MS 100
#define SQLITE_HEADER "SQLite format 3"
#define SQLITE_HEADER_LEN 16
#define HEADER_LEN 100
#define LOCAL_FORMAT "%Y-%m-%dT%H:%M:%S"

struct _AgStore
{
  GObject parent_instance;

  /* owned */
  char *path;
  AgClock *clock;
  sqlite3 *db;
  GFileMonitor *db_monitor;
  GFileMonitor *wal_monitor;

  gint64 data_version;
  guint check_source;

  /* Every session, as ag_store_list_sessions() last read them, and the data_version they
   * were read at: until this connection commits or another one does, they are still true. */
  GPtrArray *sessions;
  gint64 sessions_version;
};

G_DEFINE_FINAL_TYPE (AgStore, ag_store, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/*
 * Each entry takes the schema from version N to N + 1 and runs in its own transaction
 * together with the new PRAGMA user_version. Never edit a released entry: add one.
 */
static const char * const migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE treatments ("
  "  id INTEGER PRIMARY KEY,"
  "  area TEXT NOT NULL,"
  "  device TEXT NOT NULL,"
  "  goal TEXT,"
  "  color TEXT,"
  "  interval_weeks INTEGER NOT NULL DEFAULT 0 CHECK (interval_weeks >= 0),"
  "  interval_override INTEGER NOT NULL DEFAULT 0 CHECK (interval_override IN (0, 1)),"
  "  created_usec INTEGER NOT NULL,"
  "  deleted_usec INTEGER"
  ");"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  treatment_id INTEGER NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,"
  "  start_local TEXT NOT NULL,"
  "  start_zone TEXT NOT NULL,"
  "  start_utc_usec INTEGER NOT NULL,"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),"
  "  depth_mm REAL NOT NULL,"
  "  actual_depth_mm REAL NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (status IN ('planned', 'done', 'cancelled')),"
  "  clinic TEXT,"
  "  notes TEXT"
  ");"
  "CREATE INDEX sessions_by_treatment ON sessions (treatment_id, start_utc_usec);"
  "CREATE INDEX sessions_by_start ON sessions (start_utc_usec);"
  "CREATE TABLE ticks ("
  "  item_key TEXT PRIMARY KEY,"
  "  day TEXT NOT NULL,"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1)),"
  "  changed_usec INTEGER NOT NULL,"
  "  done_at_usec INTEGER"
  ") WITHOUT ROWID;"
  "CREATE INDEX ticks_by_day ON ticks (day);"
  "CREATE TABLE deliveries ("
  "  reminder_key TEXT PRIMARY KEY,"
  "  delivered_at_usec INTEGER NOT NULL,"
  "  how TEXT NOT NULL CHECK (how IN ('shown', 'missed'))"
  ") WITHOUT ROWID;"
  "CREATE TABLE snoozes ("
  "  reminder_key TEXT PRIMARY KEY,"
  "  due_at_usec INTEGER NOT NULL"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == AG_STORE_SCHEMA_VERSION);

static const GFlagsValue change_values[] = {
  { AG_STORE_CHANGE_TREATMENTS, "AG_STORE_CHANGE_TREATMENTS", "treatments" },
  { AG_STORE_CHANGE_SESSIONS, "AG_STORE_CHANGE_SESSIONS", "sessions" },
  { AG_STORE_CHANGE_TICKS, "AG_STORE_CHANGE_TICKS", "ticks" },
  { AG_STORE_CHANGE_DELIVERIES, "AG_STORE_CHANGE_DELIVERIES", "deliveries" },
  { AG_STORE_CHANGE_SNOOZES, "AG_STORE_CHANGE_SNOOZES", "snoozes" },
  { 0, NULL, NULL },
};

/* Errors */

static void
set_damaged_error (GError **error)
{
  g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_DAMAGED,
                       _("Your data file is damaged, so Afterglow did not change it. "
                         "You can set it aside and start with an empty one; "
                         "the damaged file is kept."));
}

static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      gboolean     writing,
                      const char  *what)
{
  g_debug ("%s: %s", what, g_strerror (saved_errno));

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:   /* past the largest file allowed (RLIMIT_FSIZE, file system): as full */
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_DISK_FULL,
                           _("There is no space left on the disk, so this change was not "
                             "saved. Free some space and try again."));
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY,
                           writing
                           ? _("Afterglow is not allowed to write to its data folder, so "
                               "this change was not saved. Check the permissions of your "
                               "home folder.")
                           : _("Afterglow is not allowed to read its data file. Check the "
                               "permissions of your home folder."));
      break;

    default:
      g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_FAILED,
                   _("Afterglow could not open its data file (%s)."),
                   g_strerror (saved_errno));
      break;
    }
}

static void
set_error_from_sqlite (GError  **error,
                       sqlite3  *db,
                       int       rc,
                       gboolean  writing)
{
  int last_errno = errno;
  int primary = rc & 0xff;
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* SQLite does not record the errno of a failed write to the -wal (it reports
   * SQLITE_IOERR_WRITE with errno 0), but it is still in errno: a file grown past its
   * limit (EFBIG) or a full quota must read as a full disk, not as "disk I/O error". */
  if (primary == SQLITE_IOERR && sys_errno == 0 &&
      (last_errno == ENOSPC || last_errno == EDQUOT || last_errno == EFBIG))
    sys_errno = last_errno;

  g_debug ("SQLite error %d (%s), errno %d", rc, detail, sys_errno);

  if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
      (sys_errno == ENOSPC || sys_errno == EDQUOT || sys_errno == EFBIG ||
       sys_errno == EACCES || sys_errno == EPERM || sys_errno == EROFS))
    {
      set_error_from_errno (error, sys_errno, writing, detail);
      return;
    }

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_DISK_FULL,
                           _("There is no space left on the disk, so this change was not "
                             "saved. Free some space and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY,
                           _("Afterglow is not allowed to write to its data file, so this "
                             "change was not saved. Check the permissions of your home "
                             "folder."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      set_damaged_error (error);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_FAILED,
                           _("Another Afterglow window is saving right now, so this change "
                             "was not saved. Try again in a moment."));
      break;

    default:
      if (writing)
        g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_FAILED,
                     _("Afterglow could not save this change (%s)."), detail);
      else
        g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_FAILED,
                     _("Afterglow could not read your data (%s)."), detail);
      break;
    }
}

static void
set_not_found_error (GError     **error,
                     const char  *message)
{
  g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_FOUND, message);
}

/* Statements */

static sqlite3_stmt *
prepare_va (AgStore     *self,
            GError     **error,
            const char  *sql,
            const char  *types,
            va_list      args)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, self->db, rc, FALSE);
      return NULL;
    }

  for (int i = 1; types != NULL && types[i - 1] != '\0'; i++)
    {
      switch (types[i - 1])
        {
        case 'i':
          rc = sqlite3_bind_int64 (stmt, i, va_arg (args, gint64));
          break;
        case 'u':
          rc = sqlite3_bind_int64 (stmt, i, va_arg (args, guint));
          break;
        case 'b':
          rc = sqlite3_bind_int (stmt, i, va_arg (args, gboolean) ? 1 : 0);
          break;
        case 'd':
          rc = sqlite3_bind_double (stmt, i, va_arg (args, double));
          break;
        case 's':
          {
            const char *str = va_arg (args, const char *);
            if (str != NULL)
              rc = sqlite3_bind_text (stmt, i, str, -1, SQLITE_TRANSIENT);
            else
              rc = sqlite3_bind_null (stmt, i);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      if (rc != SQLITE_OK)
        {
          set_error_from_sqlite (error, self->db, rc, FALSE);
          return NULL;
        }
    }

  return g_steal_pointer (&stmt);
}

/* Binds the arguments described by @types: i gint64, u guint, b gboolean, d double,
 * s string or NULL. */
static sqlite3_stmt *
prepare (AgStore     *self,
         GError     **error,
         const char  *sql,
         const char  *types,
         ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = prepare_va (self, error, sql, types, args);
  va_end (args);

  return stmt;
}

/* Returns SQLITE_ROW or SQLITE_DONE, or sets @error and returns the failure. */
static int
step (AgStore      *self,
      sqlite3_stmt *stmt,
      gboolean      writing,
      GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    set_error_from_sqlite (error, self->db, rc, writing);

  return rc;
}

static gboolean
run_va (AgStore     *self,
        GError     **error,
        const char  *sql,
        const char  *types,
        va_list      args)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_va (self, error, sql, types, args);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = step (self, stmt, TRUE, error)) == SQLITE_ROW)
    ;

  return rc == SQLITE_DONE;
}

/* Runs one writing statement to its end. */
static gboolean
run (AgStore     *self,
     GError     **error,
     const char  *sql,
     const char  *types,
     ...)
{
  va_list args;
  gboolean ok;

  va_start (args, types);
  ok = run_va (self, error, sql, types, args);
  va_end (args);

  return ok;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          gboolean     writing,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, db, rc, writing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int64 (sqlite3     *db,
             const char  *sql,
             gint64      *out,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      set_error_from_sqlite (error, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc, FALSE);
      return FALSE;
    }

  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Transactions: every user action is one of them. */

static void
emit_changed (AgStore       *self,
              AgStoreChange  changes)
{
  if (changes != 0)
    g_signal_emit (self, signals[CHANGED], 0, changes);
}

static gboolean
begin_write (AgStore  *self,
             GError  **error)
{
  /* IMMEDIATE takes the write lock up front, so a second process waits in the busy
   * handler instead of failing when it upgrades a read to a write. */
  return exec_sql (self->db, "BEGIN IMMEDIATE", TRUE, error);
}

static void
rollback (AgStore *self)
{
  /* What was read inside the transaction may be undone. */
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
commit (AgStore        *self,
        AgStoreChange   changes,
        GError        **error)
{
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  if (!exec_sql (self->db, "COMMIT", TRUE, error))
    {
      rollback (self);
      return FALSE;
    }

  emit_changed (self, changes);
  return TRUE;
}

/* A user action that is one statement: its own transaction, and @changes signalled only if
 * a row changed. @changed_rows (optional) tells whether one did. */
static gboolean
run_action (AgStore        *self,
            AgStoreChange   changes,
            gboolean       *changed_rows,
            GError        **error,
            const char     *sql,
            const char     *types,
            ...)
{
  va_list args;
  gboolean ok;
  gboolean changed;

  if (!begin_write (self, error))
    return FALSE;

  va_start (args, types);
  ok = run_va (self, error, sql, types, args);
  va_end (args);

  if (!ok)
    {
      rollback (self);
      return FALSE;
    }

  changed = sqlite3_changes (self->db) > 0;
  if (changed_rows != NULL)
    *changed_rows = changed;

  return commit (self, changed ? changes : 0, error);
}

/* Dates */

static void
date_time_to_columns (GDateTime  *datetime,
                      char      **local,
                      const char **zone,
                      gint64     *utc_usec)
{
  *local = g_date_time_format (datetime, LOCAL_FORMAT);
  *zone = g_time_zone_get_identifier (g_date_time_get_timezone (datetime));
  *utc_usec = g_date_time_to_unix (datetime) * G_USEC_PER_SEC
              + g_date_time_get_microsecond (datetime);
}

static gboolean
local_fields_match (GDateTime *datetime,
                    int        year,
                    int        month,
                    int        day,
                    int        hour,
                    int        minute,
                    int        second)
{
  return g_date_time_get_year (datetime) == year &&
         g_date_time_get_month (datetime) == month &&
         g_date_time_get_day_of_month (datetime) == day &&
         g_date_time_get_hour (datetime) == hour &&
         g_date_time_get_minute (datetime) == minute &&
         g_date_time_get_second (datetime) == second;
}

/*
 * The wall-clock time in its zone is what the practitioner agreed on, so it wins when
 * the zone's rules changed since it was saved. The stored instant only decides which of
 * two equal wall-clock times was meant when the clocks go back.
 */
static GDateTime *
date_time_from_columns (const char *local,
                        const char *zone,
                        gint64      utc_usec)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) epoch = NULL;
  g_autoptr(GDateTime) instant = NULL;
  int year, month, day, hour, minute, second;

  if (zone != NULL && zone[0] != '\0')
    tz = g_time_zone_new_identifier (zone);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  epoch = g_date_time_new_from_unix_utc (utc_usec / G_USEC_PER_SEC);
  if (epoch != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_add (epoch, utc_usec % G_USEC_PER_SEC);
      instant = g_date_time_to_timezone (utc, tz);
    }

  if (local == NULL ||
      sscanf (local, "%d-%d-%dT%d:%d:%d", &year, &month, &day, &hour, &minute, &second) != 6)
    return g_steal_pointer (&instant);

  if (instant != NULL &&
      local_fields_match (instant, year, month, day, hour, minute, second))
    return g_steal_pointer (&instant);

  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

static GTimeSpan
time_of_day (GDateTime *datetime)
{
  return (GTimeSpan)g_date_time_get_hour (datetime) * G_TIME_SPAN_HOUR
         + (GTimeSpan)g_date_time_get_minute (datetime) * G_TIME_SPAN_MINUTE
         + (GTimeSpan)g_date_time_get_second (datetime) * G_TIME_SPAN_SECOND;
}

/* Moves @datetime by whole days and a time of day in its own zone's wall-clock terms. */
static GDateTime *
shift_wall_clock (GDateTime *datetime,
                  int        days,
                  GTimeSpan  time_of_day_delta)
{
  g_autoptr(GDateTime) date_only = NULL;
  GTimeSpan total = time_of_day (datetime) + time_of_day_delta;
  int extra_days;

  extra_days = (int)(total / G_TIME_SPAN_DAY);
  total %= G_TIME_SPAN_DAY;
  if (total < 0)
    {
      total += G_TIME_SPAN_DAY;
      extra_days--;
    }

  date_only = ag_date_time_add_local_days (datetime, days + extra_days);
  if (date_only == NULL)
    return NULL;

  return g_date_time_new (g_date_time_get_timezone (datetime),
                          g_date_time_get_year (date_only),
                          g_date_time_get_month (date_only),
                          g_date_time_get_day_of_month (date_only),
                          (int)(total / G_TIME_SPAN_HOUR),
                          (int)(total % G_TIME_SPAN_HOUR / G_TIME_SPAN_MINUTE),
                          (double)(total % G_TIME_SPAN_MINUTE) / G_TIME_SPAN_SECOND);
}

static gboolean
is_day (const char *day)
{
  int year, month, date;
  char rest;

  if (day == NULL || strlen (day) != 10 ||
      sscanf (day, "%4d-%2d-%2d%c", &year, &month, &date, &rest) != 3)
    return FALSE;

  return g_date_valid_dmy (date, month, year);
}

static gboolean
check_depth (double   depth_mm,
             GError **error)
{
  if (depth_mm < AG_DEPTH_MIN_MM - 1e-9 || depth_mm > AG_DEPTH_MAX_MM + 1e-9)
    {
      g_set_error (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DEPTH,
                   _("The needle depth must be between %.1f mm and %.1f mm. "
                     "Check the depth your practitioner gave you."),
                   AG_DEPTH_MIN_MM, AG_DEPTH_MAX_MM);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_duration (guint    minutes,
                GError **error)
{
  if (minutes == 0 || minutes > 24 * 60)
    {
      g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_INVALID,
                           _("A session lasts from one minute to one day. "
                             "Check how long your session takes."));
      return FALSE;
    }

  return TRUE;
}

/* Opening safely */

static char *
sibling_path (const char *path,
              const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static gboolean
check_regular_file (const char   *path,
                    gboolean      must_exist,
                    struct stat  *st,
                    GError      **error)
{
  if (lstat (path, st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && !must_exist)
        return TRUE;

      set_error_from_errno (error, saved_errno, FALSE, path);
      return FALSE;
    }

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_UNSAFE_PATH,
                   _("Afterglow’s data file %s is a link or not an ordinary file, so "
                     "Afterglow did not open or change it. Move it away and start "
                     "Afterglow again."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 | bytes[3];
}

/*
 * Looks at the first 100 bytes without SQLite, which would happily treat an empty file
 * as a new database and write to it.
 */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  guint8 header[HEADER_LEN];
  struct stat st;
  gssize n_read = 0;
  guint32 page_size;
  guint32 change_counter;
  guint32 n_pages;
  guint32 valid_for;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ELOOP)
        return check_regular_file (path, TRUE, &st, error);

      set_error_from_errno (error, saved_errno, FALSE, path);
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return check_regular_file (path, TRUE, &st, error);
    }

  while (n_read < HEADER_LEN)
    {
      gssize n = read (fd, header + n_read, HEADER_LEN - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_error_from_errno (error, saved_errno, FALSE, path);
          return FALSE;
        }
      if (n == 0)
        break;
      n_read += n;
    }
  close (fd);

  if (n_read == 0)
    {
      set_damaged_error (error);
      return FALSE;
    }

  if (memcmp (header, SQLITE_HEADER, MIN (n_read, SQLITE_HEADER_LEN)) != 0)
    {
      g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE,
                   _("The file %s is not an Afterglow data file, so Afterglow did not "
                     "open or change it. You can set it aside and start with an empty "
                     "one; the file is kept."),
                   path);
      return FALSE;
    }

  /* Starts like a database but ends before its header does. */
  if (n_read < HEADER_LEN)
    {
      set_damaged_error (error);
      return FALSE;
    }

  page_size = (guint32)header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0 ||
      st.st_size % page_size != 0)
    {
      set_damaged_error (error);
      return FALSE;
    }

  change_counter = read_be32 (header + 24);
  n_pages = read_be32 (header + 28);
  valid_for = read_be32 (header + 92);
  if (n_pages != 0 && valid_for == change_counter &&
      (guint64)st.st_size < (guint64)n_pages * page_size)
    {
      set_damaged_error (error);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  /* No SQLITE_OPEN_CREATE: a file that vanished is not silently replaced by an empty
   * one. NOFOLLOW: a link put there after the checks is still refused. */
  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, db, rc, FALSE);
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* SQLite quietly opens a file it cannot write (read-only mount or permissions) for
   * reading only, and then fails later with "unable to open database file". */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY,
                           _("Afterglow is not allowed to write to its data folder, so "
                             "it cannot save anything. Check the permissions of your "
                             "home folder."));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  return db;
}

/* A connection that only reads and creates no -wal or -shm file; the caller makes sure
 * there is no -wal file whose changes it would miss. */
static sqlite3 *
open_probe (const char  *path,
            GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  sqlite3 *db = NULL;
  int rc;

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    {
      g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_FAILED,
                   _("Afterglow could not open its data file %s."), path);
      return NULL;
    }

  immutable = g_strconcat (uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (immutable, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, db, rc, FALSE);
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  return db;
}

/* Reads only: nothing here writes the file. */
static gboolean
check_contents (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 user_version = 0;
  gint64 application_id = 0;
  gint64 n_tables = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW ||
      g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      int primary = rc & 0xff;

      g_debug ("quick_check of %s: %d %s", path, rc,
               rc == SQLITE_ROW ? (const char *)sqlite3_column_text (stmt, 0)
                                : sqlite3_errmsg (db));

      if (rc == SQLITE_ROW || primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        set_damaged_error (error);
      else
        set_error_from_sqlite (error, db, rc, FALSE);
      return FALSE;
    }

  if (!query_int64 (db, "PRAGMA user_version", &user_version, error) ||
      !query_int64 (db, "PRAGMA application_id", &application_id, error) ||
      !query_int64 (db, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if ((application_id != 0 && application_id != AG_STORE_APPLICATION_ID) ||
      (user_version == 0 && n_tables > 0))
    {
      g_set_error (error, AG_STORE_ERROR, AG_STORE_ERROR_NOT_A_DATABASE,
                   _("The file %s belongs to another program, so Afterglow did not "
                     "open or change it. You can set it aside and start with an empty "
                     "one; the file is kept."),
                   path);
      return FALSE;
    }

  if (user_version > AG_STORE_SCHEMA_VERSION)
    {
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_NEWER_SCHEMA,
                           _("Your data was saved by a newer version of Afterglow, so this "
                             "version cannot open it. Update Afterglow to see your data; "
                             "nothing has been changed."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_up_connection (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /*
   * FULL: every commit is fsynced before the call returns, so a tick the user saw
   * confirmed survives a power cut as well as a crash. It costs one fsync per user
   * action, which people never notice (see docs/store.md for the measurement).
   */
  if (!exec_sql (db,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA trusted_schema = OFF;",
                 FALSE, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_sqlite (error, db, rc, TRUE);
      return FALSE;
    }

  if (g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") != 0)
    {
      g_set_error_literal (error, AG_STORE_ERROR, AG_STORE_ERROR_READ_ONLY,
                           _("Afterglow is not allowed to write to its data folder, so "
                             "it cannot save anything. Check the permissions of your "
                             "home folder."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  for (;;)
    {
      g_autofree char *set_version = NULL;
      gint64 version;

      if (!exec_sql (db, "BEGIN IMMEDIATE", TRUE, error))
        return FALSE;

      /* Read again inside the transaction: another process may have just migrated. */
      if (!query_int64 (db, "PRAGMA user_version", &version, error))
        goto fail;

      if (version >= AG_STORE_SCHEMA_VERSION)
        return exec_sql (db, "COMMIT", TRUE, error);

      g_debug ("Migrating the store from version %" G_GINT64_FORMAT, version);

      set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT ";"
                                     "PRAGMA application_id = %d;",
                                     version + 1, AG_STORE_APPLICATION_ID);
      if (!exec_sql (db, migrations[version], TRUE, error) ||
          !exec_sql (db, set_version, TRUE, error) ||
          !exec_sql (db, "COMMIT", TRUE, error))
        goto fail;
    }

fail:
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;

  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/*
 * Builds the complete empty database under a temporary name and links it into place,
 * so a crash never leaves a half-made file where the store expects its data (an empty
 * file there is reported as damaged rather than silently reused).
 */
static gboolean
create_fresh (const char  *path,
              GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".new-XXXXXX", NULL);
  sqlite3 *db;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_error_from_errno (error, errno, TRUE, tmp_path);
      return FALSE;
    }
  close (fd);

  db = open_connection (tmp_path, error);
  if (db == NULL ||
      !set_up_connection (db, error) ||
      !migrate (db, error))
    {
      sqlite3_close_v2 (db);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The last connection to close checkpoints and removes the -wal and -shm files. */
  if (sqlite3_close_v2 (db) != SQLITE_OK)
    g_debug ("Closing the new database %s failed", tmp_path);

  if (link (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        {
          /* Another process made it at the same moment; use theirs. */
        }
      else if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EXDEV)
        {
          /* A file system without hard links. */
          if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (tmp_path, path) != 0)
            {
              set_error_from_errno (error, errno, TRUE, path);
              g_unlink (tmp_path);
              return FALSE;
            }
        }
      else
        {
          set_error_from_errno (error, saved_errno, TRUE, path);
          g_unlink (tmp_path);
          return FALSE;
        }
    }

  g_unlink (tmp_path);
  sync_directory (path);

  return TRUE;
}

static char *
timestamped_path (const char *path,
                  const char *label,
                  AgClock    *clock)
{
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.%s-%s", path, label, stamp);
  char *candidate = g_strdup (base);
  struct stat st;

  for (guint i = 2; lstat (candidate, &st) == 0; i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, i);
    }

  return candidate;
}

/*
 * A -wal file without its database belongs to no database; SQLite would apply it to
 * the new empty one. Keep it, under a name SQLite does not look at.
 */
static void
set_orphan_wal_aside (const char *path,
                      AgClock    *clock)
{
  g_autofree char *wal_path = sibling_path (path, "-wal");
  g_autofree char *shm_path = sibling_path (path, "-shm");
  struct stat st;

  if (lstat (wal_path, &st) == 0)
    {
      g_autofree char *aside = timestamped_path (wal_path, "orphaned", clock);

      g_message ("Setting aside %s, which has no database", wal_path);
      g_rename (wal_path, aside);
    }

  if (lstat (shm_path, &st) == 0)
    g_unlink (shm_path);
}

/* Change notification */

static gboolean
check_external_change_cb (gpointer user_data)
{
  AgStore *self = AG_STORE (user_data);
  gint64 data_version;

  self->check_source = 0;

  if (self->db == NULL || !query_int64 (self->db, "PRAGMA data_version", &data_version, NULL))
    return G_SOURCE_REMOVE;

  /* data_version only moves when another connection committed: our own writes and
   * file activity that changed nothing (a reader opening, a checkpoint) are noise. */
  if (data_version != self->data_version)
    {
      self->data_version = data_version;
      g_debug ("Another program changed %s", self->path);
      emit_changed (self, AG_STORE_CHANGE_ALL);
    }

  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  AgStore *self = AG_STORE (user_data);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  /* Many file events per commit become one check on the next main-loop iteration. */
  if (self->check_source == 0)
    self->check_source = g_idle_add_full (G_PRIORITY_DEFAULT, check_external_change_cb,
                                          self, NULL);
}

static GFileMonitor *
monitor_file (AgStore    *self,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (monitor == NULL)
    {
      g_warning ("Cannot watch %s for changes by other programs: %s", path, error->message);
      return NULL;
    }

  g_file_monitor_set_rate_limit (monitor, MONITOR_RATE_LIMIT_MS);
  g_signal_connect (monitor, "changed", G_CALLBACK (file_changed_cb), self);

  return monitor;
}

static void
stop_monitor (AgStore       *self,
              GFileMonitor **monitor)
{
  if (*monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*monitor, self);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

/* GObject */

static void
ag_store_dispose (GObject *object)
{
  AgStore *self = (AgStore *)object;

  stop_monitor (self, &self->db_monitor);
  stop_monitor (self, &self->wal_monitor);
  g_clear_handle_id (&self->check_source, g_source_remove);

  G_OBJECT_CLASS (ag_store_parent_class)->dispose (object);
}

static void
ag_store_finalize (GObject *object)
{
  AgStore *self = (AgStore *)object;

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ag_store_parent_class)->finalize (object);
}

static void
ag_store_class_init (AgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ag_store_dispose;
  object_class->finalize = ag_store_finalize;

  /**
   * AgStore::changed:
   * @self: the store
   * @changes: an #AgStoreChange: what changed
   *
   * Emitted right after this store committed a change, and soon after another program
   * (or another #AgStore on the same file) did; then @changes is %AG_STORE_CHANGE_ALL.
   * Seeing another program's changes needs the thread-default main context the store
   * was opened in to run.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AG_TYPE_STORE_CHANGE);
}

static void
ag_store_init (AgStore *self)
{
}

/* Public API */

GType
ag_store_change_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_flags_register_static (g_intern_static_string ("AgStoreChange"),
                                          change_values);
      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

/**
 * ag_store_dup_default_path:
 *
 * Returns: (transfer full): where Afterglow keeps its data:
 *   `$XDG_DATA_HOME/afterglow/afterglow.db`
 */
char *
ag_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "afterglow", "afterglow.db", NULL);
}

/* Everything ag_store_open() does but watching the file, which ties the store to the calling
 * thread's main context: this part may run in any thread. */
static AgStore *
open_unwatched (const char  *path,
                AgClock     *clock,
                GError     **error)
{
  g_autoptr(AgStore) self = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wal_path = NULL;
  g_autofree char *shm_path = NULL;
  struct stat st;
  sqlite3 *db;

  if (!g_path_is_absolute (path))
    path = absolute = g_canonicalize_filename (path, NULL);

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (error, errno, TRUE, dir);
      return NULL;
    }

  if (lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          set_error_from_errno (error, errno, FALSE, path);
          return NULL;
        }

      set_orphan_wal_aside (path, clock);
      if (!create_fresh (path, error))
        return NULL;
    }

  wal_path = sibling_path (path, "-wal");
  shm_path = sibling_path (path, "-shm");
  if (!check_regular_file (path, TRUE, &st, error) ||
      !check_regular_file (wal_path, FALSE, &st, error) ||
      !check_regular_file (shm_path, FALSE, &st, error) ||
      !check_header (path, error))
    return NULL;

  if (lstat (wal_path, &st) != 0)
    {
      /* Without a -wal file everything is in the main file: check it through a
       * connection that cannot write anything, not even a -wal or -shm file. */
      sqlite3 *probe = open_probe (path, error);
      gboolean ok;

      if (probe == NULL)
        return NULL;

      ok = check_contents (probe, path, error);
      sqlite3_close_v2 (probe);
      if (!ok)
        return NULL;

      db = open_connection (path, error);
      if (db == NULL)
        return NULL;
    }
  else
    {
      db = open_connection (path, error);
      if (db == NULL)
        return NULL;

      /* Reading may recover the -wal into the -shm file, but until the file passed its
       * checks, closing must not write a checkpoint into it. */
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      if (!check_contents (db, path, error))
        {
          sqlite3_close_v2 (db);
          return NULL;
        }
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
      /* The check read every page; none of them is needed again soon. */
      sqlite3_db_release_memory (db);
    }

  if (!set_up_connection (db, error) || !migrate (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  self = g_object_new (AG_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->clock = g_object_ref (clock);
  self->db = db;

  if (!query_int64 (db, "PRAGMA data_version", &self->data_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Other programs' changes are seen through the thread-default main context of the caller. */
static void
watch (AgStore *self)
{
  g_autofree char *wal_path = sibling_path (self->path, "-wal");

  self->db_monitor = monitor_file (self, self->path);
  self->wal_monitor = monitor_file (self, wal_path);
}

/**
 * ag_store_open:
 * @path: the database file, usually ag_store_dup_default_path()
 * @clock: the clock that stamps changes
 * @error: where a reason the file cannot be used goes, in words a patient understands
 *
 * Opens the store, creating it (in a folder only the user can read) if there is none.
 * An existing file is checked before anything is written to it: a link or special file
 * (%AG_STORE_ERROR_UNSAFE_PATH), an empty, truncated or damaged file
 * (%AG_STORE_ERROR_DAMAGED), another program's file (%AG_STORE_ERROR_NOT_A_DATABASE)
 * or one saved by a newer Afterglow (%AG_STORE_ERROR_NEWER_SCHEMA) is refused and left
 * exactly as it was. Then an older schema is brought up to date.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AgStore *
ag_store_open (const char  *path,
               AgClock     *clock,
               GError     **error)
{
  AgStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (AG_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = open_unwatched (path, clock, error);
  if (self != NULL)
    watch (self);

  return self;
}

struct _AgStoreOpening
{
  GThread *thread;
  char *path;
  AgClock *clock;
  AgStore *store;
  GError *error;
};

static gpointer
opening_thread (gpointer data)
{
  AgStoreOpening *opening = data;

  opening->store = open_unwatched (opening->path, opening->clock, &opening->error);

  return NULL;
}

/**
 * ag_store_opening_start:
 * @path: the database file, usually ag_store_dup_default_path()
 * @clock: the clock that stamps changes
 *
 * Starts opening the store as ag_store_open() does, in a thread of its own, so that a program
 * can get on with starting meanwhile: opening reads and checks the whole file. Nothing else
 * may use @path's store or change @clock until ag_store_opening_finish().
 *
 * Returns: (transfer full): the opening, for ag_store_opening_finish()
 */
AgStoreOpening *
ag_store_opening_start (const char *path,
                        AgClock    *clock)
{
  AgStoreOpening *opening;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (AG_IS_CLOCK (clock), NULL);

  opening = g_new0 (AgStoreOpening, 1);
  opening->path = g_strdup (path);
  opening->clock = g_object_ref (clock);
  opening->thread = g_thread_new ("ag-store-open", opening_thread, opening);

  return opening;
}

/**
 * ag_store_opening_finish:
 * @opening: (transfer full): what ag_store_opening_start() returned
 * @error: where a reason the file cannot be used goes, as for ag_store_open()
 *
 * Waits for the opening to end. The store then watches its file for other programs' changes
 * through the calling thread's main context, as if it had been opened here.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AgStore *
ag_store_opening_finish (AgStoreOpening  *opening,
                         GError         **error)
{
  AgStore *self;

  g_return_val_if_fail (opening != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_thread_join (opening->thread);
  self = g_steal_pointer (&opening->store);
  if (self != NULL)
    watch (self);
  else
    g_propagate_error (error, g_steal_pointer (&opening->error));

  g_clear_error (&opening->error);
  g_object_unref (opening->clock);
  g_free (opening->path);
  g_free (opening);

  return self;
}

/**
 * ag_store_move_aside:
 * @path: the database file that could not be opened
 * @clock: the clock that names the kept copy
 * @new_path: (out) (optional) (transfer full): where the file went
 * @error: where a reason goes
 *
 * Renames a database that ag_store_open() refused (and its -wal and -shm files) to
 * `<path>.damaged-YYYYMMDD-HHMMSS`, so the user can start with an empty store while the
 * old file is kept for recovery.
 *
 * Returns: %TRUE if the file was renamed
 */
gboolean
ag_store_move_aside (const char  *path,
                     AgClock     *clock,
                     char       **new_path,
                     GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  g_autofree char *target = NULL;
  struct stat st;
  gboolean moved[G_N_ELEMENTS (suffixes)] = { FALSE, };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (AG_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lstat (path, &st) != 0)
    {
      if (errno == ENOENT)
        set_not_found_error (error, _("There is no data file to set aside."));
      else
        set_error_from_errno (error, errno, TRUE, path);
      return FALSE;
    }

  target = timestamped_path (path, "damaged", clock);

  /* The -wal file goes first: left behind, SQLite would apply it to the new database. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = sibling_path (path, suffixes[i]);
      g_autofree char *to = sibling_path (target, suffixes[i]);

      if (lstat (from, &st) != 0)
        continue;

      if (g_rename (from, to) != 0)
        {
          set_error_from_errno (error, errno, TRUE, from);
          goto undo;
        }
      moved[i] = TRUE;
    }

  if (g_rename (path, target) != 0)
    {
      set_error_from_errno (error, errno, TRUE, path);
      goto undo;
    }

  sync_directory (path);

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);

  return TRUE;

undo:
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = sibling_path (path, suffixes[i]);
      g_autofree char *to = sibling_path (target, suffixes[i]);

      if (moved[i])
        g_rename (to, from);
    }

  return FALSE;
}

/**
 * ag_store_get_path:
 *
 * Returns: (transfer none): the database file
 */
const char *
ag_store_get_path (AgStore *self)
{
  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  return self->path;
}

/**
 * ag_store_release_memory:
 * @self: a store
 *
 * Gives back the database pages and the sessions cached in memory. A long-running reader
 * such as the reminders service calls it before it sleeps; the next read fetches what it
 * needs again.
 */
void
ag_store_release_memory (AgStore *self)
{
  g_return_if_fail (AG_IS_STORE (self));

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_db_release_memory (self->db);
}

/**
 * ag_store_get_clock:
 *
 * Returns: (transfer none): the clock that stamps changes
 */
AgClock *
ag_store_get_clock (AgStore *self)
{
  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  return self->clock;
}

sqlite3 *
ag_store_get_db (AgStore *self)
{
  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  return self->db;
}

/* Treatments */

static AgTreatment *
treatment_from_row (sqlite3_stmt *stmt)
{
  AgTreatment *treatment;
  AgArea area = AG_AREA_FACE;
  AgDevice device = AG_DEVICE_ROLLER;

  if (!ag_area_from_string ((const char *)sqlite3_column_text (stmt, 1), &area))
    g_warning ("Unknown area “%s”", sqlite3_column_text (stmt, 1));
  if (!ag_device_from_string ((const char *)sqlite3_column_text (stmt, 2), &device))
    g_warning ("Unknown device “%s”", sqlite3_column_text (stmt, 2));

  treatment = ag_treatment_new (area, device);
  ag_treatment_set_id (treatment, sqlite3_column_int64 (stmt, 0));
  ag_treatment_set_goal (treatment, (const char *)sqlite3_column_text (stmt, 3));
  ag_treatment_set_color (treatment, (const char *)sqlite3_column_text (stmt, 4));
  ag_treatment_set_interval_weeks (treatment, (guint)sqlite3_column_int64 (stmt, 5));
  ag_treatment_set_interval_override (treatment, sqlite3_column_int (stmt, 6) != 0);
  ag_treatment_set_created_usec (treatment, sqlite3_column_int64 (stmt, 7));

  return treatment;
}

#define TREATMENT_COLUMNS \
  "id, area, device, goal, color, interval_weeks, interval_override, created_usec"

static gboolean
insert_treatment (AgStore      *self,
                  AgTreatment  *treatment,
                  GError      **error)
{
  gint64 created_usec = ag_clock_get_now_unix_usec (self->clock);

  if (!run (self, error,
            "INSERT INTO treatments (area, device, goal, color, interval_weeks,"
            "                        interval_override, created_usec)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            "ssssubi",
            ag_area_to_string (ag_treatment_get_area (treatment)),
            ag_device_to_string (ag_treatment_get_device (treatment)),
            ag_treatment_get_goal (treatment),
            ag_treatment_get_color (treatment),
            ag_treatment_get_interval_weeks (treatment),
            ag_treatment_get_interval_override (treatment),
            created_usec))
    return FALSE;

  ag_treatment_set_id (treatment, sqlite3_last_insert_rowid (self->db));
  ag_treatment_set_created_usec (treatment, created_usec);
  return TRUE;
}

/* Whether the row exists at all, deleted or not. */
static gboolean
treatment_exists (AgStore   *self,
                  gint64     treatment_id,
                  gboolean   include_deleted,
                  gboolean  *exists,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, error,
                  include_deleted
                  ? "SELECT 1 FROM treatments WHERE id = ?"
                  : "SELECT 1 FROM treatments WHERE id = ? AND deleted_usec IS NULL",
                  "i", treatment_id);
  if (stmt == NULL)
    return FALSE;

  rc = step (self, stmt, FALSE, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static void
set_treatment_not_found (GError **error)
{
  set_not_found_error (error, _("This treatment no longer exists. It may have been deleted "
                                "in another window."));
}

static void
set_session_not_found (GError **error)
{
  set_not_found_error (error, _("This session no longer exists. It may have been deleted "
                                "in another window."));
}

/* Ends a write whose last statement should have changed a row: commits it if it did, and
 * otherwise rolls it back and reports the row as gone through @set_not_found. */
static gboolean
commit_if_found (AgStore        *self,
                 AgStoreChange   changes,
                 void          (*set_not_found) (GError **error),
                 GError        **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      set_not_found (error);
      return FALSE;
    }

  return commit (self, changes, error);
}

/**
 * ag_store_add_treatment:
 * @self: the store
 * @treatment: the treatment; its id is set once it is saved
 * @error: where a reason goes
 *
 * Saves a new treatment without sessions.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_add_treatment (AgStore      *self,
                        AgTreatment  *treatment,
                        GError      **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (AG_IS_TREATMENT (treatment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!insert_treatment (self, treatment, error))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, AG_STORE_CHANGE_TREATMENTS, error);
}

/**
 * ag_store_update_treatment:
 * @self: the store
 * @treatment: a stored treatment with its new area, device, goal, colour and interval
 * @error: where a reason goes (%AG_STORE_ERROR_NOT_FOUND if it is gone)
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_update_treatment (AgStore      *self,
                           AgTreatment  *treatment,
                           GError      **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (AG_IS_TREATMENT (treatment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error,
            "UPDATE treatments SET area = ?, device = ?, goal = ?, color = ?,"
            " interval_weeks = ?, interval_override = ? WHERE id = ?",
            "ssssubi",
            ag_area_to_string (ag_treatment_get_area (treatment)),
            ag_device_to_string (ag_treatment_get_device (treatment)),
            ag_treatment_get_goal (treatment),
            ag_treatment_get_color (treatment),
            ag_treatment_get_interval_weeks (treatment),
            ag_treatment_get_interval_override (treatment),
            ag_treatment_get_id (treatment)))
    {
      rollback (self);
      return FALSE;
    }

  return commit_if_found (self, AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS,
                          set_treatment_not_found, error);
}

static gboolean
set_treatment_deleted (AgStore   *self,
                       gint64     treatment_id,
                       gboolean   deleted,
                       GError   **error)
{
  gboolean exists = FALSE;

  if (!begin_write (self, error))
    return FALSE;

  if (!treatment_exists (self, treatment_id, TRUE, &exists, error))
    goto fail;

  if (!exists)
    {
      set_treatment_not_found (error);
      goto fail;
    }

  /* Deleting twice keeps the first time, so undo restores what the user deleted. */
  if (deleted)
    {
      if (!run (self, error,
                "UPDATE treatments SET deleted_usec = ? WHERE id = ? AND deleted_usec IS NULL",
                "ii", ag_clock_get_now_unix_usec (self->clock), treatment_id))
        goto fail;
    }
  else if (!run (self, error,
                 "UPDATE treatments SET deleted_usec = NULL WHERE id = ?",
                 "i", treatment_id))
    goto fail;

  return commit (self, AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS, error);

fail:
  rollback (self);
  return FALSE;
}

/**
 * ag_store_delete_treatment:
 * @self: the store
 * @treatment_id: the treatment
 * @error: where a reason goes
 *
 * Hides a treatment and its sessions, so that ag_store_restore_treatment() can undo it.
 * Ticks are kept.
 *
 * Returns: %TRUE if it was deleted
 */
gboolean
ag_store_delete_treatment (AgStore  *self,
                           gint64    treatment_id,
                           GError  **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_treatment_deleted (self, treatment_id, TRUE, error);
}

/**
 * ag_store_restore_treatment:
 * @self: the store
 * @treatment_id: a deleted treatment
 * @error: where a reason goes
 *
 * Undoes ag_store_delete_treatment().
 *
 * Returns: %TRUE if it is back
 */
gboolean
ag_store_restore_treatment (AgStore  *self,
                            gint64    treatment_id,
                            GError  **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_treatment_deleted (self, treatment_id, FALSE, error);
}

/**
 * ag_store_purge_treatment:
 * @self: the store
 * @treatment_id: the treatment
 * @error: where a reason goes
 *
 * Removes a treatment and all its sessions for good (when undo is no longer offered).
 *
 * Returns: %TRUE if it was removed
 */
gboolean
ag_store_purge_treatment (AgStore  *self,
                          gint64    treatment_id,
                          GError  **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error, "DELETE FROM treatments WHERE id = ?", "i", treatment_id))
    {
      rollback (self);
      return FALSE;
    }

  return commit_if_found (self, AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS,
                          set_treatment_not_found, error);
}

static gboolean
insert_session (AgStore      *self,
                gint64        treatment_id,
                GDateTime    *start,
                guint         duration_minutes,
                double        depth_mm,
                const char   *clinic,
                const char   *notes,
                gint64       *id,
                GError      **error)
{
  g_autofree char *local = NULL;
  const char *zone;
  gint64 utc_usec;

  date_time_to_columns (start, &local, &zone, &utc_usec);

  if (!run (self, error,
            "INSERT INTO sessions (treatment_id, start_local, start_zone, start_utc_usec,"
            "                      duration_minutes, depth_mm, clinic, notes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "issiudss",
            treatment_id, local, zone, utc_usec, duration_minutes, depth_mm, clinic, notes))
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * ag_store_purge_deleted_treatments:
 * @self: the store
 * @error: where a reason goes
 *
 * Removes for good every treatment that was deleted and not restored, with its sessions.
 * The app calls it when it starts, after the undo of a past run can no longer be offered.
 *
 * Returns: %TRUE on success
 */
gboolean
ag_store_purge_deleted_treatments (AgStore  *self,
                                   GError  **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_action (self, AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS, NULL, error,
                     "DELETE FROM treatments WHERE deleted_usec IS NOT NULL", "");
}

/**
 * ag_store_plan_treatment:
 * @self: the store
 * @treatment: the new treatment; its id, interval and override are set once saved
 * @plan: the series: first start, number of sessions, interval, depth, duration, clinic
 * @min_interval_weeks: the shortest interval the protocol allows for this area
 * @error: where a reason goes (%AG_PLAN_ERROR for a plan that cannot be saved)
 *
 * Checks the plan with ag_series_plan_validate(), then saves the treatment and all its
 * sessions at once, recording whether the interval was shortened on the
 * practitioner's word.
 *
 * Returns: %TRUE if everything was saved; otherwise nothing was
 */
gboolean
ag_store_plan_treatment (AgStore             *self,
                         AgTreatment         *treatment,
                         const AgSeriesPlan  *plan,
                         guint                min_interval_weeks,
                         GError             **error)
{
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(AgTreatment) copy = NULL;

  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (AG_IS_TREATMENT (treatment), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ag_series_plan_validate (plan, min_interval_weeks, error))
    return FALSE;

  dates = ag_series_plan_dup_dates (plan);
  if (dates->len != ag_series_plan_get_n_sessions (plan))
    {
      g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                           _("Some of these sessions fall on dates Afterglow cannot "
                             "handle. Choose an earlier first session."));
      return FALSE;
    }

  /* Only touch the caller's object once everything is saved. */
  copy = ag_treatment_new (ag_treatment_get_area (treatment),
                           ag_treatment_get_device (treatment));
  ag_treatment_set_goal (copy, ag_treatment_get_goal (treatment));
  ag_treatment_set_color (copy, ag_treatment_get_color (treatment));
  ag_treatment_set_interval_weeks (copy, ag_series_plan_get_interval_weeks (plan));
  ag_treatment_set_interval_override (copy,
                                      ag_series_plan_get_interval_override (plan) &&
                                      ag_series_plan_get_interval_weeks (plan) <
                                      min_interval_weeks);

  if (!begin_write (self, error))
    return FALSE;

  if (!insert_treatment (self, copy, error))
    goto fail;

  for (guint i = 0; i < dates->len; i++)
    {
      gint64 session_id;

      if (!insert_session (self, ag_treatment_get_id (copy), g_ptr_array_index (dates, i),
                           ag_series_plan_get_duration_minutes (plan),
                           ag_series_plan_get_depth_mm (plan),
                           ag_series_plan_get_clinic (plan), NULL,
                           &session_id, error))
        goto fail;
    }

  if (!commit (self, AG_STORE_CHANGE_TREATMENTS | AG_STORE_CHANGE_SESSIONS, error))
    return FALSE;

  ag_treatment_set_id (treatment, ag_treatment_get_id (copy));
  ag_treatment_set_interval_weeks (treatment, ag_treatment_get_interval_weeks (copy));
  ag_treatment_set_interval_override (treatment, ag_treatment_get_interval_override (copy));

  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/**
 * ag_store_list_treatments:
 * @self: the store
 * @error: where a reason goes
 *
 * Returns: (transfer full) (element-type AgTreatment) (nullable): the treatments that
 *   are not deleted, oldest first
 */
GPtrArray *
ag_store_list_treatments (AgStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) treatments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, error,
                  "SELECT " TREATMENT_COLUMNS " FROM treatments"
                  " WHERE deleted_usec IS NULL ORDER BY id",
                  NULL);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (self, stmt, FALSE, error)) == SQLITE_ROW)
    g_ptr_array_add (treatments, treatment_from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&treatments);
}

/**
 * ag_store_get_treatment:
 * @self: the store
 * @treatment_id: the treatment
 * @error: where a reason goes (%AG_STORE_ERROR_NOT_FOUND if it is gone or deleted)
 *
 * Returns: (transfer full) (nullable): the treatment
 */
AgTreatment *
ag_store_get_treatment (AgStore  *self,
                        gint64    treatment_id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, error,
                  "SELECT " TREATMENT_COLUMNS " FROM treatments"
                  " WHERE id = ? AND deleted_usec IS NULL",
                  "i", treatment_id);
  if (stmt == NULL)
    return NULL;

  rc = step (self, stmt, FALSE, error);
  if (rc == SQLITE_ROW)
    return treatment_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_treatment_not_found (error);

  return NULL;
}

/* Sessions */

#define SESSION_COLUMNS \
  "s.id, s.treatment_id, t.area, s.start_local, s.start_zone, s.start_utc_usec," \
  " s.duration_minutes, s.depth_mm, s.actual_depth_mm, s.status, s.clinic, s.notes"

static AgSession *
session_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) start = NULL;
  AgSession *session;
  AgArea area = AG_AREA_FACE;
  AgSessionStatus status = AG_SESSION_PLANNED;

  start = date_time_from_columns ((const char *)sqlite3_column_text (stmt, 3),
                                  (const char *)sqlite3_column_text (stmt, 4),
                                  sqlite3_column_int64 (stmt, 5));
  ag_area_from_string ((const char *)sqlite3_column_text (stmt, 2), &area);
  ag_session_status_from_string ((const char *)sqlite3_column_text (stmt, 9), &status);

  session = ag_session_new (sqlite3_column_int64 (stmt, 1), start);
  ag_session_set_id (session, sqlite3_column_int64 (stmt, 0));
  ag_session_set_area (session, area);
  ag_session_set_duration_minutes (session, (guint)sqlite3_column_int64 (stmt, 6));
  ag_session_set_depth_mm (session, sqlite3_column_double (stmt, 7));
  ag_session_set_actual_depth_mm (session, sqlite3_column_double (stmt, 8));
  ag_session_set_status (session, status);
  ag_session_set_clinic (session, (const char *)sqlite3_column_text (stmt, 10));
  ag_session_set_notes (session, (const char *)sqlite3_column_text (stmt, 11));

  return session;
}

/* Sessions come sorted by start; number them within their series, skipping cancelled. */
static void
number_sessions (GPtrArray *sessions)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The hash tables point into @ids, which must not move while they are used. */
  g_array_set_size (ids, sessions->len);

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);
      gint64 *id = &g_array_index (ids, gint64, i);

      *id = ag_session_get_treatment_id (session);
      if (ag_session_get_status (session) != AG_SESSION_CANCELLED)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
          g_hash_table_insert (counts, id, GUINT_TO_POINTER (count + 1));
        }
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);
      gint64 *id = &g_array_index (ids, gint64, i);

      ag_session_set_count (session, GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)));
      if (ag_session_get_status (session) != AG_SESSION_CANCELLED)
        {
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, id)) + 1;
          g_hash_table_insert (numbers, id, GUINT_TO_POINTER (number));
          ag_session_set_number (session, number);
        }
      else
        ag_session_set_number (session, 0);
    }
}

/* Reads every session of the treatments that are not deleted, numbered. */
static GPtrArray *
read_sessions (AgStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, error,
                  "SELECT " SESSION_COLUMNS " FROM sessions s"
                  " JOIN treatments t ON t.id = s.treatment_id"
                  " WHERE t.deleted_usec IS NULL"
                  " ORDER BY s.start_utc_usec, s.id",
                  "");
  if (stmt == NULL)
    return NULL;

  while ((rc = step (self, stmt, FALSE, error)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  number_sessions (sessions);

  return g_steal_pointer (&sessions);
}

/**
 * ag_store_list_sessions:
 * @self: the store
 * @treatment_id: a treatment, or 0 for the sessions of every treatment
 * @error: where a reason goes
 *
 * Lists the sessions of treatments that are not deleted, sorted by start. Each has its
 * treatment's area, and its number and count within its series, not counting
 * cancelled sessions (a cancelled session has number 0).
 *
 * The store keeps what it read until the data changes, and every caller gets the same
 * sessions meanwhile: treat them as read-only, and edit a copy (ag_session_copy()).
 *
 * Returns: (transfer full) (element-type AgSession) (nullable): the sessions
 */
GPtrArray *
ag_store_list_sessions (AgStore  *self,
                        gint64    treatment_id,
                        GError  **error)
{
  GPtrArray *sessions;
  gint64 data_version;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* data_version moves when another connection commits; this one's commits drop the
   * sessions themselves. */
  if (!query_int64 (self->db, "PRAGMA data_version", &data_version, error))
    return NULL;
  if (self->sessions == NULL || self->sessions_version != data_version)
    {
      GPtrArray *read = read_sessions (self, error);

      if (read == NULL)
        return NULL;
      g_clear_pointer (&self->sessions, g_ptr_array_unref);
      self->sessions = read;
      self->sessions_version = data_version;
    }

  sessions = g_ptr_array_new_full (self->sessions->len, g_object_unref);
  for (guint i = 0; i < self->sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (self->sessions, i);

      if (treatment_id == 0 || ag_session_get_treatment_id (session) == treatment_id)
        g_ptr_array_add (sessions, g_object_ref (session));
    }

  return sessions;
}

/**
 * ag_store_get_session:
 * @self: the store
 * @session_id: the session
 * @error: where a reason goes (%AG_STORE_ERROR_NOT_FOUND if it is gone)
 *
 * Returns: (transfer full) (nullable): the session, numbered within its series: a copy of its
 *   own, which the caller may change
 */
AgSession *
ag_store_get_session (AgStore  *self,
                      gint64    session_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The listed sessions are numbered within their series; a deleted treatment's are not
   * among them. */
  sessions = ag_store_list_sessions (self, 0, error);
  if (sessions == NULL)
    return NULL;

  for (guint i = 0; i < sessions->len; i++)
    {
      AgSession *session = g_ptr_array_index (sessions, i);

      /* The listed sessions are shared until the data changes: callers edit what they get
       * here, and an edit the store then refuses must not show in them. */
      if (ag_session_get_id (session) == session_id)
        return ag_session_copy (session);
    }

  set_session_not_found (error);
  return NULL;
}

/**
 * ag_store_add_session:
 * @self: the store
 * @session: a new session with its treatment id, start, duration, depth, clinic and
 *   notes; its id is set once saved
 * @error: where a reason goes
 *
 * Adds one extra session to an existing treatment.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_add_session (AgStore    *self,
                      AgSession  *session,
                      GError    **error)
{
  gboolean exists = FALSE;
  gint64 id;

  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (AG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ag_session_get_start (session) == NULL)
    {
      g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                           _("Choose the date and time of the session."));
      return FALSE;
    }

  if (!check_depth (ag_session_get_depth_mm (session), error) ||
      !check_duration (ag_session_get_duration_minutes (session), error))
    return FALSE;

  if (!begin_write (self, error))
    return FALSE;

  if (!treatment_exists (self, ag_session_get_treatment_id (session), FALSE, &exists, error))
    goto fail;

  if (!exists)
    {
      set_treatment_not_found (error);
      goto fail;
    }

  if (!insert_session (self, ag_session_get_treatment_id (session),
                       ag_session_get_start (session),
                       ag_session_get_duration_minutes (session),
                       ag_session_get_depth_mm (session),
                       ag_session_get_clinic (session),
                       ag_session_get_notes (session),
                       &id, error))
    goto fail;

  if (!commit (self, AG_STORE_CHANGE_SESSIONS, error))
    return FALSE;

  ag_session_set_id (session, id);
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/**
 * ag_store_update_session:
 * @self: the store
 * @session: a stored session with its new depth, duration, clinic and notes
 * @error: where a reason goes
 *
 * Saves what can be edited about a session in place. Its start changes only through
 * ag_store_move_session(), its status through ag_store_set_session_status().
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_update_session (AgStore    *self,
                         AgSession  *session,
                         GError    **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (AG_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_depth (ag_session_get_depth_mm (session), error) ||
      !check_duration (ag_session_get_duration_minutes (session), error))
    return FALSE;

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error,
            "UPDATE sessions SET depth_mm = ?, duration_minutes = ?, clinic = ?, notes = ?"
            " WHERE id = ?",
            "dussi",
            ag_session_get_depth_mm (session),
            ag_session_get_duration_minutes (session),
            ag_session_get_clinic (session),
            ag_session_get_notes (session),
            ag_session_get_id (session)))
    goto fail;

  return commit_if_found (self, AG_STORE_CHANGE_SESSIONS, set_session_not_found, error);

fail:
  rollback (self);
  return FALSE;
}

static gboolean
update_session_start (AgStore    *self,
                      gint64      session_id,
                      GDateTime  *start,
                      GError    **error)
{
  g_autofree char *local = NULL;
  const char *zone;
  gint64 utc_usec;

  date_time_to_columns (start, &local, &zone, &utc_usec);

  return run (self, error,
              "UPDATE sessions SET start_local = ?, start_zone = ?, start_utc_usec = ?"
              " WHERE id = ?",
              "ssii", local, zone, utc_usec, session_id);
}

static int
julian_day (GDateTime *datetime)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime),
                  g_date_time_get_year (datetime));

  return (int)g_date_get_julian (&date);
}

/**
 * ag_store_move_session:
 * @self: the store
 * @session_id: the session
 * @new_start: its new start, in the zone it is planned in
 * @shift_later: whether the later planned sessions of the series move along
 * @error: where a reason goes
 *
 * Moves a session. With @shift_later, every later session of the same series that is
 * still planned moves by the same amount of calendar days and clock time, so a series
 * at 10:00 stays at 10:00 across a change to summer time. Ticks are kept: they belong to
 * days, not to sessions.
 *
 * Returns: %TRUE if it was moved
 */
gboolean
ag_store_move_session (AgStore    *self,
                       gint64      session_id,
                       GDateTime  *new_start,
                       gboolean    shift_later,
                       GError    **error)
{
  g_autoptr(AgSession) session = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  GDateTime *old_start;
  int delta_days;
  GTimeSpan delta_time;

  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_start != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  /* Read inside the write transaction so nobody moves the series in between. */
  session = ag_store_get_session (self, session_id, error);
  if (session == NULL)
    goto fail;

  if (!update_session_start (self, session_id, new_start, error))
    goto fail;

  if (shift_later)
    {
      old_start = ag_session_get_start (session);
      delta_days = julian_day (new_start) - julian_day (old_start);
      delta_time = time_of_day (new_start) - time_of_day (old_start);

      sessions = ag_store_list_sessions (self, ag_session_get_treatment_id (session), error);
      if (sessions == NULL)
        goto fail;

      for (guint i = 0; i < sessions->len; i++)
        {
          AgSession *later = g_ptr_array_index (sessions, i);
          g_autoptr(GDateTime) shifted = NULL;
          int order;

          if (ag_session_get_id (later) == session_id ||
              ag_session_get_status (later) != AG_SESSION_PLANNED)
            continue;

          order = g_date_time_compare (ag_session_get_start (later), old_start);
          if (order < 0 || (order == 0 && ag_session_get_id (later) < session_id))
            continue;

          shifted = shift_wall_clock (ag_session_get_start (later), delta_days, delta_time);
          if (shifted == NULL)
            {
              g_set_error_literal (error, AG_PLAN_ERROR, AG_PLAN_ERROR_DATE,
                                   _("The later sessions would fall on dates Afterglow "
                                     "cannot handle. Choose an earlier date."));
              goto fail;
            }

          if (!update_session_start (self, ag_session_get_id (later), shifted, error))
            goto fail;
        }
    }

  return commit (self, AG_STORE_CHANGE_SESSIONS, error);

fail:
  rollback (self);
  return FALSE;
}

/**
 * ag_store_set_session_status:
 * @self: the store
 * @session_id: the session
 * @status: planned, done or cancelled
 * @actual_depth_mm: for a done session, the depth actually used, or 0 if it was the
 *   planned one; ignored otherwise
 * @error: where a reason goes
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_set_session_status (AgStore          *self,
                             gint64            session_id,
                             AgSessionStatus   status,
                             double            actual_depth_mm,
                             GError          **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (status < AG_N_SESSION_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (status != AG_SESSION_DONE)
    actual_depth_mm = 0.0;
  else if (actual_depth_mm != 0.0 && !check_depth (actual_depth_mm, error))
    return FALSE;

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error,
            "UPDATE sessions SET status = ?, actual_depth_mm = ? WHERE id = ?",
            "sdi", ag_session_status_to_string (status), actual_depth_mm, session_id))
    goto fail;

  return commit_if_found (self, AG_STORE_CHANGE_SESSIONS, set_session_not_found, error);

fail:
  rollback (self);
  return FALSE;
}

/* Ticks */

/**
 * ag_store_set_item_done:
 * @self: the store
 * @item_key: the item, "YYYY-MM-DD/<task>/<slot>"
 * @day: the local day it belongs to, "YYYY-MM-DD"
 * @done: whether it is ticked
 * @error: where a reason goes
 *
 * Ticks or unticks an item, recording when by the store's clock. Ticking an item that
 * is already ticked keeps the time it was first ticked. When this returns %TRUE the
 * tick is on disk.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_set_item_done (AgStore     *self,
                        const char  *item_key,
                        const char  *day,
                        gboolean     done,
                        GError     **error)
{
  gint64 now;

  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (item_key != NULL && item_key[0] != '\0', FALSE);
  g_return_val_if_fail (is_day (day), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = ag_clock_get_now_unix_usec (self->clock);

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error,
            "INSERT INTO ticks (item_key, day, done, changed_usec, done_at_usec)"
            " VALUES (?1, ?2, ?3, ?4, CASE WHEN ?3 THEN ?4 END)"
            " ON CONFLICT (item_key) DO UPDATE SET"
            "  day = excluded.day,"
            "  done = excluded.done,"
            "  changed_usec = excluded.changed_usec,"
            "  done_at_usec = CASE WHEN excluded.done = 0 THEN NULL"
            "                      WHEN ticks.done = 1 THEN ticks.done_at_usec"
            "                      ELSE excluded.done_at_usec END",
            "ssbi", item_key, day, done, now))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, AG_STORE_CHANGE_TICKS, error);
}

static GHashTable *
new_usec_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
insert_usec (GHashTable *table,
             const char *key,
             gint64      usec)
{
  gint64 *value = g_new (gint64, 1);

  *value = usec;
  g_hash_table_insert (table, g_strdup (key), value);
}

/**
 * ag_store_dup_ticks_between:
 * @self: the store
 * @first_day: the first day, "YYYY-MM-DD"
 * @last_day: the last day, included
 * @error: where a reason goes
 *
 * Returns: (transfer full) (element-type utf8 gint64) (nullable): the items ticked on
 *   those days: item key → pointer to the time it was ticked, in µs since the epoch
 */
GHashTable *
ag_store_dup_ticks_between (AgStore     *self,
                            const char  *first_day,
                            const char  *last_day,
                            GError     **error)
{
  g_autoptr(GHashTable) ticks = new_usec_table ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (first_day != NULL, NULL);
  g_return_val_if_fail (last_day != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, error,
                  "SELECT item_key, done_at_usec FROM ticks"
                  " WHERE done = 1 AND day BETWEEN ? AND ?",
                  "ss", first_day, last_day);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (self, stmt, FALSE, error)) == SQLITE_ROW)
    insert_usec (ticks, (const char *)sqlite3_column_text (stmt, 0),
                 sqlite3_column_int64 (stmt, 1));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&ticks);
}

/* Reminders */

/**
 * ag_store_record_delivery:
 * @self: the store
 * @reminder_key: the reminder
 * @how: whether it was shown or missed
 * @error: where a reason goes
 *
 * Claims a reminder for delivery, at the store's clock's time. Only the first claim
 * succeeds, also between the app and the reminders service, so a reminder is never
 * shown twice: record first, show only on %TRUE.
 *
 * Returns: %TRUE if this call recorded it; %FALSE with @error unset if it had already
 *   been recorded, %FALSE with @error set if it could not be saved
 */
gboolean
ag_store_record_delivery (AgStore        *self,
                          const char     *reminder_key,
                          AgDeliveryHow   how,
                          GError        **error)
{
  gboolean recorded = FALSE;

  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (reminder_key != NULL, FALSE);
  g_return_val_if_fail (how == AG_DELIVERY_SHOWN || how == AG_DELIVERY_MISSED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!run_action (self, AG_STORE_CHANGE_DELIVERIES, &recorded, error,
                   "INSERT INTO deliveries (reminder_key, delivered_at_usec, how) VALUES (?, ?, ?)"
                   " ON CONFLICT (reminder_key) DO NOTHING",
                   "sis", reminder_key, ag_clock_get_now_unix_usec (self->clock),
                   how == AG_DELIVERY_SHOWN ? "shown" : "missed"))
    return FALSE;

  return recorded;
}

/**
 * ag_store_forget_delivery:
 * @self: the store
 * @reminder_key: a reminder this program recorded with ag_store_record_delivery()
 * @error: where a reason goes
 *
 * Takes back a claim on a reminder that could not be shown after all, so that it is shown
 * when it can be. Forgetting a reminder that was never recorded is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
ag_store_forget_delivery (AgStore     *self,
                          const char  *reminder_key,
                          GError     **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (reminder_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_action (self, AG_STORE_CHANGE_DELIVERIES, NULL, error,
                     "DELETE FROM deliveries WHERE reminder_key = ?", "s", reminder_key);
}

/**
 * ag_store_lookup_delivery:
 * @self: the store
 * @reminder_key: the reminder
 * @delivered_at_usec: (out) (optional): when it was recorded, in µs since the epoch
 * @how: (out) (optional): whether it was shown or missed
 * @error: where a reason goes (%AG_STORE_ERROR_NOT_FOUND if it was not delivered)
 *
 * Returns: %TRUE if the reminder was delivered
 */
gboolean
ag_store_lookup_delivery (AgStore        *self,
                          const char     *reminder_key,
                          gint64         *delivered_at_usec,
                          AgDeliveryHow  *how,
                          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (reminder_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare (self, error,
                  "SELECT delivered_at_usec, how FROM deliveries WHERE reminder_key = ?",
                  "s", reminder_key);
  if (stmt == NULL)
    return FALSE;

  rc = step (self, stmt, FALSE, error);
  if (rc == SQLITE_DONE)
    set_not_found_error (error, _("This reminder has not been shown yet."));
  if (rc != SQLITE_ROW)
    return FALSE;

  if (delivered_at_usec != NULL)
    *delivered_at_usec = sqlite3_column_int64 (stmt, 0);
  if (how != NULL)
    *how = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "missed") == 0
           ? AG_DELIVERY_MISSED : AG_DELIVERY_SHOWN;

  return TRUE;
}

/**
 * ag_store_set_snooze:
 * @self: the store
 * @reminder_key: the reminder
 * @due_at_usec: when it should come back, in µs since the epoch
 * @error: where a reason goes
 *
 * Snoozes a reminder, replacing an earlier snooze of it.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_set_snooze (AgStore     *self,
                     const char  *reminder_key,
                     gint64       due_at_usec,
                     GError     **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (reminder_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error,
            "INSERT INTO snoozes (reminder_key, due_at_usec) VALUES (?, ?)"
            " ON CONFLICT (reminder_key) DO UPDATE SET due_at_usec = excluded.due_at_usec",
            "si", reminder_key, due_at_usec))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, AG_STORE_CHANGE_SNOOZES, error);
}

/**
 * ag_store_dup_snoozes:
 * @self: the store
 * @error: where a reason goes
 *
 * Returns: (transfer full) (element-type utf8 gint64) (nullable): every snoozed
 *   reminder: key → pointer to when it is due, in µs since the epoch
 */
GHashTable *
ag_store_dup_snoozes (AgStore  *self,
                      GError  **error)
{
  g_autoptr(GHashTable) snoozes = new_usec_table ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, error, "SELECT reminder_key, due_at_usec FROM snoozes", NULL);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (self, stmt, FALSE, error)) == SQLITE_ROW)
    insert_usec (snoozes, (const char *)sqlite3_column_text (stmt, 0),
                 sqlite3_column_int64 (stmt, 1));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&snoozes);
}

/**
 * ag_store_dup_due_snoozes:
 * @self: the store
 * @until_usec: the time up to which a snooze counts as due, usually now
 * @error: where a reason goes
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the keys of the reminders
 *   whose snooze is due at or before @until_usec, the earliest first
 */
GPtrArray *
ag_store_dup_due_snoozes (AgStore  *self,
                          gint64    until_usec,
                          GError  **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (AG_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, error,
                  "SELECT reminder_key FROM snoozes WHERE due_at_usec <= ?"
                  " ORDER BY due_at_usec, reminder_key",
                  "i", until_usec);
  if (stmt == NULL)
    return NULL;

  while ((rc = step (self, stmt, FALSE, error)) == SQLITE_ROW)
    g_ptr_array_add (keys, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&keys);
}

/**
 * ag_store_clear_snooze:
 * @self: the store
 * @reminder_key: the reminder
 * @error: where a reason goes
 *
 * Forgets a snooze; clearing one that is not there is not an error.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
ag_store_clear_snooze (AgStore     *self,
                       const char  *reminder_key,
                       GError     **error)
{
  g_return_val_if_fail (AG_IS_STORE (self), FALSE);
  g_return_val_if_fail (reminder_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin_write (self, error))
    return FALSE;

  if (!run (self, error, "DELETE FROM snoozes WHERE reminder_key = ?", "s", reminder_key))
    {
      rollback (self);
      return FALSE;
    }

  return commit (self, AG_STORE_CHANGE_SNOOZES, error);
}
