/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-session-list.c: the list model of one treatment's sessions, or of all, by start time. */

#define G_LOG_DOMAIN "ag-session-list"

#include "config.h"

#include "ag-session-list.h"

struct _AgSessionList
{
  AgDiffList parent_instance;

  /* owned */
  AgStore *store;

  gint64 treatment_id;
};

G_DEFINE_FINAL_TYPE (AgSessionList, ag_session_list, AG_TYPE_DIFF_LIST)

static char *
ag_session_list_fingerprint (AgDiffList *list,
                             gpointer    item)
{
  AgSession *session = item;
  GDateTime *start = ag_session_get_start (session);
  g_autofree char *start_text = start ? g_date_time_format_iso8601 (start) : g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%u|%u/%u|%s|%s|%u|%.3f|%.3f|%u|%s|%s",
                          ag_session_get_id (session),
                          ag_session_get_treatment_id (session),
                          ag_session_get_area (session),
                          ag_session_get_number (session),
                          ag_session_get_count (session),
                          start_text,
                          start ? g_time_zone_get_identifier (g_date_time_get_timezone (start)) : "",
                          ag_session_get_duration_minutes (session),
                          ag_session_get_depth_mm (session),
                          ag_session_get_actual_depth_mm (session),
                          ag_session_get_status (session),
                          ag_session_get_clinic (session) ? ag_session_get_clinic (session) : "",
                          ag_session_get_notes (session) ? ag_session_get_notes (session) : "");
}

static gboolean
ag_session_list_reload_list (AgDiffList  *list,
                             GError     **error)
{
  return ag_session_list_reload (AG_SESSION_LIST (list), error);
}

static void
ag_session_list_dispose (GObject *object)
{
  AgSessionList *self = (AgSessionList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ag_session_list_parent_class)->dispose (object);
}

static void
ag_session_list_class_init (AgSessionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AgDiffListClass *list_class = AG_DIFF_LIST_CLASS (klass);

  object_class->dispose = ag_session_list_dispose;
  list_class->fingerprint = ag_session_list_fingerprint;
  list_class->reload = ag_session_list_reload_list;
  list_class->what = "the sessions";
}

static void
ag_session_list_init (AgSessionList *self)
{
}

/**
 * ag_session_list_new:
 * @store: the store to follow
 * @treatment_id: the treatment whose sessions to list, or 0 for every treatment's
 *
 * Returns: (transfer full): a model of the sessions by start time, kept in step with @store
 */
AgSessionList *
ag_session_list_new (AgStore *store,
                     gint64   treatment_id)
{
  AgSessionList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);

  self = g_object_new (AG_TYPE_SESSION_LIST, "item-type", AG_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->treatment_id = treatment_id;
  ag_diff_list_follow_store (AG_DIFF_LIST (self), store,
                             AG_STORE_CHANGE_SESSIONS | AG_STORE_CHANGE_TREATMENTS, FALSE);
  if (!ag_session_list_reload (self, &error))
    g_warning ("Could not load the sessions: %s", error->message);

  return self;
}

/**
 * ag_session_list_reload:
 *
 * Reads the sessions again and signals what changed.
 *
 * Returns: %TRUE on success; on failure the list keeps what it had
 */
gboolean
ag_session_list_reload (AgSessionList  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_val_if_fail (AG_IS_SESSION_LIST (self), FALSE);

  sessions = ag_store_list_sessions (self->store, self->treatment_id, error);
  if (sessions == NULL)
    return FALSE;

  ag_diff_list_replace (AG_DIFF_LIST (self), sessions);

  return TRUE;
}

gint64
ag_session_list_get_treatment_id (AgSessionList *self)
{
  g_return_val_if_fail (AG_IS_SESSION_LIST (self), 0);

  return self->treatment_id;
}

/**
 * ag_session_list_dup_sessions:
 *
 * Returns: (transfer container) (element-type AgSession): the sessions now in the list
 */
GPtrArray *
ag_session_list_dup_sessions (AgSessionList *self)
{
  GPtrArray *sessions;
  guint n;

  g_return_val_if_fail (AG_IS_SESSION_LIST (self), NULL);

  n = ag_diff_list_get_size (AG_DIFF_LIST (self));
  sessions = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sessions, g_object_ref (ag_diff_list_peek (AG_DIFF_LIST (self), i)));

  return sessions;
}
