/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-diff-list.h: a GListModel base that replaces its items and signals only what changed. */

#pragma once

#include <gio/gio.h>

#include "ag-store.h"

G_BEGIN_DECLS

#define AG_TYPE_DIFF_LIST (ag_diff_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (AgDiffList, ag_diff_list, AG, DIFF_LIST, GObject)

/**
 * AgDiffListClass:
 * @fingerprint: returns a string that is equal for two items exactly when a widget showing
 *   one would show the other the same way, apart from what @refresh updates in place
 * @refresh: (nullable): copies state that changes often (such as a tick) from @fresh onto
 *   @kept, the item already in the list, so widgets update through property notifications
 * @reload: (nullable): builds the items again and hands them to ag_diff_list_replace();
 *   needed by ag_diff_list_follow_store() and ag_diff_list_reload_or_warn()
 * @follows_clock: (nullable): whether a change of the store's clock matters right now;
 *   without it, it always does
 * @what: names the list in warnings, such as "the reminders"
 *
 * Subclasses build a new array of items whenever the store or their inputs change and hand it
 * to ag_diff_list_replace().
 */
struct _AgDiffListClass
{
  GObjectClass parent_class;

  char     *(*fingerprint)   (AgDiffList  *self,
                              gpointer     item);
  void      (*refresh)       (AgDiffList  *self,
                              gpointer     kept,
                              gpointer     fresh);
  gboolean  (*reload)        (AgDiffList  *self,
                              GError     **error);
  gboolean  (*follows_clock) (AgDiffList  *self);

  const char *what;
};

GType     ag_diff_list_get_item_type_for (AgDiffList *self);
void      ag_diff_list_replace           (AgDiffList *self,
                                          GPtrArray  *items);
gpointer  ag_diff_list_peek              (AgDiffList *self,
                                          guint       position);
guint     ag_diff_list_get_size          (AgDiffList *self);
void      ag_diff_list_follow_store      (AgDiffList    *self,
                                          AgStore       *store,
                                          AgStoreChange  changes,
                                          gboolean       follow_clock);
void      ag_diff_list_reload_or_warn    (AgDiffList *self);

G_END_DECLS
